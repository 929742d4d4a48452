// The controller: turns what the user does (reported by the views) into writes, store and API
// calls, and the store's state and events into view updates. No direct DOM access of its own.

import { ActivityController } from './activity-controller.js';
import { AttachmentsController } from './attachments-controller.js';
import { describeError, todoGoneMessage } from './format.js';
import { applySyncPage } from './sync-apply.js';
import { searchForView, viewFromSearch } from './view-in-url.js';
import { ListsController } from './lists-controller.js';
import { StepsController } from './steps-controller.js';
import { TrashController } from './trash-controller.js';
import { UndoableDeletes } from './undoable-deletes.js';
import { UndoOffers } from './undo.js';

export { DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_MAX_ATTACHMENTS_PER_TODO } from './attachments-controller.js';

export class Controller {
	/**
	 * @param deps.store TodoStore
	 * @param deps.writes OptimisticWrites, the user's changes to the store's to-dos
	 * @param deps.api the API client
	 * @param deps.views {todo, details, panels, shell, lists, listBar, confirm, undo, steps, trash, activity}
	 * @param deps.session {saveDraft(text), takeDraft(), signIn(), signOut()}
	 * @param deps.config GET /api/v1/config
	 * @param deps.window where hash changes happen
	 * @param deps.lists ListsStore, the caller's lists
	 * @param deps.share ShareController, the owner's share dialog
	 * @param deps.writeQueue the store's WriteQueue
	 * @param deps.undo UndoOffers (made here when not given)
	 */
	constructor({ store, writes, api, views, session, config, window, lists, share, writeQueue, undo = new UndoOffers() }) {
		Object.assign(this, { store, writes, api, views, session, window, undo });
		this.signingIn = false;
		this.shownStats = null;
		const onFailure = (message, error, retry, explanation) => this.showFailure(message, error, retry, explanation);
		const onUnauthorized = () => this.reauthenticate();
		const myId = () => this.lists.myId;
		this.deletes = new UndoableDeletes({ store, writes, api, writeQueue, undo });
		// GET /api/v1/config names the server's limits of files; the defaults are the contract's
		this.files = new AttachmentsController({ api, store, details: views.details, undo, config, onUnauthorized, onFailure: (message) => views.shell.showInfo(message) });
		this.steps = new StepsController({ api, store, view: views.steps, onUnauthorized });
		this.trash = new TrashController({ api, lists, view: views.trash, confirm: views.confirm, myId, onUnauthorized, onRestored: () => this.afterTrashChange(), onOpen: () => undo.settle() });
		this.activity = new ActivityController({ api, lists, store, view: views.activity, myId, onUnauthorized });
		this.lists = new ListsController({ lists, store, views, share, trash: this.trash, window, onChange: () => this.render(), onFailure });
	}

	async start() {
		const { todo, details, panels, shell } = this.views;
		todo.bind({
			onAdd: (title, extras = {}) => this.writes.add(title, { ...this.lists.newTodoFields(), ...extras }),
			onToggle: (id, completed) => this.writes.toggle(id, completed),
			onRename: (id, title) => this.writes.rename(id, title),
			onRemove: (id) => this.deletes.removeTodo(id),
			onToggleAll: (completed) => this.writes.toggleAll(completed),
			onClearCompleted: () => this.deletes.clearCompleted(),
			onDetails: (id) => this.openDetails(id),
		});
		details.bind({
			onSave: (id, fields) => {
				details.close();
				this.writes.saveDetails(id, fields, this.openedTodo?.id === id ? this.openedTodo : null);
			},
			onClose: () => {
				this.files.cancelUpload();
				this.steps.close();
				this.activity.refresh(); // steps and files change no stats: their events show now
			},
			onUpload: (id, file) => this.files.uploadFile(id, file),
			onCancelUpload: () => this.files.cancelUpload(),
			onDownload: (todoId, attachmentId) => this.files.download(todoId, attachmentId),
			onDeleteAttachment: (todoId, attachmentId) => this.files.delete(todoId, attachmentId),
		});
		this.steps.bind();
		this.trash.bind();
		this.undo.addEventListener('change', (event) => this.views.undo.render(event.detail && event.detail.message));
		this.views.undo.bind({
			onUndo: () => this.undo.undo(),
			onDismiss: () => this.undo.settle(),
			onLeave: () => this.undo.settle({ leaving: true }),
		});
		panels.bind({
			onSearch: (query) => this.setView({ query }),
			onSort: (sort, order) => this.setView({ sort, order }),
		});
		// a reload keeps the search and order (the first load of the list uses them)
		Object.assign(this.store.state, viewFromSearch(this.window.location?.search ?? ''));
		shell.bind({
			onSignOut: () => this.session.signOut(),
			onRetry: (retry) => retry(),
		});

		const on = (type, listener) => this.store.addEventListener(type, (event) => listener(event.detail));
		on('change', () => this.changed());
		on('failure', ({ error, message, retry }) => {
			if (error && error.code === 'LIST_NOT_FOUND') this.lists.listGone();
			else this.showFailure(message, error, retry, describeError(error), this.views.outbox);
		});
		on('choice', (choice) => this.views.outbox?.addChoice(choice));
		on('conflict', ({ todo: latest, message }) => {
			shell.showInfo(message);
			if (details.isOpen && details.todoId === latest.id) details.fill(latest);
		});
		on('notice', ({ message }) => shell.showInfo(message));
		on('unauthorized', ({ draft }) => this.reauthenticate(draft));

		const draft = this.session.takeDraft();
		if (draft) todo.newTodoText = draft;
		shell.showPage('list');
		todo.focusNewTodo();
		this.render();
		await Promise.all([this.lists.start(), this.showWhoAmI()]);
	}

	/**
	 * The store changed: re-render. Stats replacing earlier ones of the same list mean a write was
	 * saved, so the lists' counts moved too (a list's first stats come with the lists just read).
	 */
	changed() {
		this.render();
		this.keepSnapshotSoon();
		const { stats } = this.store.state;
		if (stats && this.shownStats && stats !== this.shownStats) {
			this.lists.loadLists();
			this.activity.refresh();
		}
		this.shownStats = stats;
	}

	/** The list shown is kept in the browser for an offline start, at most every half second. */
	keepSnapshotSoon() {
		if (this.snapshotTimer) return;
		this.snapshotTimer = setTimeout(() => {
			this.snapshotTimer = null;
			if (!this.store.state.loading && !this.store.state.offline) this.store.keepSnapshot();
		}, 500);
	}

	/**
	 * A page of the sync: the to-dos shown follow it (or are reloaded), the lists too when one of
	 * them changed; a to-do open in the details dialog that went is closed with a notice.
	 */
	async applySync(page) {
		const { gone, reload, changed } = applySyncPage(this.store, page);
		const details = this.views.details;
		const open = details.isOpen && gone.find((todo) => todo.id === details.todoId);
		if (open) {
			details.close();
			this.views.shell.showInfo(todoGoneMessage(open.title));
		}
		if (changed) this.store.changed();
		if (reload) await this.store.load();
		else if (changed) this.store.refreshStats();
		const removedLists = (page.removed ?? []).filter((entry) => entry.type === 'list').map((entry) => entry.id);
		if (removedLists.includes(this.lists.selectedList?.id)) await this.lists.listGone();
		else if ((page.lists ?? []).length > 0 || removedLists.length > 0) await this.lists.loadLists();
	}

	/** To-dos came back from the trash: the list shown, its counts and its activity follow. */
	async afterTrashChange() {
		await this.store.load();
		this.lists.loadLists();
	}

	render() {
		const store = this.store;
		const state = store.state;
		this.views.todo.render({
			todos: state.todos,
			visible: store.visibleTodos,
			activeCount: this.listActiveCount(),
			completedCount: store.completedCount,
			allCompleted: store.allCompleted,
			filter: state.filter,
			loading: state.loading,
			loaded: state.loaded,
			...this.lists.todoViewOptions(),
		});
		this.views.panels.render({
			query: state.query,
			sort: state.sort,
			order: state.order,
			count: state.todos.length,
			loading: state.loading,
			stats: state.stats,
		});
		this.activity.show(this.lists.selectedList);
	}

	/** A new search or order: loaded, and written into the address (without a history entry). */
	async setView(view) {
		await this.store.setView(view);
		const location = this.window.location;
		const search = searchForView(this.store.state);
		if (location && location.search !== search && this.window.history) {
			this.window.history.replaceState(null, '', location.pathname + search + location.hash);
		}
	}

	/** "3 items left" counts the list, not a search in it (the server's stats of the list). */
	listActiveCount() {
		const { query, stats, scope } = this.store.state;
		return query && stats && scope.due.length === 0 ? stats.active : this.store.activeCount;
	}

	async showWhoAmI() {
		try {
			const me = await this.api.me();
			this.views.shell.showUser(me.name || me.email || me.id);
			this.lists.setMe(me.id);
		} catch (error) {
			if (error.needsSignIn) this.reauthenticate();
			// otherwise the list's own error tells the story; the name is a nicety
		}
	}

	/** explanation: what the error means here, when describeError's general words say too little. */
	showFailure(message, error, retry, explanation = describeError(error), where = this.views.shell) {
		if (error && error.needsSignIn) return this.reauthenticate();
		// the same request again cannot succeed when the account may not write or the input is refused
		const hopeless = !retry || (error && (error.code === 'FORBIDDEN' || error.status === 400 || error.status === 413));
		const target = where && where !== this.views.shell ? { showError: (shown) => where.addFailure(shown) } : this.views.shell;
		target.showError({
			message: `${message} ${explanation}`,
			requestId: error && error.status ? error.requestId : null,
			retry: hopeless ? null : retry,
		});
	}

	/** 401/403 from the API: keep what the user typed, then sign in again. */
	reauthenticate(draft = null) {
		const typed = this.signingIn ? null : this.views.todo.newTodoText;
		// a refused create may answer after another request already started the sign-in
		const text = [this.savedDraft, draft, typed].filter((part) => part && part.trim()).join(' ');
		if (text && text !== this.savedDraft) this.session.saveDraft(text);
		this.savedDraft = text || null;
		if (this.signingIn) return;
		this.signingIn = true;
		this.session.signIn();
	}

	// --- details, its steps and files ---------------------------------------------------------

	openDetails(id) {
		const todo = this.store.find(id);
		if (!todo || todo.pending) return;
		const readOnly = !this.lists.todoViewOptions().canEdit(todo);
		this.openedTodo = todo; // what the user edits against (saveDetails)
		this.views.details.open(todo, { ...this.files.limits, readOnly });
		this.steps.open(todo, { readOnly });
		this.files.opened(todo.id);
	}
}
