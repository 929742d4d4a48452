import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { loadedStore, serverError, titles } from './store-fixtures.js';

describe('TodoStore', () => {
	let api;
	let store;
	let writes;
	let events;

	beforeEach(async () => {
		({ api, store, writes, events } = await loadedStore());
	});

	it('loads every to-do and the stats, and derives the counts', () => {
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(store.state.stats.completed, 1);
		assert.equal(store.activeCount, 2);
		assert.equal(store.completedCount, 1);
		assert.equal(store.allCompleted, false);
		assert.equal(store.state.loading, false);
	});

	it('is an EventTarget: a change is a CustomEvent carrying the state', () => {
		assert.ok(store instanceof EventTarget);
		const seen = [];
		store.addEventListener('change', (event) => seen.push(event));
		store.setFilter('active');
		store.setFilter('active');
		assert.equal(seen.length, 1, 'the same filter again is no change');
		assert.ok(seen[0] instanceof CustomEvent);
		assert.equal(seen[0].detail, store.state);
	});

	it('filters on the model for the routes', () => {
		store.setFilter('active');
		assert.deepEqual(store.visibleTodos.map((t) => t.id), ['a', 'c']);
		store.setFilter('completed');
		assert.deepEqual(store.visibleTodos.map((t) => t.id), ['b']);
		store.setFilter('all');
		assert.equal(store.visibleTodos.length, 3);
	});

	it('passes search and sort to the server and reloads', async () => {
		await store.setView({ query: '  milk ', sort: 'title', order: 'desc' });
		assert.deepEqual(api.lastListParams, { list_id: undefined, q: 'milk', sort: 'title', order: 'desc' });
		assert.equal(store.state.query, 'milk');
	});

	it('refuses a sort the API does not know, and reloads only when the view changed', async () => {
		await assert.rejects(store.setView({ sort: 'colour' }), /unknown sort colour asc/);
		const lists = api.calls.filter((call) => call === 'listAllTodos').length;
		await store.setView({ query: '  ', sort: 'position', order: 'asc' });
		assert.equal(api.calls.filter((call) => call === 'listAllTodos').length, lists);
	});

	it('reports a failed load with a retry that works', async () => {
		api.failNext('listAllTodos', serverError());
		await store.load();
		assert.equal(events.failure.length, 1);
		assert.ok(store.state.loadError);
		await events.failure[0].retry();
		assert.equal(store.state.loadError, null);
		assert.equal(store.state.todos.length, 3);
	});

	it('asks for a new sign-in, not a retry, when a load is refused with 401', async () => {
		api.failNext('listAllTodos', new ApiError({ status: 401, code: 'INVALID_TOKEN', message: 'expired' }));
		await store.load();
		assert.equal(events.unauthorized.length, 1);
		assert.equal(events.unauthorized[0].draft, null);
		assert.equal(events.failure.length, 0);
		assert.equal(store.state.loadError, null);
	});

	it('keeps the answer of the latest load when an earlier one answers last', async () => {
		let release;
		const held = new Promise((resolve) => (release = resolve));
		const stale = api.todos.map((t) => ({ ...t }));
		const listAllTodos = api.listAllTodos.bind(api);
		api.listAllTodos = () => held.then(() => stale);

		const first = store.load();
		api.todos = api.todos.filter((t) => t.id !== 'b');
		api.listAllTodos = listAllTodos;
		await store.load();
		release();
		await first;

		assert.deepEqual(titles(store), ['Buy milk', 'Pay rent']);
		assert.equal(store.state.loading, false);
	});

	it('reloads one to-do, and drops it with a notice when the server no longer has it', async () => {
		api.find('a').attachment_count = 2;
		await store.refreshTodo('a');
		assert.equal(store.find('a').attachment_count, 2);
		api.todos = api.todos.filter((t) => t.id !== 'a');
		await store.refreshTodo('a');
		assert.equal(store.find('a'), null);
		assert.equal(events.notice.length, 1);
		assert.match(events.notice[0].message, /“Buy milk” no longer exists/);
	});

	it('keeps what was added, created and deleted while a load was under way', async () => {
		let release;
		const held = new Promise((resolve) => (release = resolve));
		const snapshot = api.todos.map((t) => ({ ...t })); // what the server held when the list was read
		api.listAllTodos = () => held.then(() => snapshot);

		const loading = store.load();
		writes.add('Typed at once');
		await writes.settled(); // created on the server before the list answers
		writes.add('Still being created');
		await writes.remove('b');
		release();
		await loading;
		await writes.settled();

		assert.deepEqual(titles(store), ['Buy milk', 'Pay rent', 'Typed at once', 'Still being created']);
		assert.ok(store.state.todos.every((t) => !t.pending));
	});

	it('keeps a newer local version over an older one in a late list', async () => {
		let release;
		const held = new Promise((resolve) => (release = resolve));
		const snapshot = api.todos.map((t) => ({ ...t }));
		api.listAllTodos = () => held.then(() => snapshot);

		const loading = store.load();
		await writes.toggle('a', true);
		release();
		await loading;

		assert.equal(store.find('a').completed, true);
		assert.equal(store.find('a').version, 2);
	});
});
