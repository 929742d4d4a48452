// What the end-to-end tests of lists, sharing, the trash, steps and activity do on the app's
// pages: people with an e-mail and a name (so that others can add them), lists, the share dialog,
// the app's own API as the signed-in user, and the committed screenshots of the docs.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FRONTEND, signedInPage } from './harness.js';
import { newUser, settled } from './page-helpers.js';

/** A new user whose token carries an e-mail and a name, so that others can add them by e-mail. */
export async function person(stack, pages, name, options = {}) {
	const id = newUser(name.toLowerCase());
	const user = { id, email: `${id}@example.com`, name: `${name} ${id.slice(-4)}` };
	const page = await signedInPage(stack, id, options, { email: user.email, name: user.name });
	pages.push(page);
	return Object.assign(page, { user });
}

/** The committed screenshots of the docs (small PNGs), next to the test-results ones. */
export function docsScreenshot(name) {
	const dir = join(FRONTEND, '..', 'docs', 'screenshots');
	mkdirSync(dir, { recursive: true });
	return join(dir, `${name}.png`);
}

export const sidebarNames = (page) => page.locator('.list-links .list-name').allTextContents();
export const listLink = (page, name) => page.locator('.list-link').filter({ has: page.locator('.list-name', { hasText: name }) });

export async function createList(page, name) {
	await page.fill('.new-list', name);
	await page.press('.new-list', 'Enter');
	await page.locator('.list-title', { hasText: name }).waitFor();
	await settled(page);
}

export async function openShare(page) {
	await page.click('.list-share');
	await page.locator('dialog.share .member-item').first().waitFor(); // the owner, at least
	await settled(page);
}

export async function addMember(page, email, role) {
	await page.fill('.member-email', email);
	await page.selectOption('.member-role', role);
	await page.click('.add-member-form button[type="submit"]');
	await settled(page);
}

/** A request to the API as the user signed in on the page: {status, body}. */
export async function apiCall(page, method, path, body) {
	return page.evaluate(
		async ({ method, path, body }) => {
			const token = localStorage.getItem('todo.auth.idToken');
			const headers = { Authorization: `Bearer ${token}` };
			if (body !== undefined) headers['Content-Type'] = 'application/json';
			const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
			const text = await response.text();
			return { status: response.status, body: text ? JSON.parse(text) : null };
		},
		{ method, path, body },
	);
}

/** The id of the list shown (from the address; the Inbox has none there). */
export function shownListId(page) {
	const match = /^#\/lists\/([^/]+)/.exec(new URL(page.url()).hash);
	return match ? decodeURIComponent(match[1]) : null;
}

/** Opens a list a member was added to: reload (the sidebar learns of it), then the list. */
export async function openSharedList(page, name) {
	await page.reload();
	await settled(page);
	await listLink(page, name).click();
	await page.locator('.list-title', { hasText: name }).waitFor();
	await settled(page);
}
