// End-to-end: "Deleted · Undo" after deleting a to-do (it goes to the trash and comes back where
// it stood), clearing completed ones, and deleting a file (sent only once the notice has gone, or
// when the page is left); Ctrl+Z outside text fields. Needs the backend's trash (api.md, "Trash").

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiCall, docsScreenshot } from './list-helpers.js';
import { add, axeViolations, item, labels, noProblems, openAs, serverTodos, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();
const open = (name, options) => openAs(stack, pages, name, options);

const notice = (page) => page.locator('.undo-notice .undo-body');
const serverTitles = async (page) => (await serverTodos(page)).map((todo) => todo.title);

async function waitUntil(condition, what, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) assert.fail(`timed out: ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

async function remove(page, title) {
	await item(page, title).hover();
	await item(page, title).locator('.destroy').click();
	await notice(page).waitFor();
	await settled(page);
}

describe('undo', () => {
	it('shows Deleted · Undo after a delete; Undo brings the to-do back at its place, on the server too', async () => {
		const page = await open('undo', { viewport: { width: 1024, height: 700 } });
		await add(page, 'First', 'Second', 'Third');

		await remove(page, 'Second');
		assert.equal(await page.locator('.undo-text').textContent(), 'Deleted “Second”.');
		assert.equal(await page.locator('.undo-notice').getAttribute('role'), 'status');
		assert.deepEqual(await labels(page), ['First', 'Third']);
		assert.deepEqual(await serverTitles(page), ['First', 'Third'], 'in the trash: out of the list');
		await page.screenshot({ path: docsScreenshot('undo-notice'), clip: { x: 0, y: 130, width: 1024, height: 570 } });

		await page.click('.undo-button');
		await settled(page);
		assert.deepEqual(await labels(page), ['First', 'Second', 'Third']);
		assert.deepEqual(await serverTitles(page), ['First', 'Second', 'Third'], 'restored at its old position');
		assert.equal(await notice(page).isVisible(), false);
		await page.reload();
		await settled(page);
		assert.deepEqual(await labels(page), ['First', 'Second', 'Third']);
		noProblems(page);
	});

	it('undoes with Ctrl+Z, except in a text field (where it undoes typing); the notice goes by itself', async () => {
		const page = await open('undo-key');
		await add(page, 'Keep', 'Undo me');

		await remove(page, 'Undo me');
		await page.click('.new-todo');
		await page.keyboard.type('half');
		await page.keyboard.press('Control+z');
		await settled(page);
		assert.deepEqual(await labels(page), ['Keep'], 'Ctrl+Z in the field is the field\'s');
		await page.fill('.new-todo', '');
		await page.click('h1');
		await page.keyboard.press('Control+z');
		await settled(page);
		assert.deepEqual(await labels(page), ['Keep', 'Undo me']);

		await remove(page, 'Undo me');
		await notice(page).waitFor({ state: 'hidden', timeout: 10_000 });
		await page.keyboard.press('Control+z');
		await settled(page);
		assert.deepEqual(await labels(page), ['Keep'], 'nothing to undo once the notice is gone');
		const trash = await apiCall(page, 'GET', '/api/v1/trash');
		assert.deepEqual(trash.body.data.map((todo) => todo.title), ['Undo me']);
		noProblems(page);
	});

	it('puts every to-do cleared with Clear completed back at its place', async () => {
		const page = await open('undo-clear');
		await add(page, 'One', 'Two', 'Three', 'Four');
		await item(page, 'Two').locator('.toggle').check();
		await item(page, 'Four').locator('.toggle').check();
		await settled(page);

		await page.click('.clear-completed');
		await notice(page).waitFor();
		await settled(page);
		assert.equal(await page.locator('.undo-text').textContent(), 'Cleared 2 completed to-dos.');
		assert.deepEqual(await labels(page), ['One', 'Three']);
		assert.deepEqual(await serverTitles(page), ['One', 'Three']);

		await page.click('.undo-button');
		await settled(page);
		assert.deepEqual(await labels(page), ['One', 'Two', 'Three', 'Four']);
		assert.deepEqual(await serverTitles(page), ['One', 'Two', 'Three', 'Four']);
		assert.equal(await item(page, 'Four').locator('.toggle').isChecked(), true, 'still completed');
		noProblems(page);
	});

	it('deletes a file only once its notice has gone, or the page is left; Undo keeps it', async () => {
		const page = await open('undo-file');
		await add(page, 'Tax return');
		const files = async () => {
			const { id } = (await serverTodos(page))[0];
			return (await apiCall(page, 'GET', `/api/v1/todos/${id}/attachments`)).body.data.map((file) => file.filename);
		};
		const upload = async (name) => {
			await page.setInputFiles('.upload-file', { name, mimeType: 'text/plain', buffer: Buffer.from(`bytes of ${name}`) });
			await page.click('.upload-start');
			await page.locator('.attachment-list li', { hasText: name }).waitFor();
			await settled(page);
		};
		await item(page, 'Tax return').locator('.details-open').click();
		await upload('receipt.txt');

		await page.click('.attachment-delete');
		await page.locator('.attachments-status', { hasText: 'No files yet.' }).waitFor();
		const inDialog = page.locator('dialog.details .undo-notice .undo-body');
		await inDialog.waitFor();
		assert.equal(await page.locator('.undo-text').textContent(), 'Deleted the file “receipt.txt”.');
		assert.deepEqual(await files(), ['receipt.txt'], 'not sent yet');
		await inDialog.locator('.undo-button').click();
		await page.locator('.attachment-list li', { hasText: 'receipt.txt' }).waitFor();
		await settled(page);
		assert.deepEqual(await files(), ['receipt.txt']);

		await page.click('.attachment-delete');
		await inDialog.waitFor();
		await inDialog.waitFor({ state: 'hidden', timeout: 10_000 });
		await settled(page);
		assert.deepEqual(await files(), [], 'sent when the notice went');

		await upload('photo.txt');
		await page.click('.attachment-delete');
		await inDialog.waitFor();
		await page.reload(); // pagehide sends it, with keepalive
		await settled(page);
		await waitUntil(async () => (await files()).length === 0, 'the delete sent as the page went away arrives');
		await page.reload();
		await settled(page);
		assert.equal(await item(page, 'Tax return').locator('.chip-files').count(), 0);
		noProblems(page);
	});

	it('has no WCAG 2.1 AA violations with the notice shown (light and dark)', async () => {
		for (const colorScheme of ['light', 'dark']) {
			const page = await open(`undo-a11y-${colorScheme}`, { colorScheme, bypassCSP: true });
			await add(page, 'Gone soon');
			await remove(page, 'Gone soon');
			assert.deepEqual(await axeViolations(page), [], colorScheme);
		}
	});
});
