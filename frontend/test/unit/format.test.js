import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { describeError, dueState, formatBytes, formatDue, formatRate, itemsLeftWord, todayUtc } from '../../public/js/format.js';

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

	it('tells overdue, today and later apart for active to-dos only, in UTC', () => {
		const today = todayUtc(new Date('2026-01-15T23:30:00Z'));
		assert.equal(today, '2026-01-15');
		assert.equal(dueState({ due_date: '2026-01-14', completed: false }, today), 'overdue');
		assert.equal(dueState({ due_date: '2026-01-15', completed: false }, today), 'today');
		assert.equal(dueState({ due_date: '2026-01-16', completed: false }, today), 'later');
		assert.equal(dueState({ due_date: '2026-01-14', completed: true }, today), null);
		assert.equal(dueState({ due_date: null, completed: false }, today), null);
		assert.equal(formatDue('2026-01-20', 'later'), 'Due 20 Jan 2026');
		assert.equal(formatDue('2026-01-14', 'overdue'), 'Overdue: 14 Jan 2026');
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
});
