// Shared by the store and write tests: an in-memory API, a loaded store with its writes, and a
// recorder of the store's events.

import { ApiError } from '../../public/js/api.js';
import { OptimisticWrites } from '../../public/js/optimistic-writes.js';
import { TodoStore } from '../../public/js/store.js';
import { WriteQueue } from '../../public/js/write-queue.js';
import { todo } from './helpers.js';

/** An in-memory stand-in for the API client that follows the contract's versioning and If-Match. */
export class FakeApi {
	constructor(todos = []) {
		this.todos = todos.map((t) => ({ ...t }));
		this.calls = [];
		this.failures = [];
		this.nextId = 100;
		this.trashed = []; // most recently deleted first, as GET /trash answers
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
		(this.listParams ??= []).push(params);
		const answer = this.answerFor ? this.answerFor(params) : this.todos;
		return this.call('listAllTodos', () => answer.map((t) => ({ ...t })));
	}
	stats(params) {
		(this.statsParams ??= []).push(params);
		return this.call('stats', () => {
			const completed = this.todos.filter((t) => t.completed).length;
			return { total: this.todos.length, active: this.todos.length - completed, completed, overdue: 0, due_today: 0, completion_rate: this.todos.length ? completed / this.todos.length : 0 };
		});
	}
	getTodo(id) {
		return this.call('getTodo', () => ({ ...this.find(id) }));
	}
	/** Like the server: a key it has seen answers with the to-do made under it. */
	createTodo(fields, { key } = {}) {
		return this.call('createTodo', () => {
			this.createdUnder ??= new Map();
			if (key && this.createdUnder.has(key)) return { ...this.find(this.createdUnder.get(key)) };
			const created = todo({ id: `id-${this.nextId++}`, ...fields, position: this.todos.length + 1 });
			this.todos.push(created);
			if (key) this.createdUnder.set(key, created.id);
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
			this.trashed.unshift({ ...current, deleted_at: '2026-01-15T10:31:00.000Z', deleted_by: 'me' });
		});
	}
	restoreTodo(id) {
		return this.call('restoreTodo', () => {
			const trashed = this.trashed.find((t) => t.id === id);
			if (!trashed) throw new ApiError({ status: 409, code: 'CONFLICT', message: 'The to-do is not in the trash' });
			this.trashed = this.trashed.filter((t) => t !== trashed);
			const restored = { ...trashed, deleted_at: null, deleted_by: null, version: trashed.version + 1 };
			this.todos.push(restored);
			this.todos.sort((a, b) => a.position - b.position);
			return { ...restored };
		});
	}
	trash({ pageSize = 50 } = {}) {
		return this.call('trash', () => ({ data: this.trashed.slice(0, pageSize).map((t) => ({ ...t })), meta: { page: 1, page_size: pageSize, total_count: this.trashed.length, total_pages: 1 } }));
	}
}

export const serverError = () => new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: 'boom', requestId: 'r-500' });

export const titles = (store) => store.state.todos.map((t) => t.title);

/** The detail of every event of these types the store dispatches, by type. */
export function recordEvents(store, types = ['failure', 'conflict', 'notice', 'unauthorized', 'choice']) {
	const events = Object.fromEntries(types.map((type) => [type, []]));
	for (const type of types) store.addEventListener(type, (event) => events[type].push(event.detail));
	return events;
}

/** Buy milk, Walk dog (completed), Pay rent: the server's to-dos in the store and write tests. */
export function threeTodos() {
	return [
		todo({ id: 'a', title: 'Buy milk', position: 1 }),
		todo({ id: 'b', title: 'Walk dog', completed: true, position: 2 }),
		todo({ id: 'c', title: 'Pay rent', position: 3 }),
	];
}

/** A store with its writes over a FakeApi holding the given to-dos, loaded, its events recorded. */
export async function loadedStore(todos = threeTodos()) {
	const api = new FakeApi(todos);
	const writeQueue = new WriteQueue();
	const store = new TodoStore({ api, writeQueue });
	const writes = new OptimisticWrites({ store, api, writeQueue });
	const events = recordEvents(store);
	await store.load();
	return { api, store, writes, writeQueue, events };
}
