// End-to-end: the trash of a list (editors only): restore, delete for good and empty, each asked
// first where it cannot be undone. Needs the backend's trash (api.md, "Trash").

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiCall, createList, docsScreenshot, openSharedList, person, shownListId } from './list-helpers.js';
import { add, axeViolations, item, labels, noProblems, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();

const trashTitles = (page) => page.locator('dialog.trash .trash-title').allTextContents();
const trashRow = (page, title) => page.locator('dialog.trash .trash-item').filter({ has: page.locator('.trash-title', { hasText: title }) });

async function remove(page, ...titles) {
	for (const title of titles) {
		await item(page, title).hover();
		await item(page, title).locator('.destroy').click();
		await settled(page);
	}
}

async function openTrash(page) {
	await page.click('.list-trash');
	await page.locator('dialog.trash .trash-status').filter({ hasNotText: 'Loading' }).waitFor();
	await settled(page);
}

describe('trash', () => {
	it('restores, deletes for good (asked first) and empties the trash of a list', async () => {
		const page = await person(stack, pages, 'Tia', { viewport: { width: 1024, height: 760 } });
		await createList(page, 'Groceries');
		await add(page, 'Milk', 'Eggs', 'Bread', 'Butter');
		await remove(page, 'Milk', 'Eggs', 'Bread');

		await openTrash(page);
		assert.equal(await page.locator('#trash-title').textContent(), 'Trash of “Groceries”');
		assert.deepEqual(await trashTitles(page), ['Bread', 'Eggs', 'Milk'], 'most recently deleted first');
		assert.match(await trashRow(page, 'Eggs').locator('.trash-when').textContent(), /^Deleted (just now|1 min ago) by you$/);
		await page.locator('dialog.trash').screenshot({ path: docsScreenshot('trash') });

		await trashRow(page, 'Eggs').locator('.trash-restore').click();
		await settled(page);
		assert.deepEqual(await trashTitles(page), ['Bread', 'Milk']);
		assert.match(await page.locator('.trash-status').textContent(), /^“Eggs” is back in the list\./);
		assert.deepEqual(await labels(page), ['Eggs', 'Butter'], 'back at its place in the list behind the dialog');

		await trashRow(page, 'Milk').locator('.trash-purge').click();
		const confirm = page.locator('dialog.confirm');
		await confirm.waitFor();
		assert.match(await confirm.locator('.confirm-text').textContent(), /^Delete “Milk” for good/);
		await confirm.locator('.confirm-no').click();
		assert.deepEqual(await trashTitles(page), ['Bread', 'Milk'], 'Cancel keeps it');
		await trashRow(page, 'Milk').locator('.trash-purge').click();
		await confirm.locator('.confirm-yes').click();
		await settled(page);
		assert.deepEqual(await trashTitles(page), ['Bread']);

		await page.click('.trash-empty');
		await confirm.locator('.confirm-yes').click();
		await settled(page);
		assert.deepEqual(await trashTitles(page), []);
		assert.equal(await page.locator('.trash-status').textContent(), 'Deleted 1 to-do for good. The trash is empty.');
		const left = await apiCall(page, 'GET', `/api/v1/trash?list_id=${shownListId(page)}`);
		assert.deepEqual(left.body.data, []);
		await page.click('.trash-close');
		assert.equal(await page.evaluate(() => document.activeElement.className), 'list-trash button button-secondary button-small', 'focus returns');
		noProblems(page);
	});

	it('is there for editors of a shared list, not for viewers', async () => {
		const vera = await person(stack, pages, 'Vera');
		const ed = await person(stack, pages, 'Ed');
		const owner = await person(stack, pages, 'Owen');
		await createList(owner, 'Shared');
		const listId = shownListId(owner);
		assert.equal((await apiCall(owner, 'POST', `/api/v1/lists/${listId}/members`, { email: vera.user.email, role: 'viewer' })).status, 201);
		assert.equal((await apiCall(owner, 'POST', `/api/v1/lists/${listId}/members`, { email: ed.user.email, role: 'editor' })).status, 201);
		await add(owner, 'Deleted by the owner');
		await remove(owner, 'Deleted by the owner');

		await openSharedList(vera, 'Shared');
		assert.equal(await vera.locator('.list-trash').isVisible(), false);
		await openSharedList(ed, 'Shared');
		await openTrash(ed);
		assert.match(await trashRow(ed, 'Deleted by the owner').locator('.trash-when').textContent(), new RegExp(`by ${owner.user.name}$`));
		noProblems(vera);
		noProblems(ed);
	});

	it('has no WCAG 2.1 AA violations in the trash dialog (light and dark)', async () => {
		for (const colorScheme of ['light', 'dark']) {
			const page = await person(stack, pages, `Axe${colorScheme}`, { colorScheme, bypassCSP: true });
			await add(page, 'In the trash');
			await remove(page, 'In the trash');
			await openTrash(page);
			assert.deepEqual(await axeViolations(page), [], colorScheme);
		}
	});
});
