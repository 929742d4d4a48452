import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { TodoStore } from '../../public/js/store.js';
import { todo } from './helpers.js';

/** An in-memory stand-in for the API client that follows the contract's versioning and If-Match. */
class FakeApi {
	constructor(todos = []) {
		this.todos = todos.map((t) => ({ ...t }));
		this.calls = [];
		this.failures = [];
		this.nextId = 100;
	}
	failNext(method, error) {
		this.failures.push({ method, error });
	}
	async call(method, fn) {
		this.calls.push(method);
		await Promise.resolve();
		const index = this.failures.findIndex((f) => f.method === method);
		if (index >= 0) throw this.failures.splice(index, 1)[0].error;
		return fn();
	}
	find(id) {
		const found = this.todos.find((t) => t.id === id);
		if (!found) throw new ApiError({ status: 404, code: 'TODO_NOT_FOUND', message: 'not found' });
		return found;
	}
	listAllTodos(params) {
		this.lastListParams = params;
		return this.call('listAllTodos', () => this.todos.map((t) => ({ ...t })));
	}
	stats() {
		return this.call('stats', () => {
			const completed = this.todos.filter((t) => t.completed).length;
			return { total: this.todos.length, active: this.todos.length - completed, completed, overdue: 0, due_today: 0, completion_rate: this.todos.length ? completed / this.todos.length : 0 };
		});
	}
	getTodo(id) {
		return this.call('getTodo', () => ({ ...this.find(id) }));
	}
	createTodo(fields) {
		return this.call('createTodo', () => {
			const created = todo({ id: `id-${this.nextId++}`, ...fields, position: this.todos.length + 1 });
			this.todos.push(created);
			return { ...created };
		});
	}
	patchTodo(id, patch, version) {
		return this.call('patchTodo', () => {
			const current = this.find(id);
			if (version !== undefined && version !== current.version) {
				throw new ApiError({ status: 412, code: 'PRECONDITION_FAILED', message: 'changed' });
			}
			Object.assign(current, patch, { version: current.version + 1 });
			return { ...current };
		});
	}
	deleteTodo(id, version) {
		return this.call('deleteTodo', () => {
			const current = this.find(id);
			if (version !== undefined && version !== current.version) {
				throw new ApiError({ status: 412, code: 'PRECONDITION_FAILED', message: 'changed' });
			}
			this.todos = this.todos.filter((t) => t !== current);
		});
	}
	setAllCompleted(completed) {
		return this.call('setAllCompleted', () => {
			let updated = 0;
			for (const t of this.todos) {
				if (t.completed !== completed) {
					t.completed = completed;
					t.version++;
					updated++;
				}
			}
			return { updated };
		});
	}
	clearCompleted() {
		return this.call('clearCompleted', () => {
			const before = this.todos.length;
			this.todos = this.todos.filter((t) => !t.completed);
			return { deleted: before - this.todos.length };
		});
	}
}

const serverError = () => new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: 'boom', requestId: 'r-500' });

function record(store) {
	const events = { failure: [], conflict: [], notice: [], unauthorized: [] };
	for (const type of Object.keys(events)) store.on(type, (detail) => events[type].push(detail));
	return events;
}

const titles = (store) => store.state.todos.map((t) => t.title);

describe('TodoStore', () => {
	let api;
	let store;
	let events;

	beforeEach(async () => {
		api = new FakeApi([
			todo({ id: 'a', title: 'Buy milk', position: 1 }),
			todo({ id: 'b', title: 'Walk dog', completed: true, position: 2 }),
			todo({ id: 'c', title: 'Pay rent', position: 3 }),
		]);
		store = new TodoStore(api);
		events = record(store);
		await store.load();
	});

	it('loads every to-do and the stats, and derives the counts', () => {
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(store.state.stats.completed, 1);
		assert.equal(store.activeCount, 2);
		assert.equal(store.completedCount, 1);
		assert.equal(store.allCompleted, false);
		assert.equal(store.state.loading, false);
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
		assert.deepEqual(api.lastListParams, { q: 'milk', sort: 'title', order: 'desc' });
		assert.equal(store.state.query, 'milk');
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

	it('adds trimmed titles at once, then with the server id; ignores blank ones', async () => {
		assert.equal(store.add('   '), false);
		assert.equal(store.add('  Call mum  '), true);
		assert.equal(store.state.todos.at(-1).title, 'Call mum');
		assert.equal(store.state.todos.at(-1).pending, true);
		await store.settled();
		const added = store.state.todos.at(-1);
		assert.equal(added.pending, undefined);
		assert.match(added.id, /^id-/);
		assert.equal(api.todos.length, 4);
	});

	it('takes an added to-do back when the server refuses, and its retry adds it', async () => {
		api.failNext('createTodo', serverError());
		store.add('Call mum');
		await store.settled();
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(events.failure.length, 1);
		assert.match(events.failure[0].message, /“Call mum” could not be added/);
		events.failure[0].retry();
		await store.settled();
		assert.equal(titles(store).at(-1), 'Call mum');
	});

	it('keeps the unsaved title when a write needs a new sign-in', async () => {
		api.failNext('createTodo', new ApiError({ status: 401, code: 'INVALID_TOKEN', message: 'expired' }));
		store.add('Call mum');
		await store.settled();
		assert.equal(events.unauthorized.length, 1);
		assert.equal(events.unauthorized[0].draft, 'Call mum');
		assert.equal(events.failure.length, 0);
	});

	it('toggles at once and keeps the server version', async () => {
		const done = store.toggle('a', true);
		assert.equal(store.find('a').completed, true, 'optimistic');
		await done;
		assert.equal(store.find('a').version, 2);
		assert.equal(api.find('a').completed, true);
	});

	it('rolls a refused toggle back and says so', async () => {
		api.failNext('patchTodo', serverError());
		await store.toggle('a', true);
		assert.equal(store.find('a').completed, false);
		assert.equal(events.failure.length, 1);
		assert.equal(events.failure[0].error.requestId, 'r-500');
	});

	it('sends quick successive changes of one to-do in order, each with the previous version', async () => {
		store.toggle('a', true);
		store.toggle('a', false);
		store.rename('a', 'Buy oat milk');
		await store.settled();
		assert.equal(events.conflict.length, 0);
		assert.equal(api.find('a').version, 4);
		assert.equal(api.find('a').title, 'Buy oat milk');
		assert.equal(api.find('a').completed, false);
		assert.equal(store.find('a').version, 4);
	});

	it('on 412 reloads the to-do from the server and tells the user', async () => {
		Object.assign(api.find('a'), { title: 'Buy milk and eggs', version: 5 }); // changed in another tab
		await store.toggle('a', true);
		assert.equal(events.conflict.length, 1);
		assert.match(events.conflict[0].message, /changed elsewhere/);
		assert.equal(store.find('a').title, 'Buy milk and eggs');
		assert.equal(store.find('a').completed, false);
		assert.equal(store.find('a').version, 5);
	});

	it('deletes the to-do when an edit leaves the title blank', async () => {
		await store.rename('a', '   ');
		assert.equal(store.find('a'), null);
		assert.equal(api.todos.length, 2);
	});

	it('puts a to-do whose deletion failed back in its place', async () => {
		api.failNext('deleteTodo', serverError());
		await store.remove('b');
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(events.failure.length, 1);
	});

	it('drops a to-do that no longer exists with a notice', async () => {
		api.todos = api.todos.filter((t) => t.id !== 'c');
		await store.toggle('c', true);
		assert.equal(store.find('c'), null);
		assert.equal(events.notice.length, 1);
	});

	it('marks all completed and clears completed', async () => {
		await store.toggleAll(true);
		assert.equal(store.allCompleted, true);
		assert.ok(api.todos.every((t) => t.completed));
		await store.clearCompleted();
		assert.equal(store.state.todos.length, 0);
		assert.equal(api.todos.length, 0);
	});

	it('rolls toggle-all and clear-completed back when refused', async () => {
		api.failNext('setAllCompleted', serverError());
		await store.toggleAll(true);
		assert.equal(store.activeCount, 2);
		api.failNext('clearCompleted', serverError());
		await store.clearCompleted();
		assert.equal(store.completedCount, 1);
		assert.equal(events.failure.length, 2);
	});

	it('keeps what was added, created and deleted while a load was under way', async () => {
		let release;
		const held = new Promise((resolve) => (release = resolve));
		const snapshot = api.todos.map((t) => ({ ...t })); // what the server held when the list was read
		api.listAllTodos = () => held.then(() => snapshot);

		const loading = store.load();
		store.add('Typed at once');
		await store.settled(); // created on the server before the list answers
		store.add('Still being created');
		await store.remove('b');
		release();
		await loading;
		await store.settled();

		assert.deepEqual(titles(store), ['Buy milk', 'Pay rent', 'Typed at once', 'Still being created']);
		assert.ok(store.state.todos.every((t) => !t.pending));
	});

	it('keeps a newer local version over an older one in a late list', async () => {
		let release;
		const held = new Promise((resolve) => (release = resolve));
		const snapshot = api.todos.map((t) => ({ ...t }));
		api.listAllTodos = () => held.then(() => snapshot);

		const loading = store.load();
		await store.toggle('a', true);
		release();
		await loading;

		assert.equal(store.find('a').completed, true);
		assert.equal(store.find('a').version, 2);
	});

	it('saves only the details that changed', async () => {
		const patches = [];
		const original = api.patchTodo.bind(api);
		api.patchTodo = (id, patch, version) => {
			patches.push(patch);
			return original(id, patch, version);
		};
		await store.saveDetails('a', { title: 'Buy milk', notes: 'semi-skimmed', due_date: '2026-01-20', priority: 'none' });
		assert.deepEqual(patches, [{ notes: 'semi-skimmed', due_date: '2026-01-20' }]);
		await store.saveDetails('a', { title: 'Buy milk', notes: 'semi-skimmed', due_date: '2026-01-20', priority: 'none' });
		assert.equal(patches.length, 1, 'nothing changed, nothing sent');
	});
});
