// End-to-end: how the app looks where issue 15's smaller findings were (the due chips' colours, a
// to-do's row at 375 px and its focus ring, the error banner floating over the page), and the API's
// documentation pages it links to. Its own file, so that app.test.js stays within one file's time.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { screenshotPath } from './harness.js';
import { add, axeViolations, expectFailedRequest, item, noProblems, openAs, settled, stackForFile } from './page-helpers.js';

const { stack, pages } = stackForFile();
const open = (name, options) => openAs(stack, pages, name, options);

describe('API documentation', () => {
	it('links from the app to Swagger UI and ReDoc, which render from this origin alone under their policies and link back', async () => {
		const page = await open('api-docs');
		const elsewhere = [];
		// a request the policy blocks is reported too, but fails before it leaves the browser
		const away = (request) => !request.url().startsWith(stack.baseUrl) && !/^(blob|data):/.test(request.url());
		page.on('requestfinished', (request) => away(request) && elsewhere.push(request.url()));
		page.on('requestfailed', (request) => away(request) && !/csp/i.test(request.failure()?.errorText ?? '') && elsewhere.push(request.url()));
		await page.addInitScript(() => {
			window.violations = [];
			document.addEventListener('securitypolicyviolation', (event) => window.violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
		});

		await page.click('.info a[href="/redoc"]');
		await page.waitForURL(`${stack.baseUrl}/redoc`);
		await page.locator('h1', { hasText: 'To-do API' }).waitFor({ timeout: 30_000 });
		assert.equal(await page.title(), 'To-do API');
		await page.locator('[role="menuitem"], li[data-item-id]').first().waitFor();
		const styled = await page.evaluate(() => [...document.querySelectorAll('style')].filter((style) => style.sheet && style.sheet.cssRules.length > 0).length);
		assert.ok(styled >= 1, 'ReDoc\'s own styles applied (their nonce)');
		const redocViolations = await page.evaluate(() => window.violations);
		// refused, and known: the "powered by" logo ReDoc asks of its CDN (it then hides it), and the two
		// stylesheets of its scrollbars, added as the bundle loads, before Redoc.init hands it the nonce
		const known = (v) => /^img-src https:\/\/cdn\.redoc\.ly\//.test(v) || v === 'style-src-elem inline';
		assert.deepEqual(redocViolations.filter((v) => !known(v)), [], 'nothing else refused');
		assert.ok(redocViolations.filter((v) => v === 'style-src-elem inline').length <= 2);
		await page.screenshot({ path: screenshotPath('14-redoc') });
		await page.locator('a[href="/docs"]').first().click();

		await page.waitForURL(`${stack.baseUrl}/docs`);
		await page.locator('.swagger-ui .info .title', { hasText: 'To-do API' }).waitFor({ timeout: 30_000 });
		assert.equal(await page.title(), 'To-do API');
		await page.locator('.swagger-ui .opblock').first().waitFor();
		assert.deepEqual((await page.evaluate(() => window.violations)).filter((v) => !v.startsWith('style-src')), [], 'Swagger UI runs under its policy');
		const back = page.locator('.swagger-ui .info a', { hasText: 'Open the to-do app' });
		assert.equal(await back.getAttribute('href'), '/', 'the description links back to the app');
		await page.goto(new URL(await back.getAttribute('href'), page.url()).href);
		await page.locator('.page-list').waitFor();
		assert.deepEqual(elsewhere, [], 'no request left the origin');
	});
});

describe('look', () => {
	/** The browser's own date `days` from today, as a date field takes it. */
	const localDate = (page, days) =>
		page.evaluate((offset) => {
			const date = new Date();
			date.setDate(date.getDate() + offset);
			return date.toLocaleDateString('en-CA');
		}, days);

	for (const colorScheme of ['light', 'dark']) {
		it(`gives overdue, due today and a later due date each its own colour, all readable (${colorScheme})`, async () => {
			const page = await open(`due-chips-${colorScheme}`, { colorScheme, bypassCSP: true });
			for (const [title, days] of [['Was due', -1], ['Due now', 0], ['Due soon', 3]]) {
				await page.fill('.new-todo-due', await localDate(page, days));
				await add(page, title);
			}
			const look = (title) => item(page, title).locator('.chip-due').evaluate((chip) => {
				const style = getComputedStyle(chip);
				return `${style.color} on ${style.backgroundColor}`;
			});
			const [late, now, later] = [await look('Was due'), await look('Due now'), await look('Due soon')];
			assert.equal(await item(page, 'Due now').locator('.chip-due').textContent(), 'Due today');
			assert.equal(new Set([late, now, later]).size, 3, `three looks: ${late} | ${now} | ${later}`);
			assert.deepEqual(await axeViolations(page), [], 'contrast of each chip included');
			if (colorScheme === 'light') await page.locator('.todo-list').screenshot({ path: screenshotPath('11-due-chips') });
		});
	}

	it('keeps chips clear of the buttons at 375 px and rings the whole row, chips included, on keyboard focus', async () => {
		const phone = await open('phone-375', { viewport: { width: 375, height: 740 } });
		await phone.fill('.new-todo-due', '2020-01-20');
		await phone.selectOption('.new-todo-priority', 'high');
		await add(phone, 'Call the plumber about the kitchen sink and the tap');
		const row = phone.locator('.todo-list li').first();
		await row.locator('.details-open').click();
		await phone.fill('.details-notes', 'Before Friday');
		await phone.click('.details-save');
		await settled(phone);
		await row.hover(); // the delete button shows
		const { overlaps, buttons, chips } = await row.evaluate((li) => {
			const boxes = (selector) => [...li.querySelectorAll(selector)].map((each) => each.getBoundingClientRect()).filter((box) => box.width > 0);
			const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
			const controls = boxes('.details-open, .destroy');
			const chipBoxes = boxes('.chip');
			return { overlaps: chipBoxes.filter((chip) => controls.some((button) => hit(chip, button))).length, buttons: controls.length, chips: chipBoxes.length };
		});
		assert.equal(buttons, 2);
		assert.equal(chips, 3);
		assert.equal(overlaps, 0, 'no chip under Details or delete');

		await phone.focus('.toggle-all');
		await phone.keyboard.press('Tab'); // the to-do's checkbox, by keyboard
		assert.equal(await phone.evaluate(() => document.activeElement.className), 'toggle');
		const ring = await row.evaluate((li) => ({ outline: getComputedStyle(li).outlineStyle, glow: getComputedStyle(li.querySelector('label')).boxShadow }));
		assert.deepEqual(ring, { outline: 'solid', glow: 'none' }, 'a ring around the row, no line through the chips');
		await phone.screenshot({ path: screenshotPath('12-phone-375-focus') });
		noProblems(phone);
	});

	it('keeps the mark-all chevron beside the new-to-do field, above its due and priority row, wide and narrow', async () => {
		for (const width of [1280, 360]) {
			const page = await open(`chevron-${width}`, { viewport: { width, height: 740 } });
			await add(page, 'Something to mark');
			await settled(page);
			const [field, chevron, extras] = await Promise.all(
				['.new-todo', 'label[for="toggle-all"]', '.new-todo-extras'].map((selector) => page.locator(selector).boundingBox()),
			);
			const middle = (box) => box.y + box.height / 2;
			assert.ok(Math.abs(middle(chevron) - middle(field)) <= 2, `at ${width} px the chevron (${middle(chevron)}) is level with the field (${middle(field)})`);
			assert.ok(chevron.y + chevron.height <= extras.y + 1, `at ${width} px the chevron stays above the due and priority row`);
			noProblems(page);
		}
	});

	it('floats an error over the top of the page: the list does not move and the new-to-do field stays free', async () => {
		const page = await open('banner', { viewport: { width: 1024, height: 800 } });
		await add(page, 'Water plants');
		const top = () => page.locator('.todoapp').evaluate((card) => card.getBoundingClientRect().top);
		const before = await top();
		await page.route('**/api/v1/lists', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"INTERNAL_ERROR","message":"boom","details":{},"request_id":"r-1"}}' }));
		await item(page, 'Water plants').locator('.toggle').click(); // saved: the lists' counts are read again, and fail
		const banner = page.locator('.message-error[role="alert"]');
		await banner.waitFor();
		assert.match(await banner.textContent(), /Your lists could not be loaded/);
		assert.equal(await top(), before, 'the page did not move');
		const free = await page.locator('.new-todo').evaluate((field) => {
			const box = field.getBoundingClientRect();
			return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === field;
		});
		assert.equal(free, true, 'the banner does not cover the new-to-do field');
		await page.fill('.new-todo', 'Typed under a banner');
		await page.screenshot({ path: screenshotPath('13-floating-banner') });
		await page.unroute('**/api/v1/lists');
		await banner.locator('.message-retry').click();
		await banner.waitFor({ state: 'hidden' });
		assert.equal(await top(), before);
		expectFailedRequest(page, 500, '/api/v1/lists');
		noProblems(page);
	});
});
