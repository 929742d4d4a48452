// End-to-end: the activity panel of a shared list: two users see each other's actions as
// sentences, newest first, and older ones load as the panel is scrolled. Needs the backend's
// activity (api.md, "Activity and audit").

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiCall, createList, docsScreenshot, openSharedList, person, shownListId } from './list-helpers.js';
import { add, axeViolations, item, noProblems, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();

const sentences = (page) => page.locator('.activity-list .activity-text').allTextContents();

async function shareWith(owner, member, role) {
	const answer = await apiCall(owner, 'POST', `/api/v1/lists/${shownListId(owner)}/members`, { email: member.user.email, role });
	assert.equal(answer.status, 201);
	await owner.reload();
	await settled(owner);
}

describe('activity', () => {
	it('shows two members of a shared list what each other did, as sentences, newest first', async () => {
		const bob = await person(stack, pages, 'Bob', { viewport: { width: 1024, height: 1400 } });
		const alice = await person(stack, pages, 'Alice', { viewport: { width: 1024, height: 1400 } });
		await createList(alice, 'Groceries');
		assert.equal(await alice.locator('.activity').isVisible(), false, 'no panel for a list of one');
		await add(alice, 'Milk');
		await shareWith(alice, bob, 'editor');
		await alice.locator('.activity-list li').first().waitFor();

		await openSharedList(bob, 'Groceries');
		await item(bob, 'Milk').locator('.toggle').check();
		await add(bob, 'Bread');
		const bobSays = await sentences(bob);
		assert.equal(bobSays[0], 'You added “Bread”');
		assert.equal(bobSays[1], 'You completed “Milk”');
		assert.ok(bobSays.includes(`${alice.user.name} added “Milk”`), bobSays.join(' | '));

		await alice.reload();
		await settled(alice);
		const aliceSees = await sentences(alice);
		assert.deepEqual(aliceSees.slice(0, 2), [`${bob.user.name} added “Bread”`, `${bob.user.name} completed “Milk”`]);
		assert.ok(aliceSees.includes('You added “Milk”'), aliceSees.join(' | '));
		assert.match(await alice.locator('.activity-list li').first().locator('time').textContent(), /^(just now|1 min ago)$/);
		await alice.locator('.activity').screenshot({ path: docsScreenshot('activity') });
		noProblems(alice);
		noProblems(bob);
	});

	it('loads older events as the panel is scrolled to its end', async () => {
		const bob = await person(stack, pages, 'Bo');
		const alice = await person(stack, pages, 'Al');
		await createList(alice, 'Busy');
		await shareWith(alice, bob, 'viewer');
		const listId = shownListId(alice);
		for (let i = 1; i <= 40; i++) await apiCall(alice, 'POST', '/api/v1/todos', { title: `Task ${i}`, list_id: listId });
		await alice.reload();
		await settled(alice);
		assert.equal(await alice.locator('.activity-list li').count(), 30, 'one page at first');

		await alice.locator('.activity-scroll').evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
		await alice.waitForFunction(() => document.querySelectorAll('.activity-list li').length > 30);
		await settled(alice);
		const all = await sentences(alice);
		assert.equal(all[0], 'You added “Task 40”');
		assert.ok(all.includes('You added “Task 1”'), 'the oldest to-do is there');
		assert.equal(await alice.locator('.activity-sentinel').textContent(), 'That is everything.');
		noProblems(alice);
	});

	it('has no WCAG 2.1 AA violations in the activity panel (light and dark)', async () => {
		for (const colorScheme of ['light', 'dark']) {
			const bob = await person(stack, pages, `Bob${colorScheme}`, { colorScheme, bypassCSP: true });
			const alice = await person(stack, pages, `Alice${colorScheme}`, { colorScheme, bypassCSP: true });
			await createList(alice, 'Together');
			await add(alice, 'Something');
			await shareWith(alice, bob, 'editor');
			await alice.locator('.activity-list li').first().waitFor();
			assert.deepEqual(await axeViolations(alice), [], colorScheme);
		}
	});
});
