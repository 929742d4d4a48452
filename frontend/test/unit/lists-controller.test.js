import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { ListsController } from '../../public/js/lists-controller.js';
import { ListsStore } from '../../public/js/lists-store.js';
import { ShareController } from '../../public/js/share-controller.js';
import { todo } from './helpers.js';

const alice = { id: 'alice', name: 'Alice', email: 'alice@example.com' };
const bob = { id: 'bob', name: 'Bob', email: 'bob@example.com' };
const lists = [
	{ id: 'inbox', name: 'Inbox', is_default: true, role: 'owner', position: 1, member_count: 1, owner: bob },
	{ id: 'plans', name: 'Plans', is_default: false, role: 'viewer', position: 2, member_count: 2, owner: alice },
];

/** Records what a view is told; every method exists. */
const recorder = (calls, name) => new Proxy({}, { get: (_, property) => (...args) => calls.push([`${name}.${String(property)}`, ...args]) });

async function controllerOn(hash) {
	const calls = [];
	const api = { lists: async () => lists, members: async () => [{ user: alice, role: 'owner' }, { user: bob, role: 'viewer' }] };
	const listsStore = new ListsStore({ api });
	const scopes = [];
	const store = { setFilter() {}, setScope: (scope) => scopes.push(scope) };
	const views = { lists: recorder(calls, 'lists'), listBar: recorder(calls, 'listBar'), confirm: recorder(calls, 'confirm'), shell: recorder(calls, 'shell') };
	const window = Object.assign(new EventTarget(), { location: { hash } });
	const controller = new ListsController({ lists: listsStore, store, views, share: {}, window, onChange() {}, onFailure() {} });
	await controller.start();
	controller.setMe('bob');
	return { controller, scopes, calls, window };
}

describe('ListsController', () => {
	it('loads the default list at #/ and gives new to-dos its id', async () => {
		const { controller, scopes } = await controllerOn('#/active');
		assert.deepEqual(scopes, [{ listId: 'inbox' }]);
		assert.deepEqual(controller.newTodoFields(), { list_id: 'inbox' });
		assert.equal(controller.todoViewOptions().filterHashes.active, '#/active');
	});

	it('shows a viewer\'s list read-only, with filters under the list\'s own address', async () => {
		const { controller, scopes } = await controllerOn('#/lists/plans');
		const options = controller.todoViewOptions();
		assert.deepEqual(scopes, [{ listId: 'plans' }]);
		assert.equal(options.canAdd, false);
		assert.equal(options.bulk, false);
		assert.equal(options.canEdit(todo({ list_id: 'plans' })), false);
		assert.equal(options.canEdit(todo({ list_id: 'inbox' })), true);
		assert.equal(options.filterHashes.completed, '#/lists/plans/completed');
	});

	it('names who added and completed a to-do of a shared list once its members are known', async () => {
		const { controller } = await controllerOn('#/lists/plans');
		const shared = todo({ list_id: 'plans', created_by: 'alice', completed: true, completed_by: 'bob' });
		assert.equal(controller.people(shared), null, 'not known yet: asked for');
		await new Promise((resolve) => setTimeout(resolve, 0));
		assert.deepEqual(controller.people(shared), { createdBy: 'Alice', completedBy: 'you' });
		assert.equal(controller.people(todo({ list_id: 'inbox' })), null, 'an unshared list says nothing');
	});

	it('loads Today as overdue plus due today across lists; new to-dos there are due today in the Inbox', async () => {
		const { controller, scopes } = await controllerOn('#/today');
		assert.deepEqual(scopes, [{ due: ['overdue', 'today'] }]);
		assert.equal(controller.newTodoFields().list_id, 'inbox');
		assert.match(controller.newTodoFields().due_date, /^\d{4}-\d{2}-\d{2}$/);
		assert.equal(controller.todoViewOptions().bulk, false, 'no toggle-all across lists');
	});

	it('goes to the Inbox with a notice when the hash names a list the caller cannot read', async () => {
		const { calls, window } = await controllerOn('#/lists/gone');
		assert.equal(window.location.hash, '#/');
		assert.ok(calls.some(([name, message]) => name === 'shell.showInfo' && /not shared with you/.test(message)));
	});
});

describe('ShareController', () => {
	it('says clearly that an e-mail belongs to no one who signed in, and adds a known one', async () => {
		const calls = [];
		const api = {
			members: async () => [],
			invites: async () => [],
			addMember: async (listId, email) => {
				if (email === 'nobody@example.com') throw new ApiError({ status: 404, code: 'USER_NOT_FOUND', message: 'not found' });
				return {};
			},
			lists: async () => [],
		};
		const share = new ShareController({ api, lists: new ListsStore({ api }), view: recorder(calls, 'share'), origin: 'http://app', clipboard: null });
		await share.open({ id: 'l1', name: 'Groceries' }, 'alice');

		await share.addMember('nobody@example.com', 'editor');
		await share.addMember('bob@example.com', 'viewer');

		const errors = calls.filter(([name, message]) => name === 'share.showMemberError' && message).map(([, message]) => message);
		assert.deepEqual(errors, ['nobody@example.com could not be added. No one with that e-mail has signed in here yet. Ask them to sign in once, then add them, or send them an invite link.']);
		assert.ok(calls.some(([name]) => name === 'share.memberAdded'));
	});

	it('shows a new invite as a full link, and says when copying is not possible', async () => {
		const calls = [];
		const api = { members: async () => [], invites: async () => [], createInvite: async () => ({ url: '/invite/tok' }) };
		const share = new ShareController({ api, lists: new ListsStore({ api }), view: recorder(calls, 'share'), origin: 'http://app', clipboard: undefined });
		await share.open({ id: 'l1', name: 'Groceries' }, 'alice');

		await share.createInvite('viewer', 3);
		await share.copy('http://app/invite/tok');

		assert.ok(calls.some(([name, url]) => name === 'share.showNewInvite' && url === 'http://app/invite/tok'));
		assert.ok(calls.some(([name, copied]) => name === 'share.showCopied' && copied === false));
	});
});
