// Deleting to-dos with "Deleted · Undo": a to-do deleted (one, or every completed one) goes to the
// trash on the server at once, and undo takes it out again (POST …/restore), back where it stood.
// Every step goes through the WriteQueue of the to-do, so a restore follows its delete. No DOM.

import { clearedMessage, deletedMessage, restoreFailedMessage } from './format-trash.js';

export class UndoableDeletes {
	/**
	 * @param deps.store TodoStore
	 * @param deps.writes OptimisticWrites (remove, clearCompleted)
	 * @param deps.api the API client (restoreTodo, trash)
	 * @param deps.writeQueue the store's WriteQueue
	 * @param deps.undo UndoOffers
	 * @param deps.myId () => the caller's id, to pick their own deletions out of the trash
	 */
	constructor({ store, writes, api, writeQueue, undo, myId = () => null }) {
		Object.assign(this, { store, writes, api, queue: writeQueue, undo, myId });
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

	/** Clears the completed to-dos of the list shown and offers to take them all back. */
	clearCompleted() {
		const viewKey = this.store.viewKey();
		const listId = this.store.state.scope.listId;
		const entries = this.store.state.todos
			.map((todo, index) => ({ key: todo.id, todo, index, viewKey }))
			.filter(({ todo }) => todo.completed && !todo.pending);
		const clearing = this.writes.clearCompleted();
		this.undo.offer({
			message: clearedMessage(entries.length),
			undo: async () => {
				const cleared = await clearing;
				if (!cleared) return; // refused, and shown again already
				const others = await this.othersCleared(entries, cleared.deleted, listId);
				await this.restore([...entries, ...others], null);
				if (others.length > 0) await this.store.load(); // ones this tab did not show: the server's order
			},
		});
		return clearing;
	}

	/**
	 * The bulk delete may have found completed to-dos this tab did not show (completed elsewhere
	 * meanwhile): the caller's most recent deletions in the list's trash, as many as are missing.
	 */
	async othersCleared(entries, deleted, listId) {
		const missing = (deleted ?? entries.length) - entries.length;
		if (missing <= 0 || !listId) return [];
		try {
			const known = new Set(entries.map(({ todo }) => todo.id));
			const { data } = await this.api.trash({ listId, pageSize: Math.min(100, deleted) });
			return data
				.filter((todo) => !known.has(todo.id) && (todo.deleted_by === this.myId() || !todo.deleted_by))
				.slice(0, missing)
				.map((todo) => ({ key: todo.id, todo, index: Infinity, viewKey: null }));
		} catch (error) {
			this.store.reportedUnauthorized(error);
			return [];
		}
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
