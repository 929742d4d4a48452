// The model: the signed-in user's to-dos as the server holds them, plus what the user is looking at
// (filter, search, sort). No DOM access: views subscribe to 'change'.
//
// Writes are optimistic: the change shows at once, is sent, and is rolled back when the server
// refuses it. Writes to one to-do are queued so that each carries the version of the one before
// (If-Match), which makes a 412 mean "changed elsewhere", never "you clicked twice". Outcomes the
// user must hear about are emitted as events:
//   'failure'      {error, message, retry}     the change was undone; retry() tries it again
//   'conflict'     {todo, message}             412: the latest version was reloaded
//   'notice'       {message}                   e.g. the to-do no longer exists
//   'unauthorized' {error, draft}              401/403: sign in again (draft = unsaved new title)

import {
	changedElsewhereMessage,
	changeFailedMessage,
	clearCompletedFailedMessage,
	loadFailedMessage,
	todoGoneMessage,
	toggleAllFailedMessage,
} from './format.js';

export const SORTS = Object.freeze(['position', 'created_at', 'updated_at', 'due_date', 'priority', 'title']);
export const ORDERS = Object.freeze(['asc', 'desc']);
export const PRIORITIES = Object.freeze(['none', 'low', 'medium', 'high']);

let temporaryIds = 0;

export class TodoStore {
	constructor(api) {
		this.api = api;
		this.listeners = new Map();
		this.queues = new Map();
		this.aliases = new Map();
		this.loadSequence = 0;
		// what this tab created and deleted while a load was under way, which that load cannot know
		this.createdWhileLoading = new Set();
		this.deletedWhileLoading = new Set();
		this.state = {
			todos: [],
			stats: null,
			filter: 'all',
			query: '',
			sort: 'position',
			order: 'asc',
			loading: false,
			loaded: false,
			loadError: null,
		};
	}

	// --- events -------------------------------------------------------------------------------

	on(type, listener) {
		if (!this.listeners.has(type)) this.listeners.set(type, new Set());
		this.listeners.get(type).add(listener);
		return () => this.listeners.get(type).delete(listener);
	}

	emit(type, detail) {
		for (const listener of this.listeners.get(type) ?? []) listener(detail);
	}

	changed() {
		this.emit('change', this.state);
	}

	// --- reading ------------------------------------------------------------------------------

	find(id) {
		const realId = this.aliases.get(id) ?? id;
		return this.state.todos.find((todo) => todo.id === realId) ?? null;
	}

	get visibleTodos() {
		const { todos, filter } = this.state;
		if (filter === 'active') return todos.filter((todo) => !todo.completed);
		if (filter === 'completed') return todos.filter((todo) => todo.completed);
		return todos;
	}

	get activeCount() {
		return this.state.todos.filter((todo) => !todo.completed).length;
	}

	get completedCount() {
		return this.state.todos.length - this.activeCount;
	}

	get allCompleted() {
		return this.state.todos.length > 0 && this.activeCount === 0;
	}

	// --- what the user looks at ---------------------------------------------------------------

	setFilter(filter) {
		if (this.state.filter === filter) return;
		this.state.filter = filter;
		this.changed();
	}

	/** A new search text or sort reloads the list from the server. */
	async setView({ query = this.state.query, sort = this.state.sort, order = this.state.order } = {}) {
		const q = query.trim();
		if (!SORTS.includes(sort) || !ORDERS.includes(order)) throw new Error(`unknown sort ${sort} ${order}`);
		if (q === this.state.query && sort === this.state.sort && order === this.state.order) return;
		Object.assign(this.state, { query: q, sort, order });
		await this.load();
	}

	// --- loading ------------------------------------------------------------------------------

	/** Loads every to-do matching the search, in the chosen order, and the stats. */
	async load() {
		const sequence = ++this.loadSequence;
		this.state.loading = true;
		this.state.loadError = null;
		this.changed();
		try {
			const { query, sort, order } = this.state;
			const [todos, stats] = await Promise.all([
				this.api.listAllTodos({ q: query || undefined, sort, order }),
				this.api.stats(),
			]);
			if (sequence !== this.loadSequence) return; // a newer load is under way
			Object.assign(this.state, { todos: this.reconcile(todos), stats, loaded: true });
		} catch (error) {
			if (sequence !== this.loadSequence) return;
			if (this.reportedUnauthorized(error)) return;
			this.state.loadError = error;
			this.emit('failure', { error, message: loadFailedMessage(), retry: () => this.load() });
		} finally {
			if (sequence === this.loadSequence) {
				this.state.loading = false;
				this.createdWhileLoading.clear();
				this.deletedWhileLoading.clear();
				this.changed();
			}
		}
	}

	/**
	 * A loaded list is a snapshot from when the request left: keep what this tab changed since
	 * (to-dos still being created or created meanwhile, deletions, newer versions and writes still
	 * queued), so that typing right after the page opens loses nothing.
	 */
	reconcile(loaded) {
		const local = new Map(this.state.todos.map((todo) => [todo.id, todo]));
		const result = loaded
			.filter((todo) => !this.deletedWhileLoading.has(todo.id))
			.map((todo) => {
				const mine = local.get(todo.id);
				if (!mine) return todo;
				return mine.version > todo.version || this.queues.has(todo.id) ? mine : todo;
			});
		const present = new Set(result.map((todo) => todo.id));
		for (const todo of this.state.todos) {
			if (present.has(todo.id)) continue;
			if (todo.pending || this.createdWhileLoading.has(todo.id)) result.push(todo);
		}
		return result;
	}

	async refreshStats() {
		try {
			this.state.stats = await this.api.stats();
			this.changed();
		} catch (error) {
			this.reportedUnauthorized(error);
		}
	}

	/** Reloads one to-do (after an attachment change, or a conflict). */
	async refreshTodo(id) {
		try {
			this.replace(await this.api.getTodo(this.aliases.get(id) ?? id));
			this.changed();
		} catch (error) {
			if (this.reportedUnauthorized(error)) return;
			if (error.isNotFound) this.dropMissing(id);
		}
	}

	// --- writing ------------------------------------------------------------------------------

	/** Adds a to-do with the trimmed title; a blank title is ignored (returns false). */
	add(rawTitle) {
		const title = String(rawTitle ?? '').trim();
		if (!title) return false;
		const temporaryId = `pending-${++temporaryIds}`;
		const now = new Date().toISOString();
		const placeholder = {
			id: temporaryId,
			title,
			notes: null,
			completed: false,
			completed_at: null,
			due_date: null,
			priority: 'none',
			position: Number.MAX_SAFE_INTEGER,
			attachment_count: 0,
			created_at: now,
			updated_at: now,
			version: 0,
			pending: true,
		};
		this.state.todos = [...this.state.todos, placeholder];
		this.changed();
		this.enqueue(temporaryId, async () => {
			try {
				const created = await this.api.createTodo({ title });
				this.aliases.set(temporaryId, created.id);
				if (this.state.loading) this.createdWhileLoading.add(created.id);
				this.state.todos = this.state.todos.map((todo) => (todo.id === temporaryId ? created : todo));
				this.changed();
				this.refreshStats();
			} catch (error) {
				this.state.todos = this.state.todos.filter((todo) => todo.id !== temporaryId);
				this.changed();
				if (this.reportedUnauthorized(error, title)) return;
				this.emit('failure', {
					error,
					message: changeFailedMessage(title, 'add'),
					retry: () => this.add(title),
				});
			}
		});
		return true;
	}

	toggle(id, completed) {
		return this.patch(id, { completed }, completed ? 'complete' : 'activate');
	}

	/** Saves an edited title; a blank one deletes the to-do (TodoMVC). */
	rename(id, rawTitle) {
		const title = String(rawTitle ?? '').trim();
		if (!title) return this.remove(id);
		const todo = this.find(id);
		if (todo && todo.title === title) return Promise.resolve();
		return this.patch(id, { title }, 'rename');
	}

	/** Saves details (notes, due date, priority, title, completed): only what differs is sent. */
	saveDetails(id, fields) {
		const todo = this.find(id);
		if (!todo) return Promise.resolve();
		const patch = {};
		for (const [key, value] of Object.entries(fields)) {
			if (key === 'title') {
				const title = String(value ?? '').trim();
				if (title && title !== todo.title) patch.title = title;
			} else if ((todo[key] ?? null) !== (value ?? null)) {
				patch[key] = value;
			}
		}
		if (Object.keys(patch).length === 0) return Promise.resolve();
		return this.patch(id, patch, 'save');
	}

	/** Optimistic JSON Merge Patch of one to-do, with If-Match its version at send time. */
	patch(id, patch, change = 'change') {
		const key = this.aliases.get(id) ?? id;
		const before = this.find(key);
		if (!before) return Promise.resolve();
		this.replace({ ...before, ...patch });
		this.changed();
		return this.enqueue(key, async () => {
			const current = this.find(key);
			if (!current) return;
			const realId = this.aliases.get(key) ?? key;
			try {
				const saved = await this.api.patchTodo(realId, patch, current.version);
				const latest = this.find(key);
				// keep later optimistic edits visible; take the server's version and timestamps
				this.replace(latest ? { ...saved, ...this.pendingFields(key, saved) } : saved);
				this.changed();
				this.refreshStats();
			} catch (error) {
				await this.handleWriteError(error, {
					id: realId,
					rollback: () => {
						const latest = this.find(key);
						if (latest) this.replace({ ...latest, ...pick(before, Object.keys(patch)) });
					},
					message: changeFailedMessage(before.title, change),
					retry: () => this.patch(realId, patch, change),
				});
			}
		});
	}

	/** Deletes one to-do at once; puts it back where it was if the server refuses. */
	remove(id) {
		const key = this.aliases.get(id) ?? id;
		const before = this.find(key);
		if (!before) return Promise.resolve();
		const index = this.state.todos.indexOf(before);
		this.state.todos = this.state.todos.filter((todo) => todo !== before);
		if (this.state.loading) this.deletedWhileLoading.add(before.id);
		this.changed();
		return this.enqueue(key, async () => {
			const realId = this.aliases.get(key) ?? key;
			try {
				await this.api.deleteTodo(realId, before.version || undefined);
				this.refreshStats();
			} catch (error) {
				if (error.isNotFound) return; // already gone: what the user wanted
				await this.handleWriteError(error, {
					id: realId,
					rollback: () => {
						const todos = [...this.state.todos];
						todos.splice(Math.min(index, todos.length), 0, before);
						this.state.todos = todos;
					},
					reinsert: true,
					message: changeFailedMessage(before.title, 'delete'),
					retry: () => this.remove(realId),
				});
			}
		});
	}

	/** Toggle-all: every to-do of the user completed (or active). */
	async toggleAll(completed) {
		const before = this.state.todos;
		this.state.todos = before.map((todo) => ({ ...todo, completed }));
		this.changed();
		try {
			await this.settled();
			await this.api.setAllCompleted(completed);
			await this.load();
		} catch (error) {
			this.state.todos = before;
			this.changed();
			if (this.reportedUnauthorized(error)) return;
			this.emit('failure', {
				error,
				message: toggleAllFailedMessage(completed),
				retry: () => this.toggleAll(completed),
			});
		}
	}

	async clearCompleted() {
		const before = this.state.todos;
		this.state.todos = before.filter((todo) => !todo.completed);
		this.changed();
		try {
			await this.settled();
			await this.api.clearCompleted();
			this.refreshStats();
		} catch (error) {
			this.state.todos = before;
			this.changed();
			if (this.reportedUnauthorized(error)) return;
			this.emit('failure', {
				error,
				message: clearCompletedFailedMessage(),
				retry: () => this.clearCompleted(),
			});
		}
	}

	/** Resolves when every queued write has finished. */
	async settled() {
		await Promise.all([...this.queues.values()]);
	}

	// --- internals ----------------------------------------------------------------------------

	enqueue(key, task) {
		const previous = this.queues.get(key) ?? Promise.resolve();
		const next = previous.then(task, task);
		const tracked = next.finally(() => {
			if (this.queues.get(key) === tracked) this.queues.delete(key);
		});
		this.queues.set(key, tracked);
		return tracked;
	}

	/** The optimistic fields a later queued write has already shown, kept over a server answer. */
	pendingFields(key, saved) {
		const latest = this.find(key);
		if (!latest || !this.queues.has(key)) return {};
		const fields = {};
		for (const name of ['title', 'completed', 'notes', 'due_date', 'priority']) {
			if (latest[name] !== saved[name]) fields[name] = latest[name];
		}
		return fields;
	}

	replace(updated) {
		let found = false;
		this.state.todos = this.state.todos.map((todo) => {
			if (todo.id !== updated.id) return todo;
			found = true;
			return updated;
		});
		return found;
	}

	dropMissing(id) {
		const todo = this.find(id);
		if (!todo) return;
		this.state.todos = this.state.todos.filter((item) => item !== todo);
		this.changed();
		this.emit('notice', { message: todoGoneMessage(todo.title) });
	}

	async handleWriteError(error, { id, rollback, reinsert = false, message, retry }) {
		if (error.isConflict) {
			// changed elsewhere: show the server's version and say so; nothing of ours was applied
			try {
				const latest = await this.api.getTodo(id);
				if (!this.replace(latest) && reinsert) rollback();
				if (reinsert) this.replace(latest);
				this.changed();
				this.emit('conflict', {
					todo: latest,
					message: changedElsewhereMessage(latest.title),
				});
			} catch (reloadError) {
				if (reloadError.isNotFound) this.dropMissing(id);
				else this.reportedUnauthorized(reloadError);
			}
			return;
		}
		if (error.isNotFound) {
			this.dropMissing(id);
			return;
		}
		rollback();
		this.changed();
		if (this.reportedUnauthorized(error)) return;
		this.emit('failure', { error, message, retry });
	}

	reportedUnauthorized(error, draft = null) {
		if (!error || !error.needsSignIn) return false;
		this.emit('unauthorized', { error, draft });
		return true;
	}
}

function pick(object, keys) {
	const picked = {};
	for (const key of keys) picked[key] = object[key];
	return picked;
}
