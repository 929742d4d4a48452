// End-to-end: lists and sharing, with several users each in their own browser context. The tests
// that need to-dos in lists (list_id, created_by, due=, tz=) name it; they pass once the backend
// serves "To-dos in lists" of the contract.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signInAtProvider } from './harness.js';
import { addMember, createList, docsScreenshot, listLink, openShare, person as personOf, sidebarNames } from './list-helpers.js';
import { add, axeViolations, expectFailedRequest, stackForFile, item, labels, newUser, noProblems, settled } from './page-helpers.js';

const { stack, pages } = stackForFile();

const person = (name, options) => personOf(stack, pages, name, options);

describe('lists', () => {
	it('creates, renames, reorders with the keyboard and deletes lists, with a confirmation naming the to-dos', async () => {
		const page = await person('Alice', { viewport: { width: 1280, height: 800 } });
		assert.deepEqual(await sidebarNames(page), ['Inbox']);
		assert.equal(await page.locator('.list-title').textContent(), 'Inbox');
		assert.equal(await page.locator('.list-share').isVisible(), false, 'the Inbox cannot be shared');
		assert.equal(await page.locator('.list-delete').isVisible(), false, 'nor deleted');

		await createList(page, 'Groceries');
		await createList(page, 'Work');
		assert.deepEqual(await sidebarNames(page), ['Inbox', 'Groceries', 'Work']);
		assert.match(new URL(page.url()).hash, /^#\/lists\/[0-9a-f-]+$/);

		await page.click('.list-rename');
		await page.fill('.rename-list', 'Office');
		await page.press('.rename-list', 'Enter');
		await page.locator('.list-title', { hasText: 'Office' }).waitFor();
		await settled(page);

		await listLink(page, 'Office').focus();
		await page.keyboard.press('Alt+ArrowUp');
		await settled(page);
		assert.deepEqual(await sidebarNames(page), ['Inbox', 'Office', 'Groceries']);
		assert.equal(await page.evaluate(() => document.activeElement.textContent.startsWith('Office')), true, 'focus stays on the moved list');
		await page.reload();
		await settled(page);
		assert.deepEqual(await sidebarNames(page), ['Inbox', 'Office', 'Groceries'], 'the order is kept on the server');

		await listLink(page, 'Groceries').click();
		await page.locator('.list-title', { hasText: 'Groceries' }).waitFor();
		await add(page, 'Milk', 'Eggs');
		await page.screenshot({ path: docsScreenshot('sidebar'), clip: { x: 0, y: 0, width: 1280, height: 560 } });

		await page.click('.list-delete');
		const confirm = page.locator('dialog.confirm');
		await confirm.waitFor();
		assert.match(await confirm.locator('.confirm-text').textContent(), /^Delete the list “Groceries”\? Its 2 to-dos will be deleted with it\./);
		await confirm.locator('.confirm-no').click();
		assert.deepEqual(await sidebarNames(page), ['Inbox', 'Office', 'Groceries'], 'Cancel keeps it');
		await page.click('.list-delete');
		await confirm.locator('.confirm-yes').click();
		await page.locator('.list-title', { hasText: 'Inbox' }).waitFor();
		await settled(page);
		assert.deepEqual(await sidebarNames(page), ['Inbox', 'Office']);
		assert.equal(new URL(page.url()).hash, '#/');
		noProblems(page);
	});

	it('keeps each list\'s to-dos apart, each with its own address and filters', async () => {
		const page = await person('Lou');
		await add(page, 'In the inbox');
		await createList(page, 'Trip');
		await add(page, 'Passport', 'Tickets');
		await item(page, 'Tickets').locator('.toggle').check();
		await settled(page);
		assert.deepEqual(await labels(page), ['Passport', 'Tickets']);
		assert.match(await page.locator('.filters a[data-filter="active"]').getAttribute('href'), /^#\/lists\/[0-9a-f-]+\/active$/);
		await page.click('.filters a[data-filter="active"]');
		await page.waitForSelector('.filters a.selected[data-filter="active"]');
		assert.deepEqual(await labels(page), ['Passport']);
		assert.equal(await listLink(page, 'Trip').locator('.list-count').textContent(), '1');

		await listLink(page, 'Inbox').click();
		await page.waitForSelector('.filters a.selected[href="#/"]');
		await settled(page);
		assert.deepEqual(await labels(page), ['In the inbox']);
		noProblems(page);
	});
});

describe('sharing', () => {
	it('shares a list by e-mail with an editor, who adds a to-do the owner sees after a reload', async () => {
		const bob = await person('Bob'); // signed in once, so known to the service
		const alice = await person('Alice');
		await createList(alice, 'Groceries');
		await add(alice, 'Milk');

		await openShare(alice);
		await addMember(alice, `nobody-${bob.user.id}@example.com`, 'editor');
		assert.match(await alice.locator('.member-error').textContent(), /No one with that e-mail has signed in here yet/);
		expectFailedRequest(alice, 404, '/members');
		await addMember(alice, bob.user.email, 'editor');
		await alice.locator('.member-item', { hasText: bob.user.name }).waitFor();
		assert.equal(await alice.locator('.member-error').isVisible(), false);
		assert.equal(await alice.locator('.member-item', { hasText: bob.user.name }).locator('select').inputValue(), 'editor');
		await alice.click('.create-invite-form button[type="submit"]');
		await alice.locator('.new-invite:not([hidden])').waitFor();
		await settled(alice);
		await alice.locator('dialog.share').screenshot({ path: docsScreenshot('share-dialog') });
		await alice.click('.share-close');

		await bob.reload();
		await settled(bob);
		const shared = listLink(bob, 'Groceries');
		assert.match(await shared.locator('.list-owner').textContent(), /^Alice /);
		await shared.click();
		await bob.locator('.list-title', { hasText: 'Groceries' }).waitFor();
		await settled(bob);
		assert.match(await bob.locator('.list-sharing').textContent(), /shared with you: you can add and change/);
		assert.deepEqual(await labels(bob), ['Milk']);
		await add(bob, 'Bread');
		await item(bob, 'Milk').locator('.toggle').check();
		await settled(bob);
		await bob.screenshot({ path: docsScreenshot('shared-list'), clip: { x: 0, y: 0, width: 1280, height: 560 } });

		await alice.reload();
		await settled(alice);
		assert.deepEqual(await labels(alice), ['Milk', 'Bread']);
		assert.match(await item(alice, 'Bread').locator('.chip-people').textContent(), new RegExp(`^Added by ${bob.user.name}$`));
		assert.match(await item(alice, 'Milk').locator('.chip-people').textContent(), new RegExp(`^Added by you · done by ${bob.user.name}$`));
		noProblems(alice);
		noProblems(bob);
	});

	it('shows a viewer the list read-only: no field, no working checkboxes, no editing, no delete', async () => {
		const vera = await person('Vera');
		const alice = await person('Alice');
		await createList(alice, 'Plans');
		await add(alice, 'Look only');
		await openShare(alice);
		await addMember(alice, vera.user.email, 'viewer');
		await alice.click('.share-close');

		await vera.reload();
		await settled(vera);
		await listLink(vera, 'Plans').click();
		await vera.locator('.list-title', { hasText: 'Plans' }).waitFor();
		await settled(vera);
		assert.match(await vera.locator('.list-sharing').textContent(), /to view: you cannot change it/);
		assert.equal(await vera.locator('.new-todo').isVisible(), false);
		assert.equal(await vera.locator('.toggle-all').isVisible(), false);
		const row = item(vera, 'Look only');
		assert.equal(await row.locator('.toggle').isDisabled(), true);
		assert.equal(await row.locator('.destroy').count() === 0 || !(await row.locator('.destroy').isVisible()), true);
		await row.locator('label').dblclick();
		assert.equal(await vera.locator('.todo-list li.editing').count(), 0, 'no editing');
		await row.locator('.details-open').click();
		assert.equal(await vera.locator('.details-save').isVisible(), false);
		assert.equal(await vera.locator('.upload-form').isVisible(), false);
		await vera.keyboard.press('Escape');
		assert.equal(await vera.locator('.list-leave').isVisible(), true);
		assert.equal(await vera.locator('.list-share').isVisible(), false);
		noProblems(vera);
	});

	it('lets a third user join by an invite link through sign-in, and says clearly when a link is not valid', async () => {
		const alice = await person('Alice');
		await createList(alice, 'Book club');
		await openShare(alice);
		await alice.selectOption('.invite-role', 'viewer');
		await alice.fill('.invite-days', '3');
		await alice.click('.create-invite-form button[type="submit"]');
		await alice.locator('.new-invite:not([hidden])').waitFor();
		const url = await alice.inputValue('.invite-url');
		assert.match(url, new RegExp(`^${stack.baseUrl}/invite/[^/]+$`));
		await alice.locator('.invite-item', { hasText: 'Can view' }).waitFor();
		await alice.click('.share-close');

		const carol = newUser('carol');
		const context = await stack.browser.newContext();
		const page = await context.newPage();
		pages.push(page);
		page.problems = [];
		page.on('pageerror', (error) => page.problems.push(error.message));
		await page.goto(url);
		await signInAtProvider(page, stack, carol);
		assert.equal(new URL(page.url()).pathname, new URL(url).pathname, 'back on the invite after sign-in');
		await page.locator('.invite-summary').waitFor();
		assert.match(await page.locator('.invite-summary').textContent(), /^Alice .* invites you to the list “Book club”, to view it\.$/);
		assert.match(await page.locator('.invite-expiry').textContent(), /^The invite is valid until /);
		await page.screenshot({ path: docsScreenshot('invite-page'), clip: { x: 0, y: 0, width: 1280, height: 480 } });
		await page.click('.invite-accept');
		await page.locator('.list-title', { hasText: 'Book club' }).waitFor();
		await settled(page);
		assert.match(new URL(page.url()).hash, /^#\/lists\//);
		assert.match(await listLink(page, 'Book club').locator('.list-owner').textContent(), /^Alice /);

		await page.goto(`${stack.baseUrl}/invite/not-a-real-token`);
		await page.locator('.invite-problem').waitFor();
		assert.match(await page.locator('.invite-problem').textContent(), /This invite link is not valid/);
		assert.equal(await page.locator('.invite-accept').isVisible(), false);
		assert.deepEqual(page.problems, []);
	});

	it('hides a list from a removed member at their next reload, and lets a member leave', async () => {
		const dan = await person('Dan');
		const erin = await person('Erin');
		const alice = await person('Alice');
		await createList(alice, 'Party');
		await openShare(alice);
		await addMember(alice, dan.user.email, 'editor');
		await addMember(alice, erin.user.email, 'viewer');
		await alice.locator('.member-item').nth(2).waitFor();

		for (const member of [dan, erin]) {
			await member.reload();
			await settled(member);
			await listLink(member, 'Party').click();
			await member.locator('.list-title', { hasText: 'Party' }).waitFor();
		}

		await alice.locator('.member-item', { hasText: dan.user.name }).locator('.member-remove').click();
		await settled(alice);
		await alice.locator('.member-item', { hasText: dan.user.name }).waitFor({ state: 'detached' });
		await alice.click('.share-close');
		await dan.reload();
		await settled(dan);
		assert.deepEqual(await sidebarNames(dan), ['Inbox']);
		await dan.locator('.message-info', { hasText: /not shared with you/ }).waitFor();
		assert.equal(new URL(dan.url()).hash, '#/');

		await erin.click('.list-leave');
		await erin.locator('dialog.confirm .confirm-yes').click();
		await erin.locator('.list-title', { hasText: 'Inbox' }).waitFor();
		await settled(erin);
		assert.deepEqual(await sidebarNames(erin), ['Inbox']);
		await alice.reload();
		await settled(alice);
		assert.equal(await alice.locator('.list-sharing').textContent(), '', 'nobody else in it any more');
		noProblems(erin);
	});
});

describe('accessibility of lists and sharing', () => {
	for (const colorScheme of ['light', 'dark']) {
		it(`has no WCAG 2.1 AA violations in the sidebar, the share and confirm dialogs and the invite page (${colorScheme})`, async () => {
			// bypassCSP only so that the test can inject axe; the app itself runs unchanged
			const options = { colorScheme, bypassCSP: true };
			const bob = await person('Bob', options);
			const alice = await person('Alice', options);
			await createList(alice, 'Shared one');
			await add(alice, 'Something');
			assert.deepEqual(await axeViolations(alice), []);

			await openShare(alice);
			await addMember(alice, bob.user.email, 'viewer');
			await alice.click('.create-invite-form button[type="submit"]');
			await alice.locator('.invite-item').waitFor();
			assert.deepEqual(await axeViolations(alice), []);
			const url = await alice.inputValue('.invite-url');
			await alice.click('.share-close');

			await alice.click('.list-delete');
			await alice.locator('dialog.confirm').waitFor();
			assert.deepEqual(await axeViolations(alice), []);
			await alice.keyboard.press('Escape');

			await bob.goto(url);
			await bob.locator('.invite-summary').waitFor();
			assert.deepEqual(await axeViolations(bob), []);
		});
	}

	it('opens the lists as a menu on a 360 px phone, without horizontal scrolling', async () => {
		const phone = await person('Pat', { viewport: { width: 360, height: 740 } });
		assert.equal(await phone.locator('.new-list').isVisible(), false, 'the menu starts closed');
		await phone.click('.lists-toggle');
		assert.equal(await phone.locator('.lists-toggle').getAttribute('aria-expanded'), 'true');
		await createList(phone, 'Errands with a rather long name for a small screen');
		assert.equal(await phone.locator('.new-list').isVisible(), true, 'creating keeps the menu open');
		await listLink(phone, 'Inbox').click();
		assert.equal(await phone.locator('.new-list').isVisible(), false, 'choosing a list closes it');
		const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.equal(overflow, 0);
		noProblems(phone);
	});
});

describe('time zones and due-date views', () => {
	const ZONE = 'Pacific/Kiritimati'; // UTC+14: most of the day its date is one ahead of UTC
	const dateIn = (zone, offsetDays = 0) => {
		const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date()).split('-').map(Number);
		return new Date(Date.UTC(y, m - 1, d + offsetDays)).toISOString().slice(0, 10);
	};

	/** Sets due dates through the API, by title: {title: 'YYYY-MM-DD'}. */
	async function setDueDates(page, dueByTitle) {
		await page.evaluate(async (dueByTitle) => {
			const token = localStorage.getItem('todo.auth.idToken');
			const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
			const todos = (await (await fetch('/api/v1/todos?page_size=100', { headers })).json()).data;
			for (const todo of todos) {
				if (dueByTitle[todo.title]) await fetch(`/api/v1/todos/${todo.id}`, { method: 'PATCH', headers, body: JSON.stringify({ due_date: dueByTitle[todo.title] }) });
			}
		}, dueByTitle);
	}

	it('takes "today" in the browser\'s zone for the chips, and sends that zone with every read of to-dos and stats', async () => {
		const page = await person('Zoe', { timezoneId: ZONE });
		const reads = [];
		page.on('request', (request) => {
			const url = new URL(request.url());
			// the app's own requests (each has a request id), not the test's fetch of due dates
			const byApp = Boolean(request.headers()['x-request-id']);
			if (byApp && /^\/api\/v1\/todos(\/stats)?$/.test(url.pathname) && request.method() === 'GET') reads.push(url.searchParams.get('tz'));
		});
		await add(page, 'Due yesterday there', 'Due today there');
		await setDueDates(page, { 'Due yesterday there': dateIn(ZONE, -1), 'Due today there': dateIn(ZONE) });
		await page.reload();
		await settled(page);

		assert.match(await item(page, 'Due yesterday there').locator('.chip-due').textContent(), /^Overdue: /);
		assert.equal(await item(page, 'Due today there').locator('.chip-due').textContent(), 'Due today');
		assert.ok(reads.length >= 2, `reads seen: ${reads.length}`);
		assert.deepEqual([...new Set(reads)], [ZONE]);
		noProblems(page);
	});

	it('shows Today (overdue and due today) and Upcoming across every list, with stats in the browser\'s zone', async () => {
		const page = await person('Uma', { timezoneId: ZONE });
		await add(page, 'Late', 'Now', 'Someday', 'Never due');
		await createList(page, 'Garden');
		await add(page, 'Water tomorrow');
		await setDueDates(page, { Late: dateIn(ZONE, -2), Now: dateIn(ZONE), Someday: dateIn(ZONE, 30), 'Water tomorrow': dateIn(ZONE, 1) });

		await page.click('.view-link[data-smart="today"]');
		await page.locator('.list-title', { hasText: 'Today' }).waitFor();
		await settled(page);
		assert.deepEqual(await labels(page), ['Late', 'Now']);
		assert.equal(await page.locator('.stats-overdue').textContent(), '1');
		assert.equal(await page.locator('.stats-due-today').textContent(), '1');
		assert.equal(await page.locator('.toggle-all').isVisible(), false, 'no bulk change across lists');

		await add(page, 'Added in Today');
		assert.equal(await item(page, 'Added in Today').locator('.chip-due').textContent(), 'Due today');

		await page.click('.view-link[data-smart="upcoming"]');
		await page.locator('.list-title', { hasText: 'Upcoming' }).waitFor();
		await settled(page);
		assert.deepEqual((await labels(page)).sort(), ['Someday', 'Water tomorrow']);
		assert.equal(new URL(page.url()).hash, '#/upcoming');
		noProblems(page);
	});
});
