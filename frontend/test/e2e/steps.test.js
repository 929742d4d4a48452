// End-to-end: the steps of a to-do in its details dialog (add with Enter, tick, rename in place,
// move by keyboard, buttons and drag, delete), the "1/2" chip of its row, a viewer's read-only
// steps and the limit of 100. Needs the backend's steps (api.md, "Steps").

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiCall, createList, docsScreenshot, openSharedList, person, shownListId } from './list-helpers.js';
import { add, axeViolations, expectFailedRequest, item, noProblems, serverTodos, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();

const stepTitles = (page) => page.locator('.step-list .step-title').evaluateAll((inputs) => inputs.map((input) => input.value));
const step = (page, title) => page.locator('.step-list .step').filter({ has: page.locator(`.step-title[data-saved="${title}"]`) });

async function openDetails(page, title) {
	await item(page, title).locator('.details-open').click();
	await page.locator('.steps-status').filter({ hasNotText: 'Loading' }).waitFor();
	await settled(page);
}

async function addSteps(page, ...titles) {
	for (const title of titles) {
		await page.fill('.new-step', title);
		await page.press('.new-step', 'Enter');
		await step(page, title).waitFor();
	}
	await settled(page);
}

describe('steps', () => {
	it('adds, ticks, renames, moves and deletes steps; the row shows how many are done', async () => {
		const page = await person(stack, pages, 'Stella', { viewport: { width: 1024, height: 900 } });
		await add(page, 'Pack for the trip');
		assert.equal(await item(page, 'Pack for the trip').locator('.chip-steps').count(), 0, 'no chip without steps');
		await openDetails(page, 'Pack for the trip');
		assert.equal(await page.locator('.steps-status').textContent(), 'No steps yet.');

		await addSteps(page, 'Passport', 'Tickets', 'Charger');
		assert.deepEqual(await stepTitles(page), ['Passport', 'Tickets', 'Charger']);
		assert.equal(await page.evaluate(() => document.activeElement.id), 'new-step', 'ready for the next one');

		await step(page, 'Tickets').locator('.step-toggle').check();
		await settled(page);
		const title = step(page, 'Charger').locator('.step-title');
		await title.fill('Phone charger');
		await title.press('Enter');
		await settled(page);
		const renamed = step(page, 'Phone charger').locator('.step-title');
		await renamed.waitFor();
		await renamed.fill('Not kept');
		await renamed.press('Escape');
		assert.equal(await renamed.inputValue(), 'Phone charger', 'Escape puts the title back');
		assert.equal(await page.locator('dialog.details').isVisible(), true, '…and keeps the dialog open');

		await renamed.press('Alt+ArrowUp');
		await settled(page);
		assert.deepEqual(await stepTitles(page), ['Passport', 'Phone charger', 'Tickets']);
		assert.equal(await page.evaluate(() => document.activeElement.dataset.saved), 'Phone charger', 'focus moves with the step');
		await step(page, 'Passport').locator('.step-down').click();
		await settled(page);
		assert.deepEqual(await stepTitles(page), ['Phone charger', 'Passport', 'Tickets']);
		await step(page, 'Tickets').locator('.step-handle').dragTo(step(page, 'Phone charger'));
		await settled(page);
		assert.deepEqual(await stepTitles(page), ['Tickets', 'Phone charger', 'Passport'], 'dragged first');
		await page.locator('dialog.details').screenshot({ path: docsScreenshot('steps') });

		await step(page, 'Passport').locator('.step-delete').click();
		await settled(page);
		assert.deepEqual(await stepTitles(page), ['Tickets', 'Phone charger']);
		assert.equal(await page.locator('.steps-count').textContent(), '1/2');

		await page.click('.details-cancel');
		const chip = item(page, 'Pack for the trip').locator('.chip-steps');
		assert.equal(await chip.locator('[aria-hidden="true"]').textContent(), '1/2');
		assert.equal(await chip.locator('.visually-hidden').textContent(), '1 of 2 steps done');
		const [saved] = await serverTodos(page);
		assert.deepEqual([saved.steps_completed, saved.step_count], [1, 2]);

		await page.reload();
		await settled(page);
		assert.equal(await item(page, 'Pack for the trip').locator('.chip-steps [aria-hidden="true"]').textContent(), '1/2');
		await openDetails(page, 'Pack for the trip');
		assert.deepEqual(await stepTitles(page), ['Tickets', 'Phone charger'], 'the order is kept on the server');
		assert.equal(await step(page, 'Tickets').locator('.step-toggle').isChecked(), true);
		noProblems(page);
	});

	it('says what the server says about the 101st step', async () => {
		const page = await person(stack, pages, 'Hundred');
		await add(page, 'Long checklist');
		const [todo] = await serverTodos(page);
		await page.evaluate(async (id) => {
			const token = localStorage.getItem('todo.auth.idToken');
			const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
			for (let i = 1; i <= 100; i++) await fetch(`/api/v1/todos/${id}/steps`, { method: 'POST', headers, body: JSON.stringify({ title: `Step ${i}` }) });
		}, todo.id);
		await page.reload();
		await settled(page);
		await openDetails(page, 'Long checklist');
		assert.equal((await stepTitles(page)).length, 100);

		await page.fill('.new-step', 'One too many');
		await page.press('.new-step', 'Enter');
		await page.locator('.step-error').waitFor();
		assert.match(await page.locator('.step-error').textContent(), /^The step “One too many” was not added\. ./);
		assert.equal(await page.inputValue('.new-step'), 'One too many', 'what was typed stays');
		expectFailedRequest(page, 400, '/steps');
		noProblems(page);
	});

	it('shows a viewer the steps read-only', async () => {
		const vera = await person(stack, pages, 'Vera');
		const owner = await person(stack, pages, 'Olga');
		await createList(owner, 'Look only');
		await add(owner, 'With steps');
		const [todo] = await serverTodos(owner);
		await apiCall(owner, 'POST', `/api/v1/todos/${todo.id}/steps`, { title: 'Seen, not changed' });
		await apiCall(owner, 'POST', `/api/v1/lists/${shownListId(owner)}/members`, { email: vera.user.email, role: 'viewer' });

		await openSharedList(vera, 'Look only');
		await openDetails(vera, 'With steps');
		const row = step(vera, 'Seen, not changed');
		assert.equal(await row.locator('.step-toggle').isDisabled(), true);
		assert.equal(await row.locator('.step-title').getAttribute('readonly'), '');
		assert.equal(await row.locator('.step-delete').isVisible(), false);
		assert.equal(await row.locator('.step-up').isVisible(), false);
		assert.equal(await vera.locator('.new-step-form').isVisible(), false);
		noProblems(vera);
	});

	it('has no WCAG 2.1 AA violations in the steps (light and dark)', async () => {
		for (const colorScheme of ['light', 'dark']) {
			const page = await person(stack, pages, `Axe${colorScheme}`, { colorScheme, bypassCSP: true });
			await add(page, 'Checklist');
			await openDetails(page, 'Checklist');
			await addSteps(page, 'First step', 'Second step');
			await step(page, 'First step').locator('.step-toggle').check();
			await settled(page);
			assert.deepEqual(await axeViolations(page), [], colorScheme);
			await page.keyboard.press('Escape');
			assert.deepEqual(await axeViolations(page), [], `${colorScheme}, the row with its chip`);
		}
	});
});
