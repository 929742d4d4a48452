import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { todo } from './helpers.js';
import { loadedStore } from './store-fixtures.js';

describe('TodoStore scope (one list, or due-date views across lists)', () => {
	it('loads one list with its own stats', async () => {
		const { store, api } = await loadedStore();

		await store.setScope({ listId: 'groceries' });

		assert.equal(api.lastListParams.list_id, 'groceries');
		assert.deepEqual(api.statsParams.at(-1), { list_id: 'groceries' });
		assert.equal(store.state.loaded, true);
	});

	it('reloads only when the scope changes', async () => {
		const { store, api } = await loadedStore();
		await store.setScope({ listId: 'groceries' });
		const loads = api.listParams.length;

		await store.setScope({ listId: 'groceries' });

		assert.equal(api.listParams.length, loads);
	});

	it('joins the answers of several due values, each to-do once, across every list', async () => {
		const { store, api } = await loadedStore();
		const late = todo({ id: 'late', due_date: '2026-01-01' });
		const today = todo({ id: 'today', due_date: '2026-01-15' });
		api.answerFor = (params) => (params.due === 'overdue' ? [late] : [today, late]);

		await store.setScope({ due: ['overdue', 'today'] });

		assert.deepEqual(api.listParams.slice(-2).map((params) => [params.due, params.list_id]), [['overdue', undefined], ['today', undefined]]);
		assert.deepEqual(store.state.todos.map((t) => t.id), ['late', 'today']);
		assert.deepEqual(api.statsParams.at(-1), {}, 'stats of every readable list');
	});

	it('forgets the to-dos of the list it leaves', async () => {
		const { store, api } = await loadedStore();
		let release;
		api.answerFor = () => [];
		const original = api.call.bind(api);
		api.call = (method, fn) => (method === 'listAllTodos' ? new Promise((resolve) => (release = () => resolve(fn()))) : original(method, fn));

		const switching = store.setScope({ listId: 'other' });

		assert.deepEqual(store.state.todos, [], 'nothing of the old list while the new one loads');
		assert.equal(store.state.loaded, false);
		release();
		await switching;
	});

	it('creates to-dos in the list shown, and toggle-all and clear completed change what it shows', async () => {
		const { store, writes, api } = await loadedStore();
		await store.setScope({ listId: 'groceries' });

		writes.add('Eggs', { list_id: 'groceries' });
		assert.equal(store.state.todos.at(-1).list_id, 'groceries', 'the placeholder is in the list too');
		await writes.settled();
		assert.equal(api.todos.at(-1).list_id, 'groceries');

		await writes.toggleAll(true);
		assert.ok(store.state.todos.every((t) => t.completed));
		await writes.clearCompleted();
		assert.deepEqual(store.state.todos, [], 'only what the list shows');
	});
});
