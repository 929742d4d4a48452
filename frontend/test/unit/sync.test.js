import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { mergeOnConflict } from '../../public/js/conflict-merge.js';
import { Connectivity } from '../../public/js/connectivity.js';
import { MemoryData, userData } from '../../public/js/local-data.js';
import { Outbox } from '../../public/js/outbox.js';
import { TodoStore } from '../../public/js/store.js';
import { applySyncPage } from '../../public/js/sync-apply.js';
import { SyncClient } from '../../public/js/sync-client.js';
import { WriteQueue } from '../../public/js/write-queue.js';
import { todo } from './helpers.js';
import { FakeApi } from './store-fixtures.js';

const page = (fields = {}) => ({ lists: [], todos: [], steps: [], removed: [], cursor: 'c1', has_more: false, ...fields });

async function storeOf(todos, { scope = { listId: 'L' }, outbox = null } = {}) {
	const api = new FakeApi(todos);
	const store = new TodoStore({ api, writeQueue: new WriteQueue(), pending: outbox });
	store.state.scope = { due: [], ...scope };
	await store.load();
	return store;
}

describe('conflict merge', () => {
	it('re-applies what the other side did not change, asks about what both changed, skips what both agree on', () => {
		const base = { title: 'Milk', notes: null, completed: false, priority: 'none' };
		const current = { title: 'Oat milk', notes: 'theirs', completed: false, priority: 'high' };
		const mine = { title: 'Soy milk', notes: 'theirs', completed: true };
		assert.deepEqual(mergeOnConflict(mine, base, current), {
			resend: { completed: true },
			ask: [{ field: 'title', mine: 'Soy milk', theirs: 'Oat milk' }],
		});
	});
});

describe('sync applied to a store', () => {
	const inList = (fields) => todo({ list_id: 'L', ...fields });

	it('replaces changed to-dos, adds new ones of the list at their place, drops removed ones and those of a removed list', async () => {
		const store = await storeOf([inList({ id: 'a', position: 1 }), inList({ id: 'b', title: 'Walk dog', position: 3 }), inList({ id: 'c', title: 'Pay rent', position: 4 })]);
		const result = applySyncPage(store, page({
			todos: [inList({ id: 'a', title: 'Buy oat milk', version: 2, position: 1 }), inList({ id: 'n', title: 'New', position: 2 }), todo({ id: 'x', list_id: 'other', title: 'Elsewhere' })],
			removed: [{ type: 'todo', id: 'b' }],
		}));
		assert.deepEqual(store.state.todos.map((t) => t.title), ['Buy oat milk', 'New', 'Pay rent']);
		assert.deepEqual(result.gone.map((t) => t.id), ['b']);
		assert.equal(result.reload, false);

		applySyncPage(store, page({ removed: [{ type: 'list', id: 'L' }] }));
		assert.deepEqual(store.state.todos, []);
	});

	it('keeps the local state of a to-do with a write waiting, and the outbox applied on top', async () => {
		const outbox = new Outbox(userData(new MemoryData(), 'u'));
		const store = await storeOf([inList({ id: 'a', position: 1 })], { outbox });
		await outbox.record({ kind: 'patch', key: 'a', patch: { completed: true }, base: { completed: false }, baseVersion: 1 });
		await outbox.record({ kind: 'create', key: 'pending-1', fields: { title: 'Offline', list_id: 'L' } });
		applySyncPage(store, page({ todos: [inList({ id: 'a', title: 'Renamed elsewhere', version: 2 }), inList({ id: 'z', title: 'Zed', position: 9 })] }));
		assert.deepEqual(store.state.todos.map((t) => [t.title, t.completed]), [['Buy milk', true], ['Zed', false], ['Offline', false]]);
	});

	it('shows a to-do once when the sync brings it before its own create has answered', async () => {
		const store = await storeOf([inList({ id: 'a', position: 1 })]);
		store.append({ id: 'pending-1', title: 'Mine', list_id: 'L', pending: true, position: Number.MAX_SAFE_INTEGER, version: 0 });
		applySyncPage(store, page({ todos: [inList({ id: 'n', title: 'Mine', position: 2 })] }));
		store.confirmCreated('pending-1', inList({ id: 'n', title: 'Mine', position: 2 }));
		assert.deepEqual(store.state.todos.map((t) => t.id), ['a', 'n']);
	});

	it('asks for a reload in views it cannot sort into (a search, another order, the due-date views)', async () => {
		const store = await storeOf([inList({ id: 'a' })]);
		store.state.query = 'milk';
		assert.equal(applySyncPage(store, page({ todos: [inList({ id: 'n', title: 'Milk too' })] })).reload, true);
	});
});

describe('SyncClient', () => {
	it('follows the cursor page by page, keeps it, and starts again without one when it expired', async () => {
		const cursors = [];
		const answers = [
			new ApiError({ status: 410, code: 'SYNC_CURSOR_EXPIRED', message: 'expired' }),
			page({ cursor: 'c2', has_more: true }),
			page({ cursor: 'c3' }),
		];
		const api = { sync: async (cursor) => { cursors.push(cursor); const next = answers.shift(); if (next instanceof Error) throw next; return next; } };
		const data = userData(new MemoryData(), 'u');
		await data.put('sync/cursor', 'old');
		const pages = [];
		const sync = new SyncClient({ api, data, connectivity: new Connectivity(), onPage: (p) => pages.push(p.cursor), setTimer: () => null, clearTimer: () => {} });
		await sync.now();
		assert.deepEqual(cursors, ['old', null, 'c2']);
		assert.deepEqual(pages, ['c2', 'c3']);
		assert.equal(await data.get('sync/cursor'), 'c3');
	});

	it('says the server is gone when the sync finds none, and back when it answers', async () => {
		let down = true;
		const api = { sync: async () => { if (down) throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'x' }); return page(); } };
		const connectivity = new Connectivity();
		const sync = new SyncClient({ api, data: userData(new MemoryData(), 'u'), connectivity, onPage: () => {}, setTimer: () => null, clearTimer: () => {} });
		await sync.now();
		assert.equal(connectivity.online, false);
		down = false;
		await sync.now();
		assert.equal(connectivity.online, true);
	});
});
