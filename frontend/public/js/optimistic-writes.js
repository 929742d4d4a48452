// The user's changes to their to-dos: shown in the store at once, then sent, and undone when the
// server refuses them. Writes to one to-do go through the WriteQueue, so that each carries the
// version of the one before (If-Match), which makes a 412 mean "changed elsewhere", never "you
// clicked twice". What the user must hear about is emitted by the store (see store.js).

import { changedElsewhereMessage, changeFailedMessage, clearCompletedFailedMessage, toggleAllFailedMessage } from './format.js';

const EDITABLE_FIELDS = ['title', 'completed', 'notes', 'due_date', 'priority'];

let temporaryIds = 0;

export class OptimisticWrites {
	/**
	 * @param deps.store TodoStore
	 * @param deps.api the API client
	 * @param deps.writeQueue the store's WriteQueue
	 */
	constructor({ store, api, writeQueue }) {
		this.store = store;
		this.api = api;
		this.queue = writeQueue;
		// creates are sent one after another: the server puts each last, so in the order typed
		this.creating = Promise.resolve();
	}

	/** Resolves when every queued write has finished. */
	settled() {
		return this.queue.settled();
	}

	/**
	 * Adds a to-do with the trimmed title and the given fields (list_id, due_date); a blank title is
	 * ignored (returns false).
	 */
	add(rawTitle, fields = {}) {
		const title = String(rawTitle ?? '').trim();
		if (!title) return false;
		const temporaryId = `pending-${++temporaryIds}`;
		this.store.append({ ...placeholder(temporaryId, title), ...fields });
		this.store.changed();
		const previousCreate = this.creating;
		const creating = this.queue.enqueue(temporaryId, async () => {
			await previousCreate;
			try {
				const created = await this.api.createTodo({ title, ...fields });
				this.queue.alias(temporaryId, created.id);
				this.store.confirmCreated(temporaryId, created);
				this.store.changed();
				this.store.refreshStats();
			} catch (error) {
				this.store.take(temporaryId);
				this.store.changed();
				this.store.reportFailure({
					error,
					message: changeFailedMessage(title, 'add'),
					retry: () => this.add(title, fields),
					draft: title,
				});
			}
		});
		this.creating = creating;
		return true;
	}

	toggle(id, completed) {
		return this.patch(id, { completed }, completed ? 'complete' : 'activate');
	}

	/** Saves an edited title; a blank one deletes the to-do (TodoMVC). */
	rename(id, rawTitle) {
		const title = String(rawTitle ?? '').trim();
		if (!title) return this.remove(id);
		const todo = this.store.find(id);
		if (todo && todo.title === title) return Promise.resolve();
		return this.patch(id, { title }, 'rename');
	}

	/** Saves details (notes, due date, priority, title, completed): only what differs is sent. */
	saveDetails(id, fields) {
		const todo = this.store.find(id);
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
		const store = this.store;
		const key = this.queue.resolve(id);
		const before = store.find(key);
		if (!before) return Promise.resolve();
		store.replace({ ...before, ...patch });
		store.changed();
		return this.queue.enqueue(key, async () => {
			const current = store.find(key);
			if (!current) return;
			const realId = this.queue.resolve(key);
			try {
				const saved = await this.api.patchTodo(realId, patch, current.version);
				const latest = store.find(key);
				// keep later optimistic edits visible; take the server's version and timestamps
				store.replace(latest ? { ...saved, ...this.pendingFields(key, saved) } : saved);
				store.changed();
				store.refreshStats();
			} catch (error) {
				await this.handleWriteError(error, {
					id: realId,
					rollback: () => {
						const latest = store.find(key);
						if (latest) store.replace({ ...latest, ...pick(before, Object.keys(patch)) });
					},
					message: changeFailedMessage(before.title, change),
					retry: () => this.patch(realId, patch, change),
				});
			}
		});
	}

	/** Deletes one to-do at once (to the trash); puts it back where it was if the server refuses. */
	remove(id) {
		const key = this.queue.resolve(id);
		const before = this.store.find(key);
		if (!before) return Promise.resolve();
		const index = this.store.takeDeleted(before.id);
		this.store.changed();
		return this.queue.enqueue(key, async () => {
			const realId = this.queue.resolve(key);
			try {
				await this.api.deleteTodo(realId, before.version || undefined);
				this.store.refreshStats();
			} catch (error) {
				if (error.isNotFound) return; // already gone: what the user wanted
				await this.handleWriteError(error, {
					id: realId,
					rollback: () => this.store.putBack(before, index),
					reinsert: true,
					message: changeFailedMessage(before.title, 'delete'),
					retry: () => this.remove(realId),
				});
			}
		});
	}

	/** Toggle-all: every to-do of the list shown completed (or active). */
	toggleAll(completed) {
		return this.changeAll({
			show: (todos) => todos.map((todo) => ({ ...todo, completed })),
			send: async () => {
				await this.api.setAllCompleted(completed, this.store.state.scope.listId);
				await this.store.load();
			},
			message: toggleAllFailedMessage(completed),
			retry: () => this.toggleAll(completed),
		});
	}

	clearCompleted() {
		return this.changeAll({
			show: (todos) => todos.filter((todo) => !todo.completed),
			send: async () => {
				const cleared = await this.api.clearCompleted(this.store.state.scope.listId);
				this.store.refreshStats();
				return cleared;
			},
			message: clearCompletedFailedMessage(),
			retry: () => this.clearCompleted(),
		});
	}

	// --- internals ----------------------------------------------------------------------------

	/**
	 * A change of the whole list: shown at once, sent once the queued writes are done, undone if
	 * refused. Resolves with what send() answered, or null when it was refused.
	 */
	async changeAll({ show, send, message, retry }) {
		const before = this.store.state.todos;
		this.store.state.todos = show(before);
		this.store.changed();
		try {
			await this.queue.settled();
			return (await send()) ?? {};
		} catch (error) {
			this.store.state.todos = before;
			this.store.changed();
			this.store.reportFailure({ error, message, retry });
			return null;
		}
	}

	/** The optimistic fields a later queued write has already shown, kept over a server answer. */
	pendingFields(key, saved) {
		const latest = this.store.find(key);
		if (!latest || !this.queue.has(key)) return {};
		const fields = {};
		for (const name of EDITABLE_FIELDS) {
			if (latest[name] !== saved[name]) fields[name] = latest[name];
		}
		return fields;
	}

	async handleWriteError(error, { id, rollback, reinsert = false, message, retry }) {
		const store = this.store;
		if (error.isConflict) {
			// changed elsewhere: show the server's version and say so; nothing of ours was applied
			try {
				const latest = await this.api.getTodo(id);
				if (!store.replace(latest) && reinsert) rollback();
				if (reinsert) store.replace(latest);
				store.changed();
				store.emit('conflict', { todo: latest, message: changedElsewhereMessage(latest.title) });
			} catch (reloadError) {
				if (reloadError.isNotFound) store.dropMissing(id);
				else store.reportedUnauthorized(reloadError);
			}
			return;
		}
		if (error.isNotFound) {
			store.dropMissing(id);
			return;
		}
		rollback();
		store.changed();
		store.reportFailure({ error, message, retry });
	}
}

/** What an optimistic create shows until the server has answered. */
function placeholder(id, title) {
	const now = new Date().toISOString();
	return {
		id, title, notes: null, completed: false, completed_at: null, due_date: null, priority: 'none',
		position: Number.MAX_SAFE_INTEGER, attachment_count: 0, created_at: now, updated_at: now, version: 0,
		pending: true,
	};
}

function pick(object, keys) {
	const picked = {};
	for (const key of keys) picked[key] = object[key];
	return picked;
}
