// End-to-end: nothing typed is lost (issue 15). The API blocked (route interception) or the
// browser offline while adding, ticking and editing in two tabs of one person; the tabs kept
// current by the sync; an offline reload from the service worker and IndexedDB; conflicts merged
// or asked; sign-out clearing what the browser kept.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, screenshotPath, signInAtProvider } from './harness.js';
import { docsScreenshot } from './list-helpers.js';
import { add, item, labels, newUser, openAs, serverTodos, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();

/** Every request to the API fails as if the server were down, until the returned function is called. */
async function blockApi(context) {
	const handler = (route) => route.abort('connectionrefused');
	await context.route('**/api/v1/**', handler);
	return () => context.unroute('**/api/v1/**', handler);
}

/** A second tab of the same person (the token is shared through localStorage). */
async function secondTab(page) {
	const tab = await page.context().newPage();
	tab.problems = [];
	tab.on('pageerror', (error) => tab.problems.push(`page error: ${error.message}`));
	await tab.goto(stack.baseUrl + '/');
	await tab.locator('.page-list').waitFor();
	await settled(tab);
	return tab;
}

const waiting = (page) => page.evaluate(() => Number(document.body.dataset.waiting ?? '0'));
const allSaved = (page, timeout = 30_000) => page.waitForFunction(() => document.body.dataset.waiting === '0', null, { timeout });

/** The user's keys in the app's IndexedDB store. */
const localKeys = (page) =>
	page.evaluate(
		() =>
			new Promise((resolve, reject) => {
				const request = indexedDB.open('todo', 1);
				request.onsuccess = () => {
					const keys = request.result.transaction('data').objectStore('data').getAllKeys();
					keys.onsuccess = () => resolve(keys.result.map(String));
				};
				request.onerror = () => reject(request.error);
			}),
	);

describe('nothing typed is lost', () => {
	it('keeps adds, ticks and edits of two tabs while the server is unreachable and sends each exactly once, in order', async () => {
		const page = await openAs(stack, pages, 'outage');
		await add(page, 'Milk', 'Bread');
		const tab = await secondTab(page);
		const unblock = await blockApi(page.context());

		await page.fill('.new-todo', 'Eggs');
		await page.press('.new-todo', 'Enter');
		await page.fill('.new-todo', 'Butter');
		await page.press('.new-todo', 'Enter');
		await item(page, 'Milk').locator('.toggle').click();
		await item(tab, 'Bread').locator('label').dblclick();
		await tab.fill('.todo-list li.editing .edit', 'Rye bread');
		await tab.press('.todo-list li.editing .edit', 'Enter');

		await page.locator('.offline-indicator').waitFor();
		await page.locator('.waiting-text', { hasText: '3 changes waiting to be saved' }).waitFor();
		await tab.locator('.waiting-text', { hasText: '1 change waiting to be saved' }).waitFor();
		assert.equal(await page.inputValue('.new-todo'), '', 'the field is free for the next one');
		assert.deepEqual(await labels(page), ['Milk', 'Bread', 'Eggs', 'Butter'], 'shown at once');
		await page.screenshot({ path: screenshotPath('20-offline-waiting-changes') });
		await page.locator('.sync-status').screenshot({ path: docsScreenshot('offline-waiting-changes') });

		await unblock();
		await allSaved(page);
		await allSaved(tab);
		const saved = await serverTodos(page);
		assert.deepEqual(saved.map((t) => t.title), ['Milk', 'Rye bread', 'Eggs', 'Butter'], 'each once, in the order typed');
		assert.equal(saved.find((t) => t.title === 'Milk').completed, true);
		await page.locator('.offline-indicator').waitFor({ state: 'hidden' });
		// the sync brings each tab the other's changes
		await page.locator('.todo-list li label', { hasText: 'Rye bread' }).waitFor({ timeout: 10_000 });
		await tab.locator('.todo-list li label', { hasText: 'Butter' }).waitFor({ timeout: 10_000 });
	});

	it('shows a change made in another tab within 10 s, and a to-do deleted there disappears with a notice', async () => {
		const page = await openAs(stack, pages, 'converge');
		await add(page, 'Shared plan');
		const tab = await secondTab(page);
		await add(tab, 'From the other tab');
		await page.locator('.todo-list li label', { hasText: 'From the other tab' }).waitFor({ timeout: 10_000 });

		await page.locator('.todo-list li', { hasText: 'Shared plan' }).locator('.details-open').click();
		await page.locator('dialog.details[open]').waitFor();
		await item(tab, 'Shared plan').hover();
		await item(tab, 'Shared plan').locator('.destroy').click();
		await page.locator('dialog.details').waitFor({ state: 'hidden', timeout: 10_000 });
		await page.locator('.message-info', { hasText: /Shared plan/ }).waitFor({ timeout: 10_000 });
		assert.deepEqual(await labels(page), ['From the other tab']);
	});

	it('opens offline with the last data, keeps what is added there through a reload, and sends it when back', async () => {
		const page = await openAs(stack, pages, 'offline');
		const worker = await page.evaluate(async () => {
			const response = await fetch('/sw.js');
			return { type: response.headers.get('Content-Type'), csp: response.headers.get('Content-Security-Policy') };
		});
		assert.match(worker.type, /javascript/, 'a service worker needs a JavaScript type');
		assert.match(worker.csp, /default-src 'self'/, "worker-src falls back to 'self'");
		assert.equal(await page.evaluate(async () => (await fetch('/manifest.webmanifest')).ok), true);
		await add(page, 'Seen online');
		await page.waitForTimeout(800); // the snapshot of the list is written within half a second
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.waitForFunction(async () => Boolean(await caches.match('/js/outbox-sender.js')), null, { timeout: 10_000 });
		await page.context().setOffline(true);

		await page.reload();
		await page.locator('.todo-list li label', { hasText: 'Seen online' }).waitFor();
		await page.locator('.offline-indicator').waitFor();
		await page.fill('.new-todo', 'Typed offline');
		await page.press('.new-todo', 'Enter');
		await item(page, 'Seen online').locator('.toggle').click();
		await page.locator('.waiting-text', { hasText: '2 changes waiting to be saved' }).waitFor();
		await page.screenshot({ path: screenshotPath('21-offline-start') });

		await page.reload();
		await page.locator('.todo-list li label', { hasText: 'Typed offline' }).waitFor();
		assert.equal(await item(page, 'Seen online').locator('.toggle').isChecked(), true, 'the queued tick still shown');
		assert.equal(await waiting(page), 2);

		await page.context().setOffline(false);
		await allSaved(page);
		const saved = await serverTodos(page);
		assert.deepEqual(saved.map((t) => [t.title, t.completed]), [['Seen online', true], ['Typed offline', false]]);
	});
});

/** Waits until IndexedDB (database `todo`, store `data`) holds an outbox of `count` writes. */
function storedOutboxHolds(page, count) {
	return page.waitForFunction(
		(expected) =>
			new Promise((resolve) => {
				const open = indexedDB.open('todo');
				open.onerror = () => resolve(false);
				open.onsuccess = () => {
					const request = open.result.transaction('data').objectStore('data').getAll();
					request.onsuccess = () => resolve(request.result.some((value) => Array.isArray(value) && value.length === expected && value.every((entry) => entry?.kind)));
					request.onerror = () => resolve(false);
				};
			}),
		count,
		{ timeout: 10_000 },
	);
}

describe('a browser restart', () => {
	it('sends after a restart what was queued before the browser closed (persistent profile)', async () => {
		const profile = mkdtempSync(join(tmpdir(), 'todo-e2e-profile-'));
		const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
		try {
			let context = await launch();
			let page = context.pages()[0] ?? (await context.newPage());
			await page.goto(stack.baseUrl + '/');
			await signInAtProvider(page, stack, newUser('restart'));
			await add(page, 'Before the outage');
			await blockApi(context);
			await page.fill('.new-todo', 'Queued before closing');
			await page.press('.new-todo', 'Enter');
			await item(page, 'Before the outage').locator('.toggle').click();
			await page.locator('.waiting-text', { hasText: '2 changes waiting to be saved' }).waitFor();
			await storedOutboxHolds(page, 2);
			await context.close();

			context = await launch();
			page = context.pages()[0] ?? (await context.newPage());
			await page.goto(stack.baseUrl + '/');
			await page.locator('.page-list').waitFor();
			await allSaved(page);
			await page.locator('.todo-list li label', { hasText: 'Queued before closing' }).waitFor();
			const saved = await serverTodos(page);
			assert.deepEqual(saved.map((t) => [t.title, t.completed]), [['Before the outage', true], ['Queued before closing', false]]);
			await context.close();
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	});
});

describe('a server restart', () => {
	/** The trash of the signed-in user's lists, as the server holds it. */
	const serverTrash = (page) =>
		page.evaluate(async () => {
			const response = await fetch('/api/v1/trash?page_size=100', { headers: { Authorization: `Bearer ${localStorage.getItem('todo.auth.idToken')}` } });
			return (await response.json()).data;
		});

	it('keeps toggle-all and clear completed made while the server is stopped, through a reload, and sends them per to-do once it is back', async () => {
		const page = await openAs(stack, pages, 'bulk-outage');
		await add(page, 'One', 'Two', 'Three');
		await item(page, 'Two').locator('.toggle').click();
		await settled(page);
		await page.waitForTimeout(800); // the snapshot of the list is written within half a second
		await page.waitForFunction(async () => Boolean(await caches.match('/js/outbox-sender.js')), null, { timeout: 10_000 });

		await stack.stopApp();
		await page.click('label[for="toggle-all"]');
		assert.equal(await page.locator('.todo-list li.completed').count(), 3, 'all shown done at once');
		await page.locator('.waiting-text', { hasText: '2 changes waiting to be saved' }).waitFor(); // One and Three
		await page.click('.clear-completed');
		assert.deepEqual(await labels(page), [], 'cleared at once');
		await page.locator('.waiting-text', { hasText: '5 changes waiting to be saved' }).waitFor();
		await page.locator('.offline-indicator').waitFor();

		await page.reload(); // from the service worker and IndexedDB: the server is still down
		await page.locator('.offline-indicator').waitFor();
		await page.locator('.waiting-text', { hasText: '5 changes waiting to be saved' }).waitFor();
		assert.deepEqual(await labels(page), [], 'the waiting writes are shown over the copy of the list');

		await stack.restartApp();
		await allSaved(page, 60_000);
		assert.deepEqual(await serverTodos(page), [], 'nothing left in the list');
		const trashed = await serverTrash(page);
		assert.deepEqual(trashed.map((t) => [t.title, t.completed]).sort(), [['One', true], ['Three', true], ['Two', true]], 'each marked done, then cleared to the trash');
		await page.locator('.offline-indicator').waitFor({ state: 'hidden' });
	});
});

describe('conflicts that respect intent', () => {
	/** Changes the only to-do on the server, as another device would (the sync is held back meanwhile). */
	const changeElsewhere = (page, patch) =>
		page.evaluate(async (body) => {
			const headers = { Authorization: `Bearer ${localStorage.getItem('todo.auth.idToken')}`, 'Content-Type': 'application/json' };
			const [todo] = (await (await fetch('/api/v1/todos', { headers })).json()).data;
			await fetch(`/api/v1/todos/${todo.id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
		}, patch);

	it('merges a change of another field silently, and asks for a field both sides changed, keeping what was typed', async () => {
		const page = await openAs(stack, pages, 'conflicts');
		await add(page, 'Plan trip');
		await page.route('**/api/v1/sync*', (route) => route.abort('connectionrefused'));

		await changeElsewhere(page, { priority: 'high' });
		await item(page, 'Plan trip').locator('.toggle').click();
		await settled(page);
		let [saved] = await serverTodos(page);
		assert.equal(saved.priority, 'high', 'theirs kept');
		assert.equal(saved.completed, true, 'ours applied');
		assert.equal(await page.locator('.conflict-choice').count(), 0);

		await changeElsewhere(page, { notes: 'Notes from the other device' });
		await item(page, 'Plan trip').locator('.details-open').click();
		await page.fill('dialog.details textarea', 'Notes typed here');
		await page.click('dialog.details .details-save');
		const choice = page.locator('.conflict-choice');
		await choice.waitFor();
		assert.match(await choice.locator('.conflict-mine').textContent(), /Notes typed here/);
		assert.match(await choice.locator('.conflict-theirs').textContent(), /Notes from the other device/);
		await page.screenshot({ path: screenshotPath('22-conflict-choice') });
		await choice.screenshot({ path: docsScreenshot('conflict-choice') });
		await choice.locator('.conflict-keep-mine').click();
		await settled(page);
		[saved] = await serverTodos(page);
		assert.equal(saved.notes, 'Notes typed here');
	});
});

describe('sign-in a person does not notice', () => {
	it('renews an expired token with the refresh token, without the provider\'s form', async () => {
		const page = await openAs(stack, pages, 'renew');
		await add(page, 'Still here');
		await page.evaluate(() => {
			const [header, payload, signature] = localStorage.getItem('todo.auth.idToken').split('.');
			const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
			claims.exp = Math.floor(Date.now() / 1000) - 3600;
			const expired = btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
			localStorage.setItem('todo.auth.idToken', [header, expired, signature].join('.'));
		});
		const visited = [];
		page.on('framenavigated', (frame) => frame === page.mainFrame() && visited.push(frame.url()));
		await page.reload();
		await page.locator('.todo-list li label', { hasText: 'Still here' }).waitFor();
		assert.deepEqual(visited.filter((url) => url.startsWith(stack.issuer)), [], 'never on the provider\'s page');
		const exp = await page.evaluate(() => JSON.parse(atob(localStorage.getItem('todo.auth.idToken').split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).exp);
		assert.ok(exp * 1000 > Date.now(), 'a fresh token');
	});
});

describe('smaller findings', () => {
	it('sets a due date and a priority when adding', async () => {
		const page = await openAs(stack, pages, 'extras');
		await page.fill('.new-todo-due', '2031-05-06');
		await page.selectOption('.new-todo-priority', 'high');
		await add(page, 'Renew passport');
		const [saved] = await serverTodos(page);
		assert.equal(saved.due_date, '2031-05-06');
		assert.equal(saved.priority, 'high');
		assert.equal(await page.inputValue('.new-todo-due'), '', 'the row is reset for the next one');
		assert.equal(await page.inputValue('.new-todo-priority'), 'none');
	});

	it('writes dates in the browser\'s locale, one way everywhere', async () => {
		const us = await openAs(stack, pages, 'us-dates', { locale: 'en-US' });
		await us.fill('.new-todo-due', '2031-05-06');
		await add(us, 'Renew passport');
		assert.equal(await item(us, 'Renew passport').locator('.chip-due').textContent(), 'Due May 6, 2031');
		const german = await openAs(stack, pages, 'de-dates', { locale: 'de-DE' });
		await german.fill('.new-todo-due', '2031-05-06');
		await add(german, 'Renew passport');
		assert.equal(await item(german, 'Renew passport').locator('.chip-due').textContent(), 'Due 6. Mai 2031');
	});

	it('keeps the search and order through a reload, and the counter counts the list, not the search', async () => {
		const page = await openAs(stack, pages, 'findings');
		await add(page, 'Buy milk', 'Oat milk', 'Pay rent');
		await page.fill('.search', 'milk');
		await page.locator('.search-summary', { hasText: '2 to-dos match' }).waitFor();
		await page.selectOption('.order', 'desc');
		await settled(page);
		assert.match(page.url(), /\?q=milk&order=desc#?/);
		assert.match(await page.locator('.todo-count').textContent(), /^3 items left/);

		await page.reload();
		await page.locator('.search-summary', { hasText: '2 to-dos match' }).waitFor();
		assert.equal(await page.inputValue('.search'), 'milk');
		assert.equal(await page.inputValue('.order'), 'desc');
		assert.deepEqual(await labels(page), ['Oat milk', 'Buy milk']);
	});
});

describe('sign-out', () => {
	it('clears what the browser kept of the user', async () => {
		const page = await openAs(stack, pages, 'leaver');
		await add(page, 'Private');
		await page.waitForTimeout(800);
		assert.ok((await localKeys(page)).length > 0, 'something kept while signed in');
		await page.click('.sign-out');
		await page.waitForURL(`${stack.baseUrl}/signed-out`);
		assert.deepEqual(await localKeys(page), []);
		assert.equal(await page.evaluate(() => localStorage.getItem('todo.auth.idToken')), null);
	});
});
