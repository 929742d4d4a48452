import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { ListsStore, sortedForDisplay } from '../../public/js/lists-store.js';

const list = (id, fields = {}) => ({ id, name: id, is_default: false, role: 'owner', position: 1, member_count: 1, todo_count: 0, active_count: 0, version: 1, ...fields });

/** An API with the list routes the store uses, recording each call. */
function fakeApi(lists) {
	const calls = [];
	return {
		calls,
		failPatch: false,
		lists: async () => lists.map((each) => ({ ...each })),
		createList: async (name) => list(`new-${name}`, { name, position: 99 }),
		patchList: async function (id, patch) {
			calls.push(['patchList', id, patch]);
			if (this.failPatch) throw new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'busy' });
			return { ...lists.find((each) => each.id === id), ...patch };
		},
		deleteList: async (id) => calls.push(['deleteList', id]),
		removeMember: async (id, userId) => calls.push(['removeMember', id, userId]),
		members: async (id) => {
			calls.push(['members', id]);
			return [{ user: { id: 'alice', name: 'Alice', email: 'a@x' }, role: 'owner' }];
		},
	};
}

const names = (store) => store.lists.map((each) => each.id);

describe('ListsStore', () => {
	const server = () => [
		list('shared-2', { role: 'viewer', position: 5 }),
		list('groceries', { position: 3 }),
		list('inbox', { is_default: true, position: 1 }),
		list('shared-1', { role: 'editor', position: 4 }),
		list('work', { position: 2 }),
	];

	it('shows own lists first, then shared ones, each in the caller\'s order', async () => {
		const store = new ListsStore({ api: fakeApi(server()) });
		await store.load();

		assert.deepEqual(names(store), ['inbox', 'work', 'groceries', 'shared-1', 'shared-2']);
		assert.equal(store.defaultList.id, 'inbox');
		assert.deepEqual(store.shared.map((each) => each.id), ['shared-1', 'shared-2']);
		assert.equal(store.canWrite('shared-1'), true);
		assert.equal(store.canWrite('shared-2'), false, 'a viewer may not write');
		assert.equal(store.canWrite('gone'), false);
		assert.equal(store.isShared('shared-2'), true);
		assert.equal(store.isShared('work'), false);
	});

	it('moves a list up within its group and sends only the positions that changed', async () => {
		const api = fakeApi(server());
		const store = new ListsStore({ api });
		await store.load();

		assert.equal(await store.move('groceries', -1), true);

		assert.deepEqual(names(store), ['inbox', 'groceries', 'work', 'shared-1', 'shared-2']);
		assert.deepEqual(api.calls, [['patchList', 'groceries', { position: 2 }], ['patchList', 'work', { position: 3 }]]);
	});

	it('does not move a list past the end of its group', async () => {
		const api = fakeApi(server());
		const store = new ListsStore({ api });
		await store.load();

		assert.equal(await store.move('groceries', +1), false, 'last of the own lists: shared ones stay below');
		assert.equal(await store.move('shared-1', -1), false);
		assert.deepEqual(api.calls, []);
	});

	it('drops a list before another one (drag and drop), and undoes the order when refused', async () => {
		const api = fakeApi(server());
		const store = new ListsStore({ api });
		await store.load();

		await store.moveBefore('shared-2', 'shared-1');
		assert.deepEqual(names(store), ['inbox', 'work', 'groceries', 'shared-2', 'shared-1']);

		api.failPatch = true;
		const error = await store.moveBefore('work', null).catch((e) => e);
		assert.equal(error.code, 'SERVICE_UNAVAILABLE');
		assert.deepEqual(names(store), ['inbox', 'work', 'groceries', 'shared-2', 'shared-1'], 'rolled back');
	});

	it('deletes an own list, and leaves a shared one through the own membership', async () => {
		const api = fakeApi(server());
		const store = new ListsStore({ api });
		await store.load();

		await store.remove('work');
		await store.remove('shared-1', { leavingAs: 'bob' });

		assert.deepEqual(api.calls, [['deleteList', 'work'], ['removeMember', 'shared-1', 'bob']]);
		assert.deepEqual(names(store), ['inbox', 'groceries', 'shared-2']);
	});

	it('creates and renames, keeping the order', async () => {
		const store = new ListsStore({ api: fakeApi(server()) });
		await store.load();
		const changes = [];
		store.addEventListener('change', () => changes.push(names(store).length));

		await store.create('Trip');
		await store.rename('work', 'Office');

		assert.equal(store.find('new-Trip').name, 'Trip');
		assert.deepEqual(names(store).slice(0, 4), ['inbox', 'work', 'groceries', 'new-Trip']);
		assert.equal(store.find('work').name, 'Office');
		assert.deepEqual(changes, [6, 6]);
	});

	it('fetches the members of a list once until told to forget them', async () => {
		const api = fakeApi(server());
		const store = new ListsStore({ api });

		await store.members('shared-1');
		await store.members('shared-1');
		store.forgetMembers('shared-1');
		await store.members('shared-1');

		assert.equal(api.calls.filter(([name]) => name === 'members').length, 2);
	});

	it('sorts nothing into nothing', () => {
		assert.deepEqual(sortedForDisplay([]), []);
	});
});
