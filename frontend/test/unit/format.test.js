import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import {
	changedElsewhereMessage,
	changeFailedMessage,
	describeError,
	dueState,
	formatBytes,
	formatDate,
	formatDue,
	formatRate,
	itemsLeftWord,
	loadFailedMessage,
	quoted,
	dayAfterToday,
	todayIn,
	todoGoneMessage,
} from '../../public/js/format.js';

describe('format', () => {
	it('pluralises the counter word as TodoMVC does', () => {
		assert.equal(itemsLeftWord(0), 'items');
		assert.equal(itemsLeftWord(1), 'item');
		assert.equal(itemsLeftWord(2), 'items');
	});

	it('formats sizes in binary units', () => {
		assert.equal(formatBytes(0), '0 bytes');
		assert.equal(formatBytes(1), '1 byte');
		assert.equal(formatBytes(1536), '1.5 KiB');
		assert.equal(formatBytes(10 * 1024 * 1024), '10 MiB');
	});

	it('takes today in the given time zone, not in UTC', () => {
		const lateEveningUtc = new Date('2026-01-15T23:30:00Z');
		assert.equal(todayIn('UTC', lateEveningUtc), '2026-01-15');
		assert.equal(todayIn('Pacific/Kiritimati', lateEveningUtc), '2026-01-16', 'UTC+14 is already tomorrow');
		assert.equal(todayIn('Pacific/Pago_Pago', new Date('2026-01-15T05:00:00Z')), '2026-01-14', 'UTC-11 is still yesterday');
		assert.equal(dayAfterToday(1, 'Pacific/Kiritimati', lateEveningUtc), '2026-01-17');
		assert.equal(dayAfterToday(1, 'UTC', new Date('2026-12-31T12:00:00Z')), '2027-01-01');
	});

	it('takes the browser\'s own zone by default (TZ set for a child process)', () => {
		const script = `import('${new URL('../../public/js/format.js', import.meta.url)}').then((f) =>
			process.stdout.write(f.browserTimeZone() + ' ' + f.todayIn(undefined, new Date('2026-01-15T23:30:00Z'))))`;
		const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: 'Pacific/Kiritimati' } });
		assert.equal(output.toString(), 'Pacific/Kiritimati 2026-01-16');
	});

	it('shows a to-do due yesterday as overdue in UTC+14, where the UTC date would call it due today', () => {
		const now = new Date('2026-01-15T12:00:00Z'); // 2026-01-16 02:00 in Kiritimati
		const dueYesterdayThere = { due_date: '2026-01-15', completed: false };
		assert.equal(dueState(dueYesterdayThere, todayIn('Pacific/Kiritimati', now)), 'overdue');
		assert.equal(formatDue('2026-01-15', dueState(dueYesterdayThere, todayIn('Pacific/Kiritimati', now)), 'en-GB'), 'Overdue: 15 Jan 2026');
		assert.equal(dueState(dueYesterdayThere, todayIn('UTC', now)), 'today');
	});

	it('tells overdue, today and later apart for active to-dos only', () => {
		const today = todayIn('UTC', new Date('2026-01-15T23:30:00Z'));
		assert.equal(today, '2026-01-15');
		assert.equal(dueState({ due_date: '2026-01-14', completed: false }, today), 'overdue');
		assert.equal(dueState({ due_date: '2026-01-15', completed: false }, today), 'today');
		assert.equal(dueState({ due_date: '2026-01-16', completed: false }, today), 'later');
		assert.equal(dueState({ due_date: '2026-01-14', completed: true }, today), null);
		assert.equal(dueState({ due_date: null, completed: false }, today), null);
		assert.equal(formatDue('2026-01-20', 'later', 'en-GB'), 'Due 20 Jan 2026');
		assert.equal(formatDue('2026-01-14', 'overdue', 'en-GB'), 'Overdue: 14 Jan 2026');
		assert.equal(formatDue('2026-01-14', 'overdue'), `Overdue: ${formatDate('2026-01-14')}`, 'in the browser\'s locale');
		assert.equal(formatDue('2026-01-15', 'today'), 'Due today');
	});

	it('writes every date one way, in the locale asked for: day, short month, year (and the time)', () => {
		assert.equal(formatDate('2026-01-20', { locale: 'en-GB' }), '20 Jan 2026');
		assert.equal(formatDate('2026-01-20', { locale: 'en-US' }), 'Jan 20, 2026');
		assert.equal(formatDate('2026-01-20', { locale: 'de-DE' }), '20. Jan. 2026');
		assert.equal(formatDate('2026-01-20', { locale: 'en-GB', timeZone: 'Pacific/Pago_Pago' }), '20 Jan 2026', 'a calendar date is no instant: no zone moves it');
		const instant = '2026-01-20T23:30:00.000Z';
		assert.equal(formatDate(instant, { locale: 'en-GB', timeZone: 'UTC' }), '20 Jan 2026');
		assert.equal(formatDate(instant, { locale: 'en-GB', timeZone: 'Pacific/Kiritimati' }), '21 Jan 2026');
		assert.equal(formatDate(instant, { time: true, locale: 'en-GB', timeZone: 'UTC' }), '20 Jan 2026, 23:30');
		assert.equal(formatDate(Date.parse(instant), { time: true, locale: 'en-US', timeZone: 'UTC' }), 'Jan 20, 2026, 11:30 PM');
	});

	it('takes the browser\'s own locale by default (LANG set for a child process)', () => {
		const script = `import('${new URL('../../public/js/format.js', import.meta.url)}').then((f) =>
			process.stdout.write(f.formatDate('2026-01-20') + ' | ' + f.formatDue('2026-01-20', 'later')))`;
		const run = (lang) => execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, LC_ALL: lang, LANG: lang } }).toString();
		assert.equal(run('de_DE.UTF-8'), '20. Jan. 2026 | Due 20. Jan. 2026');
		assert.equal(run('en_US.UTF-8'), 'Jan 20, 2026 | Due Jan 20, 2026');
	});

	it('formats the completion rate as a percentage', () => {
		assert.equal(formatRate(0), '0%');
		assert.equal(formatRate(2 / 3), '67%');
		assert.equal(formatRate(1), '100%');
	});

	it('describes errors specifically', () => {
		const validation = new ApiError({ status: 400, code: 'VALIDATION_ERROR', message: 'Invalid input', details: { due_date: ['is not a date'] } });
		assert.equal(describeError(validation), 'The server refused the input: due date is not a date.');
		assert.match(describeError(new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'x' })), /could not be reached/);
		assert.match(describeError(new ApiError({ status: 403, code: 'FORBIDDEN', message: 'x' })), /read-only/);
	});

	it('quotes titles for messages, cut to 40 characters', () => {
		assert.equal(quoted('Buy milk'), '“Buy milk”');
		assert.equal(quoted(null), '“”');
		assert.equal(quoted('x'.repeat(40)), `“${'x'.repeat(40)}”`);
		assert.equal(quoted('x'.repeat(41)), `“${'x'.repeat(39)}…”`);
	});

	it('says which change of which to-do was undone', () => {
		assert.equal(changeFailedMessage('Buy milk', 'add'), '“Buy milk” could not be added.');
		assert.equal(changeFailedMessage('Buy milk', 'complete'), '“Buy milk” could not be marked as done.');
		assert.equal(changeFailedMessage('Buy milk', 'activate'), '“Buy milk” could not be marked as active.');
		assert.equal(changeFailedMessage('Buy milk', 'rename'), '“Buy milk” could not be renamed.');
		assert.equal(changeFailedMessage('Buy milk', 'save'), '“Buy milk” could not be saved.');
		assert.equal(changeFailedMessage('Buy milk', 'change'), '“Buy milk” could not be changed.');
		assert.equal(changeFailedMessage('Buy milk', 'delete'), '“Buy milk” could not be deleted.');
	});

	it('words the other outcomes of loads and writes', () => {
		assert.equal(loadFailedMessage(), 'Your to-dos could not be loaded.');
		assert.equal(todoGoneMessage('Buy milk'), '“Buy milk” no longer exists; it was removed from the list.');
		assert.equal(
			changedElsewhereMessage('Buy milk'),
			'“Buy milk” was changed elsewhere (another tab or device). The latest version is shown; your change was not applied.',
		);
	});
});
