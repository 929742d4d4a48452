// The model: the to-dos the user is looking at as the server holds them (the scope: one list, or
// due-date views across every list), plus filter, search and sort, and their loading (what the list
// shows follows from that state through the pure functions of store-view.js). No DOM access. An
// EventTarget; every event is a CustomEvent whose detail is
//   'change'       the state                   views re-render
//   'failure'      {error, message, retry}     a load failed or a change was undone; retry() tries again
//   'conflict'     {todo, message}             412: the latest version was reloaded
//   'notice'       {message}                   e.g. the to-do no longer exists
//   'unauthorized' {error, draft}              401/403: sign in again (draft = unsaved new title)
// The user's changes reach it through OptimisticWrites (optimistic-writes.js).

import { isOutage } from './connectivity.js';
import { loadFailedMessage, todoGoneMessage } from './format.js';
import * as view from './store-view.js';

export { ORDERS, PRIORITIES, SORTS } from './store-view.js';

export class TodoStore extends EventTarget {
	/**
	 * @param deps.api the API client
	 * @param deps.writeQueue the WriteQueue of the writes: which to-dos have writes under way, and aliases
	 * @param deps.pending the Outbox: its waiting writes stay applied over whatever is loaded
	 * @param deps.snapshots {read(viewKey), write(viewKey, value)}: the last list seen of each view, for offline starts
	 */
	constructor({ api, writeQueue, pending = null, snapshots = null }) {
		super();
		this.api = api;
		this.writeQueue = writeQueue;
		this.pending = pending;
		this.snapshots = snapshots;
		this.loadSequence = 0;
		// what this tab created and deleted while a load was under way, which that load cannot know
		this.createdWhileLoading = new Set();
		this.deletedWhileLoading = new Set();
		this.state = {
			// listId null: every readable list; due: the `due` values whose answers are shown together
			scope: { listId: null, due: [] },
			todos: [],
			stats: null,
			filter: 'all',
			query: '',
			sort: 'position',
			order: 'asc',
			loading: false,
			loaded: false,
			loadError: null,
			// shown from the copy kept in the browser: the server could not be reached
			offline: false,
		};
	}

	// --- events -------------------------------------------------------------------------------

	emit(type, detail) {
		this.dispatchEvent(new CustomEvent(type, { detail }));
	}

	changed() {
		this.emit('change', this.state);
	}

	/** 'unauthorized' when the error asks for a new sign-in (then true), else nothing (false). */
	reportedUnauthorized(error, draft = null) {
		if (!error || !error.needsSignIn) return false;
		this.emit('unauthorized', { error, draft });
		return true;
	}

	/** A change was refused and undone: 'unauthorized' when signing in again is the answer, else 'failure'. */
	reportFailure({ error, message, retry, draft = null }) {
		if (this.reportedUnauthorized(error, draft)) return;
		this.emit('failure', { error, message, retry });
	}

	// --- reading ------------------------------------------------------------------------------

	find(id) {
		const realId = this.writeQueue.resolve(id);
		return this.state.todos.find((todo) => todo.id === realId) ?? null;
	}

	get visibleTodos() {
		return view.visibleTodos(this.state);
	}

	get activeCount() {
		return view.activeCount(this.state.todos);
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

	/** Another list or due-date view: the to-dos shown so far go, the new ones are loaded. */
	async setScope({ listId = null, due = [] } = {}) {
		const current = this.state.scope;
		if (current.listId === listId && current.due.join() === due.join() && this.state.loaded) return;
		this.state.scope = { listId, due: [...due] };
		this.state.todos = this.state.todos.filter((todo) => todo.pending);
		this.state.stats = null;
		this.state.loaded = false;
		await this.load();
	}

	/** The stats query of the scope: one list, or every readable list. */
	get statsParams() {
		return view.statsParams(this.state.scope);
	}

	/** A new search text or sort reloads the list from the server. */
	async setView({ query = this.state.query, sort = this.state.sort, order = this.state.order } = {}) {
		const q = query.trim();
		if (!view.SORTS.includes(sort) || !view.ORDERS.includes(order)) throw new Error(`unknown sort ${sort} ${order}`);
		if (q === this.state.query && sort === this.state.sort && order === this.state.order) return;
		Object.assign(this.state, { query: q, sort, order });
		await this.load();
	}

	// --- loading ------------------------------------------------------------------------------

	/** Loads every to-do of the scope matching the search, in the chosen order, and the stats. */
	async load() {
		const sequence = ++this.loadSequence;
		this.state.loading = true;
		this.state.loadError = null;
		this.changed();
		try {
			const queries = view.todoQueries(this.state).map((params) => this.api.listAllTodos(params));
			const [answers, stats] = await Promise.all([Promise.all(queries), this.api.stats(this.statsParams)]);
			if (sequence !== this.loadSequence) return; // a newer load is under way
			// what this tab changed since the request left stays, so typing right after the page opens loses nothing
			const changes = { deleted: this.deletedWhileLoading, created: this.createdWhileLoading, hasWrite: (id) => this.writeQueue.has(id) };
			const todos = view.reconcile(this.state.todos, view.joinAnswers(answers), changes);
			Object.assign(this.state, { todos: this.withPending(todos), stats, loaded: true, offline: false });
			this.keepSnapshot();
		} catch (error) {
			if (sequence !== this.loadSequence) return;
			if (this.reportedUnauthorized(error)) return;
			if (isOutage(error) && (await this.loadSnapshot(sequence))) return;
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

	/** The last list of this view kept in the browser, with the waiting writes; false when there is none. */
	async loadSnapshot(sequence) {
		const snapshot = this.snapshots ? await this.snapshots.read(this.viewKey()).catch(() => null) : null;
		if (!snapshot || sequence !== this.loadSequence) return false;
		const local = this.state.todos.filter((todo) => todo.pending);
		Object.assign(this.state, { todos: this.withPending([...snapshot.todos, ...local]), stats: snapshot.stats, loaded: true, offline: true });
		return true;
	}

	/** Keeps what the view shows now (without what is still waiting to be saved) for an offline start. */
	keepSnapshot() {
		if (!this.snapshots || !this.state.loaded) return;
		const todos = this.state.todos.filter((todo) => !todo.pending);
		this.snapshots.write(this.viewKey(), { todos, stats: this.state.stats }).catch(() => {});
	}

	/** The outbox's waiting writes applied to to-dos of this scope. */
	withPending(todos) {
		if (!this.pending) return todos;
		return this.pending.applyTo(todos, (fields) => view.inScope(this.state, fields));
	}

	/** The scope's stats again; asked for while a request is under way, once more after it (a burst of writes: two requests). */
	refreshStats() {
		if (this.statsRefresh) {
			this.statsAgain = true;
			return this.statsRefresh;
		}
		this.statsRefresh = (async () => {
			do {
				this.statsAgain = false;
				try {
					this.state.stats = await this.api.stats(this.statsParams);
					this.changed();
				} catch (error) {
					this.reportedUnauthorized(error);
				}
			} while (this.statsAgain);
		})().finally(() => (this.statsRefresh = null));
		return this.statsRefresh;
	}

	/** Reloads one to-do (after an attachment change, or a conflict). */
	async refreshTodo(id) {
		try {
			this.replace(await this.api.getTodo(this.writeQueue.resolve(id)));
			this.changed();
		} catch (error) {
			if (this.reportedUnauthorized(error)) return;
			if (error.isNotFound) this.dropMissing(id);
		}
	}

	// --- changes to the list; whoever makes them announces them with changed() -----------------

	append(todo) {
		this.state.todos = [...this.state.todos, todo];
	}

	/** Puts updated in the place of the to-do with the given id; false when there is none. */
	replace(updated, id = updated.id) {
		let found = false;
		this.state.todos = this.state.todos.map((todo) => {
			if (todo.id !== id) return todo;
			found = true;
			return updated;
		});
		return found;
	}

	/** The server's answer to an optimistic create takes the place of its placeholder. */
	confirmCreated(temporaryId, created) {
		if (this.state.loading) this.createdWhileLoading.add(created.id);
		// the sync may have brought it before the create's own answer
		if (this.state.todos.some((todo) => todo.id === created.id)) this.take(temporaryId);
		const shown = this.replace(created, this.state.todos.some((todo) => todo.id === created.id) ? created.id : temporaryId);
		// sent from the outbox of an earlier visit before the first list arrived: no placeholder to
		// replace, and that list may have been read before the create; it stays for the load to keep
		if (!shown && this.state.loading && view.inScope(this.state, created)) this.state.todos = [...this.state.todos, created];
	}

	/** Takes the to-do with the given id out of the list; returns where it stood (-1: nowhere). */
	take(id) {
		const index = this.state.todos.findIndex((todo) => todo.id === id);
		this.state.todos = this.state.todos.filter((todo) => todo.id !== id);
		return index;
	}

	/** Takes a to-do the user deletes out of the list; returns where it stood. */
	takeDeleted(id) {
		if (this.state.loading) this.deletedWhileLoading.add(id);
		return this.take(id);
	}

	putBack(todo, index) {
		const todos = [...this.state.todos];
		todos.splice(Math.min(index, todos.length), 0, todo);
		this.state.todos = todos;
	}

	/** What the list shows (scope, search, order): a to-do taken out under one key goes back under the same. */
	viewKey() {
		return view.viewKey(this.state);
	}

	/**
	 * A to-do back from the trash: where it stood when the list showed what it shows now (viewKey),
	 * else it is only remembered for the load under way. False when it is not shown here.
	 */
	restored(todo, index, viewKey) {
		this.deletedWhileLoading.delete(todo.id);
		if (this.state.loading) this.createdWhileLoading.add(todo.id);
		if (viewKey !== this.viewKey()) return false;
		if (!this.replace(todo)) this.putBack(todo, index);
		return true;
	}

	/** Changes fields of a to-do here only (counters the server changes without a version). */
	amend(id, fields) {
		const todo = this.find(id);
		if (!todo) return;
		this.replace({ ...todo, ...fields });
		this.changed();
	}

	/** Drops a to-do the server no longer has, and says so. */
	dropMissing(id) {
		const todo = this.find(id);
		if (!todo) return;
		this.take(todo.id);
		this.changed();
		this.emit('notice', { message: todoGoneMessage(todo.title) });
	}
}
