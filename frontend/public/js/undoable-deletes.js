// Deleting to-dos with "Deleted · Undo": a to-do deleted (one, or every completed one) goes to the
// trash on the server at once, and undo takes it out again (POST …/restore), back where it stood.
// Every step goes through the WriteQueue of the to-do, so a restore follows its delete. No DOM.

import { clearedMessage, deletedMessage, restoreFailedMessage } from './format-trash.js';

export class UndoableDeletes {
	/**
	 * @param deps.store TodoStore
	 * @param deps.writes OptimisticWrites (remove, clearCompleted)
	 * @param deps.api the API client (restoreTodo)
	 * @param deps.writeQueue the store's WriteQueue
	 * @param deps.undo UndoOffers
	 */
	constructor({ store, writes, api, writeQueue, undo }) {
		Object.assign(this, { store, writes, api, queue: writeQueue, undo });
	}

	/** Deletes a to-do and offers to take it back. */
	removeTodo(id) {
		const key = this.queue.resolve(id);
		const todo = this.store.find(key);
		if (!todo) return this.writes.remove(id); // nothing to delete here, nothing to undo
		const entry = { key, todo, index: this.store.state.todos.indexOf(todo), viewKey: this.store.viewKey() };
		const removal = this.writes.remove(id);
		this.undo.offer({ message: deletedMessage(todo.title), undo: () => this.restore([entry], removal) });
		return removal;
	}

	/** Clears the completed to-dos of the list shown (one delete each) and offers to take them all back. */
	clearCompleted() {
		const viewKey = this.store.viewKey();
		const entries = this.store.state.todos
			.map((todo, index) => ({ key: todo.id, todo, index, viewKey }))
			.filter(({ todo }) => todo.completed);
		const clearing = this.writes.clearCompleted();
		this.undo.offer({ message: clearedMessage(entries.length), undo: () => this.restore(entries, clearing) });
		return clearing;
	}

	/** Takes to-dos out of the trash, in the order they stood, once their delete has been answered. */
	async restore(entries, deletion) {
		await deletion;
		for (const entry of [...entries].sort((a, b) => a.index - b.index)) {
			const id = this.queue.resolve(entry.key);
			if (this.store.find(id)) continue; // the delete was refused: it is back already
			await this.queue.enqueue(id, () => this.restoreOne(id, entry));
		}
		this.store.changed();
		this.store.refreshStats();
	}

	async restoreOne(id, { todo, index, viewKey }) {
		try {
			const restored = await this.api.restoreTodo(id);
			this.store.restored(restored, index, viewKey);
		} catch (error) {
			this.store.reportFailure({
				error,
				message: restoreFailedMessage(todo.title, error),
				retry: error.isTransient ? () => this.restore([{ key: id, todo, index, viewKey }], null) : null,
			});
		}
	}
}
