import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { formatDate } from '../../public/js/format.js';
import {
	deleteListQuestion,
	describeListError,
	inviteExpiry,
	inviteLine,
	inviteSummary,
	leaveListQuestion,
	peopleLine,
	personName,
	sharingSummary,
	userName,
} from '../../public/js/format-lists.js';

const alice = { id: 'alice', name: 'Alice', email: 'alice@example.com' };

describe('format of lists and sharing', () => {
	it('says whose list it is and who it is shared with', () => {
		assert.equal(sharingSummary({ role: 'owner', member_count: 1, owner: alice }), '');
		assert.equal(sharingSummary({ role: 'owner', member_count: 2, owner: alice }), 'Shared with 1 other person.');
		assert.equal(sharingSummary({ role: 'owner', member_count: 4, owner: alice }), 'Shared with 3 other people.');
		assert.match(sharingSummary({ role: 'editor', owner: alice }), /^Alice’s list, shared with you: you can add and change/);
		assert.match(sharingSummary({ role: 'viewer', owner: alice }), /to view: you cannot change it/);
	});

	it('names people by name, else e-mail, else id, and the caller "you"', () => {
		assert.equal(userName(alice), 'Alice');
		assert.equal(userName({ id: 'bob', name: null, email: 'b@x' }), 'b@x');
		assert.equal(userName({ id: 'bob', name: null, email: null }), 'bob');
		assert.equal(personName(alice, 'alice'), 'you');
		assert.equal(personName(alice, 'bob'), 'Alice');
		assert.equal(personName(null, 'bob'), null);
	});

	it('asks before deleting, naming how many to-dos go with the list', () => {
		assert.equal(deleteListQuestion({ name: 'Groceries', todo_count: 12 }), 'Delete the list “Groceries”? Its 12 to-dos will be deleted with it. This cannot be undone.');
		assert.match(deleteListQuestion({ name: 'Trip', todo_count: 1 }), /Its 1 to-do will be/);
		assert.match(deleteListQuestion({ name: 'Empty', todo_count: 0 }), /It holds no to-dos\./);
		assert.match(leaveListQuestion({ name: 'Groceries', owner: alice }), /^Leave “Groceries”\? .*Alice can share it/);
	});

	it('describes an invite with its owner, role and expiry in the given zone', () => {
		const preview = { list: { id: 'l1', name: 'Groceries' }, owner: alice, role: 'editor', expires_at: '2026-01-20T23:30:00.000Z' };
		assert.equal(inviteSummary(preview), 'Alice invites you to the list “Groceries”, to add and change its to-dos.');
		assert.match(inviteSummary({ ...preview, role: 'viewer' }), /, to view it\.$/);
		const until = formatDate(preview.expires_at, { time: true, timeZone: 'UTC' });
		assert.equal(inviteExpiry(preview.expires_at, 'UTC'), `The invite is valid until ${until}.`);
		assert.equal(formatDate(preview.expires_at, { time: true, timeZone: 'Pacific/Kiritimati', locale: 'en-GB' }), '21 Jan 2026, 13:30');
		assert.equal(inviteLine({ role: 'viewer', expires_at: preview.expires_at }, 'UTC'), `Can view, valid until ${until}`);
	});

	it('explains the errors of sharing clearly', () => {
		const error = (code, status = 404) => new ApiError({ status, code, message: 'server text' });
		assert.match(describeListError(error('USER_NOT_FOUND')), /No one with that e-mail has signed in here yet/);
		assert.match(describeListError(error('INVITE_NOT_FOUND')), /not valid: it is unknown, has expired or was revoked/);
		assert.match(describeListError(error('LIST_NOT_FOUND')), /no longer shared with you/);
		assert.match(describeListError(error('CONFLICT', 409)), /Inbox cannot be shared/);
		assert.equal(describeListError(error('SOMETHING_ELSE', 400)), 'server text');
	});

	it('says who added and who completed a to-do', () => {
		assert.equal(peopleLine({ createdBy: 'Bob', completedBy: 'you' }), 'Added by Bob · done by you');
		assert.equal(peopleLine({ createdBy: null, completedBy: 'Alice' }), 'Done by Alice');
		assert.equal(peopleLine({ createdBy: null, completedBy: null }), '');
	});
});
