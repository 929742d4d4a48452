import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activitySentence, actorName } from '../../public/js/format-activity.js';
import { clearedMessage, deletedLine, deletedMessage, emptiedMessage, restoreFailedMessage, trashSummary } from '../../public/js/format-trash.js';
import { formatDate, timeAgo } from '../../public/js/format.js';
import { ApiError } from '../../public/js/api.js';

const bob = { id: 'bob', name: 'Bob', email: 'bob@example.com' };
const event = (action, changes = {}, fields = {}) => ({ id: 'e1', at: '2026-01-15T10:30:00.000Z', actor: bob, action, list_id: 'l1', todo_id: 't1', request_id: 'r1', changes, ...fields });
const titles = { t1: 'Buy milk' };
const say = (e, context = {}) => activitySentence(e, { myId: 'me', titleOf: (id) => titles[id] ?? null, ...context });

describe('activity sentences', () => {
	it('names the actor by name, else e-mail, else Someone (an erased account); the caller is "you"', () => {
		assert.equal(actorName(bob, 'me'), 'Bob');
		assert.equal(actorName({ id: 'x', name: null, email: 'x@example.com' }, 'me'), 'x@example.com');
		assert.equal(actorName({ id: null, name: null, email: null }, null), 'Someone', 'an erased actor is nobody, even when nobody is signed in');
		assert.equal(actorName({ id: 'me', name: 'Me' }, 'me'), 'you');
		assert.equal(say(event('todo.completed', {}, { actor: { id: 'me', name: 'Me' } })), 'You completed “Buy milk”');
		assert.equal(say(event('todo.completed', {}, { actor: { id: null, name: null, email: null } })), 'Someone completed “Buy milk”');
	});

	it('says what happened to a to-do, by the title it had', () => {
		assert.equal(say(event('todo.created', { title: [null, 'Buy oat milk'] })), 'Bob added “Buy oat milk”', 'the event\'s own title wins');
		assert.equal(say(event('todo.completed', { completed: [false, true] })), 'Bob completed “Buy milk”');
		assert.equal(say(event('todo.reopened', { completed: [true, false] })), 'Bob reopened “Buy milk”');
		assert.equal(say(event('todo.updated', { title: ['Milk', 'Buy milk'] })), 'Bob renamed “Milk” to “Buy milk”');
		assert.equal(say(event('todo.updated', { notes: ['changed'] })), 'Bob changed the notes of “Buy milk”');
		assert.equal(say(event('todo.updated', { due_date: [null, '2026-01-20'] })), `Bob set “Buy milk” due ${formatDate('2026-01-20')}`);
		assert.equal(say(event('todo.updated', { due_date: ['2026-01-20', null] })), 'Bob removed the due date of “Buy milk”');
		assert.equal(say(event('todo.updated', { priority: ['none', 'high'] })), 'Bob set the priority of “Buy milk” to high');
		assert.equal(say(event('todo.updated', { notes: ['changed'], priority: ['low', 'high'], due_date: [null, '2026-01-20'] })), 'Bob changed the notes, the priority and the due date of “Buy milk”');
		assert.equal(say(event('todo.moved', { list_id: ['l0', 'l1'] })), 'Bob moved “Buy milk” into this list');
		assert.equal(say(event('todo.deleted')), 'Bob deleted “Buy milk”');
		assert.equal(say(event('todo.restored')), 'Bob restored “Buy milk” from the trash');
		assert.equal(say(event('todo.purged')), 'Bob deleted “Buy milk” for good');
	});

	it('falls back to "a to-do" when the title is not known', () => {
		assert.equal(say(event('todo.completed', {}, { todo_id: 'unknown' })), 'Bob completed a to-do');
	});

	it('says what happened to steps and files, without taking a step\'s title for the to-do\'s', () => {
		assert.equal(say(event('step.created', { title: [null, 'Eggs'] })), 'Bob added the step “Eggs” to “Buy milk”');
		assert.equal(say(event('step.updated', { completed: [false, true] })), 'Bob ticked a step of “Buy milk”');
		const steps = { stepTitleOf: (id) => ({ s1: 'Eggs' })[id] ?? null };
		assert.equal(say(event('step.updated', { step_id: ['s1', 's1'], completed: [false, true] }), steps), 'Bob ticked the step “Eggs” of “Buy milk”');
		assert.equal(say(event('step.created', { step_id: ['s2', 's2'], title: [null, 'Milk'], completed: [false, false] }), steps), 'Bob added the step “Milk” to “Buy milk”');
		assert.equal(say(event('step.updated', { completed: [true, false] })), 'Bob unticked a step of “Buy milk”');
		assert.equal(say(event('step.updated', { title: ['Egs', 'Eggs'] })), 'Bob renamed the step “Egs” of “Buy milk” to “Eggs”');
		assert.equal(say(event('step.updated', { position: [3, 1] })), 'Bob reordered the steps of “Buy milk”');
		assert.equal(say(event('step.deleted', { title: ['Eggs', null] })), 'Bob deleted the step “Eggs” of “Buy milk”');
		assert.equal(say(event('attachment.added', { filename: [null, 'receipt.pdf'] })), 'Bob attached “receipt.pdf” to “Buy milk”');
		assert.equal(say(event('attachment.deleted')), 'Bob removed a file from “Buy milk”');
	});

	it('says what happened to the list, its members and invites', () => {
		const named = { userName: (id) => ({ carol: 'Carol' })[id] ?? null };
		assert.equal(say(event('list.created', { name: [null, 'Groceries'] }, { todo_id: null })), 'Bob created the list “Groceries”');
		assert.equal(say(event('list.renamed', { name: ['Food', 'Groceries'] }, { todo_id: null })), 'Bob renamed the list “Food” to “Groceries”');
		assert.equal(say(event('member.added', { user_id: [null, 'carol'], role: [null, 'editor'] }, { todo_id: null }), named), 'Bob added Carol to the list as an editor');
		assert.equal(say(event('member.changed', { user_id: ['me', 'me'], role: ['editor', 'viewer'] }, { todo_id: null }), named), 'Bob made you a viewer');
		assert.equal(say(event('member.removed', { user: [{ id: 'dan', name: 'Dan' }, null] }, { todo_id: null })), 'Bob removed Dan from the list');
		assert.equal(say(event('member.removed', {}, { todo_id: null })), 'Bob removed someone from the list');
		assert.equal(say(event('member.left', {}, { todo_id: null })), 'Bob left the list');
		assert.equal(say(event('invite.created', { role: [null, 'viewer'] }, { todo_id: null })), 'Bob created an invite link for viewers');
		assert.equal(say(event('invite.revoked', {}, { todo_id: null })), 'Bob revoked an invite link');
		assert.equal(say(event('invite.accepted', { role: [null, 'editor'] }, { todo_id: null })), 'Bob joined the list with an invite link as an editor');
		assert.equal(say(event('list.deleted', {}, { todo_id: null })), 'Bob deleted the list');
		assert.equal(say(event('something.new', {}, { todo_id: null })), 'Bob made a change (something.new)');
	});
});

describe('time ago', () => {
	const now = Date.parse('2026-01-15T12:00:00.000Z');
	const ago = (ms) => timeAgo(new Date(now - ms).toISOString(), now, 'UTC');
	it('says just now, minutes, hours, yesterday, days, then the date', () => {
		assert.equal(ago(10_000), 'just now');
		assert.equal(ago(-5_000), 'just now', 'a clock a little ahead of this one');
		assert.equal(ago(3 * 60_000), '3 min ago');
		assert.equal(ago(59 * 60_000), '59 min ago');
		assert.equal(ago(2 * 3600_000 + 5 * 60_000), '2 h ago');
		assert.equal(ago(30 * 3600_000), 'yesterday');
		assert.equal(ago(4 * 86400_000), '4 days ago');
		assert.equal(ago(20 * 86400_000), `on ${formatDate('2025-12-26T12:00:00.000Z', { timeZone: 'UTC' })}`);
		assert.equal(timeAgo(now - 20 * 86400_000, now, 'UTC', 'en-GB'), 'on 26 Dec 2025');
	});
});

describe('what deleting and the trash say', () => {
	it('words the undo notices, the trash and why a restore failed', () => {
		assert.equal(deletedMessage('Buy milk'), 'Deleted “Buy milk”.');
		assert.equal(clearedMessage(1), 'Cleared 1 completed to-do.');
		assert.equal(clearedMessage(3), 'Cleared 3 completed to-dos.');
		assert.equal(trashSummary(0), 'The trash is empty.');
		assert.match(trashSummary(2), /^2 to-dos in the trash\./);
		assert.equal(deletedLine({ deleted_at: new Date(Date.now() - 180_000).toISOString() }, 'Bob'), 'Deleted 3 min ago by Bob');
		assert.equal(deletedLine({ deleted_at: new Date().toISOString() }, null), 'Deleted just now');
		assert.equal(emptiedMessage(0), 'The trash was already empty.');
		assert.match(restoreFailedMessage('Milk', new ApiError({ status: 404, code: 'TODO_NOT_FOUND', message: 'gone' })), /deleted for good meanwhile/);
		assert.equal(restoreFailedMessage('Milk', new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: 'x' })), '“Milk” could not be restored.');
	});
});
