// End-to-end: the built service jar and the local identity provider, driven through headless
// Chromium. Every test signs in as its own new user, so each starts from an empty list.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { APP_JAR, ATTACHMENT_LIMIT_BYTES, javaBinary, screenshotPath, signInAtProvider } from './harness.js';
import { add, axeViolations, stackForFile, item, labels, newUser, noProblems, openAs, serverTodos, settled } from './page-helpers.js';

const { stack, pages } = stackForFile();

const open = (name, options) => openAs(stack, pages, name, options);
const countText = (page) => page.locator('.todo-count').textContent();

describe('sign-in', () => {
	it('sends a visitor to the provider and back to the list, input focused, user shown', async () => {
		const user = newUser('alice');
		const context = await stack.browser.newContext();
		const page = await context.newPage();
		pages.push(page);
		page.problems = [];
		page.on('pageerror', (error) => page.problems.push(error.message));

		await page.goto(`${stack.baseUrl}/#/active`);
		await page.waitForURL((url) => url.href.startsWith(stack.issuer));
		await page.screenshot({ path: screenshotPath('01-provider-sign-in-form') });
		await signInAtProvider(page, stack, user);

		assert.equal(new URL(page.url()).pathname, '/');
		assert.equal(new URL(page.url()).hash, '#/active', 'lands where it started');
		assert.equal(await page.locator('.whoami-name').textContent(), user);
		assert.equal(await page.evaluate(() => document.activeElement.className), 'new-todo');
		assert.ok(await page.evaluate(() => localStorage.getItem('todo.auth.idToken')), 'token in localStorage, shared by the tabs');
		assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((key) => !['todo.auth.idToken', 'todo.auth.refreshToken', 'todo.config'].includes(key)).length), 0, 'nothing else in localStorage');
		assert.deepEqual(page.problems, []);
	});

	it('signs out to a signed-out page with a way back in', async () => {
		const page = await open('bob');
		await add(page, 'Stays on the server');

		await page.click('.sign-out');
		await page.waitForURL(`${stack.baseUrl}/signed-out`);
		await page.locator('.page-signed-out').waitFor();
		assert.equal(await page.evaluate(() => localStorage.getItem('todo.auth.idToken')), null);
		await page.screenshot({ path: screenshotPath('11-signed-out') });

		await page.click('.sign-in-again');
		const user = newUser('bob-again');
		await signInAtProvider(page, stack, user);
		assert.equal(await page.locator('.whoami-name').textContent(), user);
		noProblems(page);
	});

	it('goes back to sign-in on a rejected token without losing what was typed', async () => {
		const user = newUser('carol');
		const page = await open('carol-first');
		await page.fill('.new-todo', 'half-typed thought');
		// a refused token, and no refresh token to renew it silently (the provider's session ended),
		// then Enter in the same task: the live sync's next poll must not start the sign-in in between
		await page.evaluate(() => {
			localStorage.setItem('todo.auth.idToken', 'not-a-jwt');
			localStorage.removeItem('todo.auth.refreshToken');
			document.querySelector('.new-todo').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
		});

		await signInAtProvider(page, stack, user);

		assert.equal(await page.inputValue('.new-todo'), 'half-typed thought');
		assert.equal(await page.locator('.whoami-name').textContent(), user);
	});
});

describe('packaging', () => {
	it('keeps the local identity provider out of the service jar', () => {
		const entries = execFileSync(join(dirname(javaBinary()), 'jar'), ['tf', APP_JAR], { maxBuffer: 256 * 1024 * 1024 }).toString().split('\n');
		assert.ok(entries.includes('public/index.html'), 'the browser app is in the jar');
		assert.deepEqual(entries.filter((entry) => /^(no\/nav\/security|dev\/todo\/devidp)\//.test(entry)), []);
	});
});

describe('TodoMVC behaviour', () => {
	it('hides main and footer without to-dos; Enter adds trimmed titles, ignores blank ones, clears the field', async () => {
		const page = await open('mvc-add');
		assert.equal(await page.locator('.main').isVisible(), false);
		assert.equal(await page.locator('.footer').isVisible(), false);
		await page.screenshot({ path: screenshotPath('02-empty-list') });

		await page.fill('.new-todo', '   ');
		await page.press('.new-todo', 'Enter');
		await add(page, '  Buy milk  ', 'Walk the dog');

		assert.deepEqual(await labels(page), ['Buy milk', 'Walk the dog']);
		assert.equal(await page.inputValue('.new-todo'), '');
		assert.equal(await page.locator('.main').isVisible(), true);
		assert.equal(await page.locator('.footer').isVisible(), true);
		assert.deepEqual((await serverTodos(page)).map((t) => t.title), ['Buy milk', 'Walk the dog']);
		noProblems(page);
	});

	it('counts items left in the plural and marks items completed', async () => {
		const page = await open('mvc-count');
		await add(page, 'One');
		assert.equal(await countText(page), '1 item left');
		assert.equal(await page.locator('.todo-count strong').textContent(), '1');
		await add(page, 'Two', 'Three');
		assert.equal(await countText(page), '3 items left');

		await item(page, 'Two').locator('.toggle').check();
		await settled(page);
		assert.match(await item(page, 'Two').getAttribute('class'), /\bcompleted\b/);
		assert.equal(await countText(page), '2 items left');
		await item(page, 'One').locator('.toggle').check();
		await item(page, 'Three').locator('.toggle').check();
		await settled(page);
		assert.equal(await countText(page), '0 items left');
		noProblems(page);
	});

	it('toggle-all follows the items, and Clear completed shows only with completed ones', async () => {
		const page = await open('mvc-all');
		await add(page, 'A', 'B');
		assert.equal(await page.locator('.clear-completed').isVisible(), false);

		await page.click('label[for="toggle-all"]');
		await settled(page);
		assert.equal(await page.locator('.todo-list li.completed').count(), 2);
		assert.equal(await page.isChecked('.toggle-all'), true);
		assert.equal(await page.locator('.clear-completed').isVisible(), true);

		await item(page, 'A').locator('.toggle').uncheck();
		await settled(page);
		assert.equal(await page.isChecked('.toggle-all'), false, 'unchecked when one item is active');
		await item(page, 'A').locator('.toggle').check();
		await settled(page);
		assert.equal(await page.isChecked('.toggle-all'), true, 'checked again when all are');

		await page.click('label[for="toggle-all"]');
		await settled(page);
		assert.equal(await page.locator('.todo-list li.completed').count(), 0);

		await item(page, 'B').locator('.toggle').check();
		await settled(page);
		await page.click('.clear-completed');
		await settled(page);
		assert.deepEqual(await labels(page), ['A']);
		assert.equal(await page.locator('.clear-completed').isVisible(), false);
		assert.equal(await page.isChecked('.toggle-all'), false);
		assert.deepEqual((await serverTodos(page)).map((t) => t.title), ['A']);
		noProblems(page);
	});

	it('edits on double-click: Enter and blur save trimmed, Escape cancels, blank deletes', async () => {
		const page = await open('mvc-edit');
		await add(page, 'Draft', 'Second', 'Third', 'Fourth');

		await item(page, 'Draft').locator('label').dblclick();
		const editing = page.locator('.todo-list li.editing');
		assert.equal(await editing.count(), 1);
		assert.equal(await editing.locator('.toggle').isVisible(), false, 'other controls hidden');
		assert.equal(await page.evaluate(() => document.activeElement.className), 'edit');
		assert.equal(await editing.locator('.edit').inputValue(), 'Draft');
		await page.screenshot({ path: screenshotPath('04-editing') });
		await editing.locator('.edit').fill('  Final  ');
		await editing.locator('.edit').press('Enter');
		await settled(page);
		assert.equal(await page.locator('.todo-list li.editing').count(), 0);

		await item(page, 'Second').locator('label').dblclick();
		await page.fill('.todo-list li.editing .edit', 'Second, saved on blur');
		await page.click('h1');
		await settled(page);

		await item(page, 'Third').locator('label').dblclick();
		await page.fill('.todo-list li.editing .edit', 'Not kept');
		await page.press('.todo-list li.editing .edit', 'Escape');
		await settled(page);

		await item(page, 'Fourth').locator('label').dblclick();
		await page.fill('.todo-list li.editing .edit', '   ');
		await page.press('.todo-list li.editing .edit', 'Enter');
		await settled(page);

		assert.deepEqual(await labels(page), ['Final', 'Second, saved on blur', 'Third']);
		assert.deepEqual((await serverTodos(page)).map((t) => t.title), ['Final', 'Second, saved on blur', 'Third']);
		noProblems(page);
	});

	it('deletes with the destroy button', async () => {
		const page = await open('mvc-destroy');
		await add(page, 'Keep', 'Drop');
		await item(page, 'Drop').hover();
		await item(page, 'Drop').locator('.destroy').click();
		await settled(page);
		assert.deepEqual(await labels(page), ['Keep']);
		assert.deepEqual((await serverTodos(page)).map((t) => t.title), ['Keep']);
	});

	it('filters by route with the current link selected, and keeps state and filter across reloads', async () => {
		const page = await open('mvc-routes');
		await add(page, 'Active one', 'Done one');
		await item(page, 'Done one').locator('.toggle').check();
		await settled(page);

		await page.click('.filters a[href="#/active"]');
		await page.waitForSelector('.filters a.selected[href="#/active"]'); // the route changes on hashchange, a task later
		assert.deepEqual(await labels(page), ['Active one']);
		assert.equal(await page.locator('.filters a.selected').textContent(), 'Active');
		await page.click('.filters a[href="#/completed"]');
		await page.waitForSelector('.filters a.selected[href="#/completed"]'); // the route changes on hashchange, a task later
		assert.deepEqual(await labels(page), ['Done one']);
		assert.equal(await page.locator('.filters a.selected').textContent(), 'Completed');

		// an item updated in a filtered view leaves it
		await item(page, 'Done one').locator('.toggle').click();
		await settled(page);
		assert.deepEqual(await labels(page), []);

		await item(page, 'Nothing').count();
		await page.reload();
		await page.locator('.todo-list').waitFor({ state: 'attached' });
		await settled(page);
		assert.equal(new URL(page.url()).hash, '#/completed');
		assert.equal(await page.locator('.filters a.selected').textContent(), 'Completed');
		await page.click('.filters a[href="#/"]');
		await page.waitForSelector('.filters a.selected[href="#/"]'); // the route changes on hashchange, a task later
		assert.deepEqual(await labels(page), ['Active one', 'Done one']);
		assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((key) => !['todo.auth.idToken', 'todo.auth.refreshToken', 'todo.config'].includes(key)).length), 0, 'state is on the server');
		noProblems(page);
	});
});

describe('beyond TodoMVC', () => {
	it('saves notes, due date and priority in the details panel', async () => {
		const page = await open('details', { locale: 'en-GB' }); // dates follow the browser's locale
		await add(page, 'Buy milk');
		await item(page, 'Buy milk').locator('.details-open').click();
		const dialog = page.locator('dialog.details');
		await dialog.waitFor();
		assert.equal(await page.inputValue('.details-name'), 'Buy milk');

		await page.fill('.details-notes', '2 litres, semi-skimmed\n<b>not bold</b>');
		await page.fill('.details-due', '2020-01-20');
		await page.selectOption('.details-priority', 'high');
		await page.screenshot({ path: screenshotPath('05-details-panel') });
		await page.click('.details-save');
		await settled(page);

		assert.equal(await dialog.isVisible(), false);
		const chips = await item(page, 'Buy milk').locator('.chip').allTextContents();
		assert.deepEqual(chips, ['High priority', 'Overdue: 20 Jan 2020', 'Notes']);
		const [saved] = await serverTodos(page);
		assert.equal(saved.notes, '2 litres, semi-skimmed\n<b>not bold</b>');
		assert.equal(saved.due_date, '2020-01-20');
		assert.equal(saved.priority, 'high');

		await page.reload();
		await settled(page);
		await item(page, 'Buy milk').locator('.details-open').click();
		assert.equal(await page.inputValue('.details-notes'), '2 litres, semi-skimmed\n<b>not bold</b>');
		assert.equal(await page.inputValue('.details-priority'), 'high');
		await page.keyboard.press('Escape');
		assert.equal(await dialog.isVisible(), false);
		noProblems(page);
	});

	it('shows progress, overdue and due-today figures in the stats panel', async () => {
		const page = await open('stats');
		await add(page, 'Done', 'Late', 'Today', 'Later');
		const today = new Date().toISOString().slice(0, 10);
		await page.evaluate(async (today) => {
			const token = localStorage.getItem('todo.auth.idToken');
			const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
			const list = (await (await fetch('/api/v1/todos', { headers })).json()).data;
			const byTitle = Object.fromEntries(list.map((t) => [t.title, t]));
			await fetch(`/api/v1/todos/${byTitle.Late.id}`, { method: 'PATCH', headers, body: JSON.stringify({ due_date: '2020-02-02' }) });
			await fetch(`/api/v1/todos/${byTitle.Today.id}`, { method: 'PATCH', headers, body: JSON.stringify({ due_date: today }) });
		}, today);
		await page.reload();
		await settled(page);
		await item(page, 'Done').locator('.toggle').check();
		await settled(page);

		assert.equal(await page.locator('.stats-completed').textContent(), '1');
		assert.equal(await page.locator('.stats-active').textContent(), '3');
		assert.equal(await page.locator('.stats-overdue').textContent(), '1');
		assert.equal(await page.locator('.stats-due-today').textContent(), '1');
		assert.equal(await page.locator('.stats-rate').textContent(), '25%');
		assert.equal(await page.locator('.stats-progress').evaluate((p) => p.value), 25);
		await page.screenshot({ path: screenshotPath('03-list-with-stats'), fullPage: true });
		noProblems(page);
	});

	it('searches titles and notes and sorts by the chosen field', async () => {
		const page = await open('search');
		await add(page, 'banana bread', 'Apple pie', 'cherry jam');
		await page.fill('.search', 'AN');
		await page.locator('.search-summary').filter({ hasText: 'match' }).waitFor();
		await settled(page);
		assert.deepEqual(await labels(page), ['banana bread']);
		assert.match(await page.locator('.search-summary').textContent(), /1 to-do matches “AN”/);

		await page.fill('.search', '');
		await page.waitForFunction(() => document.querySelectorAll('.todo-list li').length === 3);
		await page.selectOption('.sort', 'title');
		await settled(page);
		assert.deepEqual(await labels(page), ['Apple pie', 'banana bread', 'cherry jam']);
		await page.selectOption('.order', 'desc');
		await settled(page);
		assert.deepEqual(await labels(page), ['cherry jam', 'banana bread', 'Apple pie']);
		noProblems(page);
	});

	it('shows a title with markup as text, never as markup', async () => {
		const page = await open('xss');
		const evil = '<img src=x onerror=alert(1)>';
		await add(page, evil);

		assert.equal(await item(page, evil).locator('label').textContent(), evil);
		assert.equal(await page.locator('.todo-list img').count(), 0);
		await page.reload();
		await settled(page);
		assert.equal(await page.locator('.todo-list img').count(), 0);
		assert.deepEqual(await labels(page), [evil]);
		noProblems(page);
	});

	it('keeps two users apart', async () => {
		const first = await open('dana');
		const second = await open('erin');
		await add(first, 'Dana’s secret');
		await add(second, 'Erin’s errand');

		await first.reload();
		await second.reload();
		await settled(first);
		await settled(second);
		assert.deepEqual(await labels(first), ['Dana’s secret']);
		assert.deepEqual(await labels(second), ['Erin’s errand']);
	});

	it('undoes a change the server refuses, explains it with a reference, and retries', async () => {
		const page = await open('errors');
		await add(page, 'Fragile');
		let failures = 1;
		await page.route('**/api/v1/todos/*', async (route) => {
			if (route.request().method() === 'PATCH' && failures-- > 0) {
				await route.fulfill({
					status: 500,
					contentType: 'application/json',
					headers: { 'X-Request-ID': 'req-e2e-500', },
					body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: 'Unexpected', details: {}, timestamp: new Date().toISOString(), request_id: 'req-e2e-500' } }),
				});
			} else {
				await route.continue();
			}
		});

		// click, not check(): the refusal can roll the box back before check() looks at it
		await item(page, 'Fragile').locator('.toggle').click();
		// a refused write has its own line (a 503 or no network would make it wait instead)
		const error = page.locator('.write-failure');
		await error.waitFor();
		assert.match(await error.locator('.write-failure-text').textContent(), /“Fragile” could not be marked as done\./);
		assert.match(await error.locator('.message-reference').textContent(), /req-e2e-500/);
		assert.equal(await item(page, 'Fragile').locator('.toggle').isChecked(), false, 'rolled back');
		await page.screenshot({ path: screenshotPath('07-error-with-retry') });

		await error.locator('.write-failure-retry').click();
		await settled(page);
		assert.equal(await item(page, 'Fragile').locator('.toggle').isChecked(), true);
		assert.equal((await serverTodos(page))[0].completed, true);
		assert.equal(await error.count(), 0);
	});

	it('shows a loading state until the list arrives', async () => {
		const page = await open('loading');
		await add(page, 'Slow to arrive');
		let release;
		const held = new Promise((resolve) => (release = resolve));
		await page.route('**/api/v1/todos?*', async (route) => {
			await held;
			await route.continue();
		});

		await page.reload();
		await page.locator('.loading').waitFor({ state: 'visible' });
		assert.equal(await page.locator('.todoapp').getAttribute('aria-busy'), 'true');
		release();
		await page.locator('.loading').waitFor({ state: 'hidden' });
		await settled(page);
		assert.deepEqual(await labels(page), ['Slow to arrive']);
		assert.equal(await page.locator('.todoapp').getAttribute('aria-busy'), 'false');
	});

	it('re-applies a tick on a to-do renamed elsewhere (412 on another field) without asking', async () => {
		const page = await open('conflict');
		await add(page, 'Shared');
		await page.evaluate(async () => {
			const token = localStorage.getItem('todo.auth.idToken');
			const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
			const [todo] = (await (await fetch('/api/v1/todos', { headers })).json()).data;
			await fetch(`/api/v1/todos/${todo.id}`, { method: 'PATCH', headers, body: JSON.stringify({ title: 'Shared, renamed elsewhere' }) });
		});

		await item(page, 'Shared').locator('.toggle').click();
		await settled(page);
		await page.locator('.todo-list li label', { hasText: 'Shared, renamed elsewhere' }).waitFor();
		assert.equal(await page.locator('.todo-list li .toggle').isChecked(), true, 'both changes kept');
		const [saved] = await serverTodos(page);
		assert.equal(saved.title, 'Shared, renamed elsewhere');
		assert.equal(saved.completed, true);
		assert.equal(await page.locator('.conflict-choice').count(), 0, 'nothing asked');
	});
});

describe('attachments', () => {
	it('uploads with a progress bar (chosen or dropped, with its percentage), lists, downloads and deletes files; the size limit shows before upload', async () => {
		const page = await open('files');
		await add(page, 'Tax return');
		await item(page, 'Tax return').locator('.details-open').click();
		await page.locator('.attachments-status').filter({ hasText: 'No files yet.' }).waitFor();
		assert.equal(await page.locator('.upload-limit').textContent(), '(up to 4 MiB each, 20 per to-do)', 'the limits of /api/v1/config');

		const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
		bytes.write('receipt');
		await page.evaluate(() => {
			window.progressSeen = [];
			const bar = document.querySelector('.upload-progress');
			new MutationObserver(() => window.progressSeen.push(bar.value)).observe(bar, { attributes: true });
		});
		// a slow uplink (about 1 MiB/s) so that the bar visibly moves
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
		await page.setInputFiles('.upload-file', { name: 'receipt 2026 ü.pdf', mimeType: 'application/pdf', buffer: bytes });
		await page.click('.upload-start');
		await page.waitForFunction(() => {
			const bar = document.querySelector('.upload-progress');
			return bar.value > 0 && bar.value < 100;
		});
		await page.screenshot({ path: screenshotPath('06a-upload-progress') });
		await page.locator('.attachment-list li').filter({ hasText: 'receipt 2026 ü.pdf' }).waitFor();
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
		await settled(page);
		const seen = await page.evaluate(() => window.progressSeen);
		assert.ok(seen.filter((value) => value > 0 && value < 100).length >= 2, `the bar moved in steps (${seen})`);
		assert.equal(seen.at(-1), 100);
		assert.match(await page.locator('.attachment-list li .attachment-size').textContent(), /^3 MiB$/);
		await page.screenshot({ path: screenshotPath('06-attachments') });

		const [download] = await Promise.all([page.waitForEvent('download'), page.click('.attachment-download')]);
		assert.equal(download.suggestedFilename(), 'receipt 2026 ü.pdf');
		assert.ok(readFileSync(await download.path()).equals(bytes), 'downloaded bytes are the uploaded bytes');

		// dropped onto the Files section: uploaded as if chosen, its percentage shown as it goes
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 512 * 1024 });
		const dropped = await page.evaluateHandle(() => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(1024 * 1024).fill(3)], 'dropped notes.txt', { type: 'text/plain' }));
			return transfer;
		});
		await page.dispatchEvent('.attachments', 'dragenter', { dataTransfer: dropped });
		await page.dispatchEvent('.attachments-status', 'dragover', { dataTransfer: dropped });
		assert.equal(await page.locator('.attachments.drop-target').count(), 1, 'the drop target shows');
		await page.dispatchEvent('.attachments-status', 'drop', { dataTransfer: dropped });
		await page.waitForFunction(() => /^(?:[1-9]|[1-9][0-9])%$/.test(document.querySelector('.upload-percent').textContent));
		assert.equal(await page.locator('.upload-percent').isVisible(), true);
		await page.screenshot({ path: screenshotPath('06b-drop-upload-percent') });
		await page.locator('.attachment-list li').filter({ hasText: 'dropped notes.txt' }).waitFor();
		await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
		await settled(page);
		assert.equal(await page.locator('.attachments.drop-target').count(), 0);
		await page.locator('.attachment-list li').filter({ hasText: 'dropped notes.txt' }).locator('.attachment-delete').click();
		await page.locator('.attachment-list li').filter({ hasText: 'dropped notes.txt' }).waitFor({ state: 'detached' });
		await page.locator('.undo-dismiss').click(); // the delete is sent now
		await settled(page);

		const tooBig = Buffer.alloc(ATTACHMENT_LIMIT_BYTES + 1, 1);
		await page.setInputFiles('.upload-file', { name: 'huge.bin', mimeType: 'application/octet-stream', buffer: tooBig });
		await page.click('.upload-start');
		assert.match(await page.locator('.upload-error').textContent(), /“huge.bin” is 4 MiB; files may be at most 4 MiB/);
		assert.equal(await page.locator('.attachment-list li').count(), 1, 'nothing was sent');

		await page.click('.details-cancel');
		await settled(page);
		assert.deepEqual(await item(page, 'Tax return').locator('.chip-files').allTextContents(), ['1 file']);

		await item(page, 'Tax return').locator('.details-open').click();
		await page.locator('.attachment-list li').waitFor();
		await page.click('.attachment-delete');
		await page.locator('.attachments-status').filter({ hasText: 'No files yet.' }).waitFor();
		await page.click('.details-cancel');
		await settled(page);
		assert.equal(await item(page, 'Tax return').locator('.chip-files').count(), 0);
		noProblems(page);
	});
});

describe('accessibility', () => {
	for (const colorScheme of ['light', 'dark']) {
		it(`has no WCAG 2.1 AA violations found by axe-core (${colorScheme})`, async () => {
			// bypassCSP only so that the test can inject axe; the app itself runs unchanged
			const page = await open(`a11y-${colorScheme}`, { colorScheme, bypassCSP: true });
			await add(page, 'Read a book', 'Water plants');
			await item(page, 'Water plants').locator('.toggle').check();
			await settled(page);
			assert.deepEqual(await axeViolations(page), []);

			await item(page, 'Read a book').locator('.details-open').click();
			await page.locator('.attachments-status').filter({ hasText: /files|No files/ }).waitFor();
			assert.deepEqual(await axeViolations(page), []);
		});
	}

	it('is usable with the keyboard alone', async () => {
		const page = await open('keyboard');
		await page.keyboard.type('Typed without a mouse');
		await page.keyboard.press('Enter');
		await settled(page);
		// past the new to-do's due date (one stop per part of the date) and priority, to toggle-all
		for (let stops = 0; stops < 8 && (await page.evaluate(() => document.activeElement.className)) !== 'toggle-all'; stops++) {
			await page.keyboard.press('Tab');
		}
		await page.keyboard.press('Tab'); // the item's checkbox
		assert.equal(await page.evaluate(() => document.activeElement.className), 'toggle');
		await page.keyboard.press('Space');
		await settled(page);
		assert.equal(await page.locator('.todo-list li.completed').count(), 1);
		await page.keyboard.press('F2');
		assert.equal(await page.evaluate(() => document.activeElement.className), 'edit');
		await page.keyboard.type(' again');
		await page.keyboard.press('Enter');
		await settled(page);
		assert.deepEqual(await labels(page), ['Typed without a mouse again']);
		await page.keyboard.press('Tab'); // Details
		await page.keyboard.press('Enter');
		await page.locator('dialog.details').waitFor();
		assert.equal(await page.evaluate(() => document.activeElement.id), 'details-name');
		await page.keyboard.press('Escape');
		assert.equal(await page.locator('dialog.details').isVisible(), false);
		assert.equal(await page.evaluate(() => document.activeElement.className), 'details-open', 'focus returns');
	});
});

describe('look', () => {
	it('fits a 360 px phone and follows the dark colour scheme', async () => {
		const phone = await open('phone', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
		await add(phone, 'Call the plumber about the kitchen sink', 'Buy milk', 'Water plants');
		await phone.locator('.todo-list li').nth(1).locator('.toggle').check();
		await settled(phone);
		const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		assert.equal(overflow, 0, 'no horizontal scrolling at 360 px');
		const background = await phone.evaluate(() => getComputedStyle(document.querySelector('.todoapp')).backgroundColor);
		assert.equal(background, 'rgb(36, 36, 40)', 'dark card');
		await phone.screenshot({ path: screenshotPath('08-phone-dark'), fullPage: true });

		const desktop = await open('desktop', { viewport: { width: 1024, height: 900 }, colorScheme: 'light' });
		await add(desktop, 'Buy milk', 'Walk the dog', 'File the tax return');
		await desktop.locator('.todo-list li').nth(1).locator('.toggle').check();
		await settled(desktop);
		await desktop.screenshot({ path: screenshotPath('09-desktop-light'), fullPage: true });
		const dark = await open('desktop-dark', { viewport: { width: 1024, height: 900 }, colorScheme: 'dark' });
		await add(dark, 'Buy milk', 'Walk the dog');
		await dark.screenshot({ path: screenshotPath('10-desktop-dark'), fullPage: true });
		noProblems(phone);
		noProblems(desktop);
	});
});
