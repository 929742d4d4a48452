// The controller: turns what the user does (reported by the views) into writes, store and API
// calls, and the store's state and events into view updates. No direct DOM access of its own.

import { describeError, formatBytes } from './format.js';
import { ListsController } from './lists-controller.js';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_ATTACHMENTS_PER_TODO = 20;

export class Controller {
	/**
	 * @param deps.store TodoStore
	 * @param deps.writes OptimisticWrites, the user's changes to the store's to-dos
	 * @param deps.api the API client
	 * @param deps.views {todo, details, panels, shell, lists, listBar, confirm}
	 * @param deps.session {saveDraft(text), takeDraft(), signIn(), signOut()}
	 * @param deps.config GET /api/v1/config
	 * @param deps.window where hash changes happen
	 * @param deps.lists ListsStore, the caller's lists
	 * @param deps.share ShareController, the owner's share dialog
	 */
	constructor({ store, writes, api, views, session, config, window, lists, share }) {
		this.store = store;
		this.writes = writes;
		this.api = api;
		this.views = views;
		this.session = session;
		this.window = window;
		// GET /api/v1/config names the server's limits; the defaults are the contract's
		const limits = (config && config.attachments) || {};
		this.maxBytes = limits.max_bytes || DEFAULT_MAX_ATTACHMENT_BYTES;
		this.maxPerTodo = limits.max_per_todo || DEFAULT_MAX_ATTACHMENTS_PER_TODO;
		this.attachments = [];
		this.upload = null;
		this.signingIn = false;
		this.shownStats = null;
		this.lists = new ListsController({
			lists,
			store,
			views,
			share,
			window,
			onChange: () => this.render(),
			onFailure: (message, error, retry, explanation) => this.showFailure(message, error, retry, explanation),
		});
	}

	async start() {
		const { todo, details, panels, shell } = this.views;
		todo.bind({
			onAdd: (title) => this.writes.add(title, this.lists.newTodoFields()),
			onToggle: (id, completed) => this.writes.toggle(id, completed),
			onRename: (id, title) => this.writes.rename(id, title),
			onRemove: (id) => this.writes.remove(id),
			onToggleAll: (completed) => this.writes.toggleAll(completed),
			onClearCompleted: () => this.writes.clearCompleted(),
			onDetails: (id) => this.openDetails(id),
		});
		details.bind({
			onSave: (id, fields) => {
				details.close();
				this.writes.saveDetails(id, fields);
			},
			onClose: () => this.cancelUpload(),
			onUpload: (id, file) => this.uploadFile(id, file),
			onCancelUpload: () => this.cancelUpload(),
			onDownload: (todoId, attachmentId) => this.download(todoId, attachmentId),
			onDeleteAttachment: (todoId, attachmentId) => this.deleteAttachment(todoId, attachmentId),
		});
		panels.bind({
			onSearch: (query) => this.store.setView({ query }),
			onSort: (sort, order) => this.store.setView({ sort, order }),
		});
		shell.bind({
			onSignOut: () => this.session.signOut(),
			onRetry: (retry) => retry(),
		});

		const on = (type, listener) => this.store.addEventListener(type, (event) => listener(event.detail));
		on('change', () => this.changed());
		on('failure', ({ error, message, retry }) => {
			if (error && error.code === 'LIST_NOT_FOUND') this.lists.listGone();
			else this.showFailure(message, error, retry);
		});
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
		const { stats } = this.store.state;
		if (stats && this.shownStats && stats !== this.shownStats) this.lists.loadLists();
		this.shownStats = stats;
	}

	render() {
		const store = this.store;
		const state = store.state;
		this.views.todo.render({
			todos: state.todos,
			visible: store.visibleTodos,
			activeCount: store.activeCount,
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
	showFailure(message, error, retry, explanation = describeError(error)) {
		if (error && error.needsSignIn) return this.reauthenticate();
		// the same request again cannot succeed when the account may not write or the input is refused
		const hopeless = !retry || (error && (error.code === 'FORBIDDEN' || error.status === 400 || error.status === 413));
		this.views.shell.showError({
			message: `${message} ${explanation}`,
			requestId: error && error.status ? error.requestId : null,
			retry: hopeless ? null : retry,
		});
	}

	/** 401/403 from the API: keep what the user typed, then sign in again. */
	reauthenticate(draft = null) {
		if (this.signingIn) return;
		this.signingIn = true;
		const typed = this.views.todo.newTodoText;
		const text = [draft, typed].filter((part) => part && part.trim()).join(' ');
		if (text) this.session.saveDraft(text);
		this.session.signIn();
	}

	// --- details and attachments --------------------------------------------------------------

	openDetails(id) {
		const todo = this.store.find(id);
		if (!todo || todo.pending) return;
		this.attachments = [];
		const readOnly = !this.lists.todoViewOptions().canEdit(todo);
		this.views.details.open(todo, { maxBytes: this.maxBytes, maxPerTodo: this.maxPerTodo, readOnly });
		this.loadAttachments(todo.id);
	}

	async loadAttachments(todoId) {
		const details = this.views.details;
		try {
			const attachments = await this.api.listAttachments(todoId);
			if (details.todoId === todoId) {
				this.attachments = attachments;
				details.showAttachments(attachments);
			}
		} catch (error) {
			if (error.needsSignIn) return this.reauthenticate();
			if (details.todoId === todoId) details.showAttachments([], `The files could not be loaded. ${describeError(error)}`);
		}
	}

	async uploadFile(todoId, file) {
		const details = this.views.details;
		details.showUploadError(null);
		if (file.size > this.maxBytes) {
			details.showUploadError(`“${file.name}” is ${formatBytes(file.size)}; files may be at most ${formatBytes(this.maxBytes)}.`);
			return;
		}
		if (this.attachments.length >= this.maxPerTodo) {
			details.showUploadError(`A to-do holds at most ${this.maxPerTodo} files; delete one to add “${file.name}”.`);
			return;
		}
		details.showUploading(true, file.name);
		const upload = this.api.uploadAttachment(todoId, file, (loaded, total) => details.showProgress(loaded, total));
		this.upload = upload;
		try {
			await upload.promise;
			details.showProgress(file.size, file.size);
			details.clearFile();
			await this.loadAttachments(todoId);
			this.store.refreshTodo(todoId);
		} catch (error) {
			if (error.needsSignIn) return this.reauthenticate();
			if (error.code !== 'ABORTED') {
				const reference = error.requestId && error.status ? ` (reference ${error.requestId})` : '';
				details.showUploadError(`“${file.name}” was not uploaded. ${describeError(error)}${reference}`);
			}
		} finally {
			if (this.upload === upload) this.upload = null;
			details.showUploading(false);
		}
	}

	cancelUpload() {
		if (this.upload) this.upload.abort();
	}

	async download(todoId, attachmentId) {
		const attachment = (this.attachments || []).find((item) => item.id === attachmentId);
		try {
			const blob = await this.api.downloadAttachment(todoId, attachmentId);
			this.views.details.saveFile(blob, attachment ? attachment.filename : 'download');
		} catch (error) {
			if (error.needsSignIn) return this.reauthenticate();
			this.views.details.showUploadError(`The file could not be downloaded. ${describeError(error)}`);
		}
	}

	async deleteAttachment(todoId, attachmentId) {
		try {
			await this.api.deleteAttachment(todoId, attachmentId);
		} catch (error) {
			if (error.needsSignIn) return this.reauthenticate();
			if (!error.isNotFound) {
				this.views.details.showUploadError(`The file could not be deleted. ${describeError(error)}`);
				return;
			}
		}
		await this.loadAttachments(todoId);
		this.store.refreshTodo(todoId);
	}
}
