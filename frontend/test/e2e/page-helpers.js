// What the end-to-end tests do on the app's pages, shared by every test file: a new user per test,
// adding to-dos, waiting until the app is idle, reading the list, what the server holds.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { signedInPage, startStack } from './harness.js';

/**
 * The stack of a test file, started before its tests and stopped after them with every page
 * opened into `pages`; `stack` is filled in once started.
 */
export function stackForFile() {
	const stack = {};
	const pages = [];
	before(async () => {
		Object.assign(stack, await startStack());
	});
	after(async () => {
		await closeAll(pages);
		if (stack.stop) await stack.stop();
	});
	return { stack, pages };
}

export const newUser = (name) => `${name}-${randomUUID().slice(0, 8)}`;

/** A page signed in as a new user; closed with the others by closeAll(pages). */
export async function openAs(stack, pages, name, options, claims) {
	const page = await signedInPage(stack, newUser(name), options, claims);
	pages.push(page);
	return page;
}

export async function closeAll(pages) {
	for (const page of pages) await page.context().close().catch(() => {});
}

export async function add(page, ...titles) {
	for (const title of titles) {
		await page.fill('.new-todo', title);
		await page.press('.new-todo', 'Enter');
	}
	await settled(page);
}

/** Waits until no API request is under way (the app counts them on <body>) twice in a row. */
export async function settled(page) {
	const idle = () => page.waitForFunction(() => document.body.dataset.requests === '0' && !document.querySelector('.todo-list li.pending'));
	await idle();
	await page.waitForTimeout(150);
	await idle();
}

export const labels = (page) => page.locator('.todo-list li label').allTextContents();
export const item = (page, title) => page.locator('.todo-list li').filter({ has: page.locator('label', { hasText: title }) });

/** What the server holds for the signed-in user of `page` (every list they can read). */
export async function serverTodos(page) {
	return page.evaluate(async () => {
		const token = localStorage.getItem('todo.auth.idToken');
		const response = await fetch('/api/v1/todos?page_size=100', { headers: { Authorization: `Bearer ${token}` } });
		return (await response.json()).data;
	});
}

/**
 * Takes back the console error Chromium logs for a request the test made fail on purpose (one
 * answer with `status` for a URL ending in `pathEnd`); fails if there is none.
 */
export function expectFailedRequest(page, status, pathEnd) {
	const index = page.problems.findIndex(
		(problem) => problem.includes(`status of ${status}`) && problem.endsWith(`${pathEnd})`),
	);
	assert.notEqual(index, -1, `a ${status} for ${pathEnd} was logged`);
	page.problems.splice(index, 1);
}

export function noProblems(page) {
	assert.deepEqual(page.problems, [], 'no script errors, CSP violations or dialogs');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A and AA findings on the page (its context needs bypassCSP to inject axe). */
export async function axeViolations(page) {
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
		return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	});
}
