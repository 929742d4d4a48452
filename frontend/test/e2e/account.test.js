// End-to-end: the user menu's "Download my data" (the export zip, saved under the server's name)
// and "Delete my account" (typed confirmation, then the erasure and sign-out; the same user signs
// in again to a new, empty account), by keyboard. Needs the backend's export and erasure routes.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { signInAtProvider } from './harness.js';
import { person } from './list-helpers.js';
import { add, axeViolations, labels, noProblems, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();

const focused = (page) => page.evaluate(() => document.activeElement.className);

describe('my account', () => {
	it('downloads my data as the zip the server names, from the keyboard', async () => {
		const page = await person(stack, pages, 'Dana', { bypassCSP: true });
		await add(page, 'Keep this one');

		await page.focus('.user-menu-button');
		await page.keyboard.press('ArrowDown');
		assert.equal(await page.getAttribute('.user-menu-button', 'aria-expanded'), 'true');
		assert.equal(await focused(page), 'menu-export');
		assert.deepEqual(await axeViolations(page), []);
		await page.keyboard.press('Escape');
		assert.equal(await page.isHidden('.user-menu-items'), true);
		assert.equal(await focused(page), 'user-menu-button');

		await page.keyboard.press('Enter');
		const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
		await settled(page);

		assert.match(download.suggestedFilename(), /^todo-export-\d{4}-\d{2}-\d{2}\.zip$/);
		const zip = readFileSync(await download.path());
		assert.equal(zip.subarray(0, 2).toString('latin1'), 'PK');
		assert.ok(zip.includes(Buffer.from('export.json')), 'the zip holds export.json');
		assert.match(await page.locator('.account-status').textContent(), /^Your data was downloaded as todo-export-/);
		noProblems(page);
	});

	it('deletes my account only once I typed my id, signs me out, and starts afresh', async () => {
		const page = await person(stack, pages, 'Erin', { bypassCSP: true });
		await add(page, 'Gone with the account');

		await page.click('.user-menu-button');
		await page.click('.menu-erase');
		const dialog = page.locator('dialog.erase');
		await dialog.waitFor();
		assert.equal(await focused(page), 'erase-confirm');
		assert.equal(await dialog.locator('.erase-id').textContent(), page.user.id);
		assert.equal(await dialog.locator('.erase-yes').isDisabled(), true);
		assert.deepEqual(await axeViolations(page), []);

		await page.keyboard.type(page.user.id.slice(0, -1));
		assert.equal(await dialog.locator('.erase-yes').isDisabled(), true, 'not yet: one character short');
		await page.keyboard.press('Enter');
		assert.equal(await dialog.isVisible(), true, 'Enter does nothing while the id does not match');
		await page.keyboard.type(page.user.id.slice(-1));
		assert.equal(await dialog.locator('.erase-yes').isDisabled(), false);

		await Promise.all([page.waitForURL(`${stack.baseUrl}/signed-out`), page.keyboard.press('Enter')]);
		await page.locator('.page-signed-out').waitFor();
		assert.equal(await page.evaluate(() => sessionStorage.getItem('todo.auth.idToken')), null);

		await page.click('.sign-in-again');
		await signInAtProvider(page, stack, page.user.id);
		await settled(page);
		assert.deepEqual(await labels(page), [], 'a new, empty account');
		noProblems(page);
	});
});
