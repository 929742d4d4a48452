// The files of the to-do open in the details dialog: list, upload with progress (within the
// server's limits), download, and delete with "Deleted · Undo". Files have no trash on the server,
// so a delete is only sent once its undo notice has gone (expired, dismissed, replaced, or the page
// hidden or left); until then the file is hidden here, and Undo simply shows it again. No DOM.

import { describeError, formatBytes } from './format.js';
import { fileDeletedMessage, fileDeleteFailedMessage } from './format-trash.js';

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_ATTACHMENTS_PER_TODO = 20;

export class AttachmentsController {
	/**
	 * @param deps.api the API client
	 * @param deps.store TodoStore (attachment_count of the to-dos)
	 * @param deps.details DetailsView
	 * @param deps.undo UndoOffers
	 * @param deps.config GET /api/v1/config, which may name the server's limits
	 * @param deps.onUnauthorized () => sign in again
	 * @param deps.onFailure (message) for what the user must hear about once the dialog is closed
	 */
	constructor({ api, store, details, undo, config, onUnauthorized, onFailure }) {
		Object.assign(this, { api, store, details, undo, onUnauthorized, onFailure });
		const limits = (config && config.attachments) || {};
		this.maxBytes = limits.max_bytes || DEFAULT_MAX_ATTACHMENT_BYTES;
		this.maxPerTodo = limits.max_per_todo || DEFAULT_MAX_ATTACHMENTS_PER_TODO;
		this.attachments = [];
		this.upload = null;
		this.waitingDeletes = new Set(); // attachment ids whose delete waits for its notice to go
		this.sending = new Set(); // deletes under way
	}

	get limits() {
		return { maxBytes: this.maxBytes, maxPerTodo: this.maxPerTodo };
	}

	opened(todoId) {
		this.attachments = [];
		return this.load(todoId);
	}

	async load(todoId) {
		const details = this.details;
		try {
			const attachments = (await this.api.listAttachments(todoId)).filter((each) => !this.waitingDeletes.has(each.id));
			if (details.todoId === todoId) {
				this.attachments = attachments;
				details.showAttachments(attachments);
			}
		} catch (error) {
			if (error.needsSignIn) return this.onUnauthorized();
			if (details.todoId === todoId) details.showAttachments([], `The files could not be loaded. ${describeError(error)}`);
		}
	}

	async uploadFile(todoId, file) {
		const details = this.details;
		details.showUploadError(null);
		if (file.size > this.maxBytes) {
			details.showUploadError(`“${file.name}” is ${formatBytes(file.size)}; files may be at most ${formatBytes(this.maxBytes)}.`);
			return;
		}
		if (this.attachments.length >= this.maxPerTodo) {
			details.showUploadError(`A to-do holds at most ${this.maxPerTodo} files; delete one to add “${file.name}”.`);
			return;
		}
		await this.sendWaitingDeletes(); // a file deleted a moment ago still counts on the server
		details.showUploading(true, file.name);
		const upload = this.api.uploadAttachment(todoId, file, (loaded, total) => details.showProgress(loaded, total));
		this.upload = upload;
		try {
			await upload.promise;
			details.showProgress(file.size, file.size);
			details.clearFile();
			await this.load(todoId);
			this.store.refreshTodo(todoId);
		} catch (error) {
			if (error.needsSignIn) return this.onUnauthorized();
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
		const attachment = this.attachments.find((item) => item.id === attachmentId);
		try {
			const blob = await this.api.downloadAttachment(todoId, attachmentId);
			this.details.saveFile(blob, attachment ? attachment.filename : 'download');
		} catch (error) {
			if (error.needsSignIn) return this.onUnauthorized();
			this.details.showUploadError(`The file could not be downloaded. ${describeError(error)}`);
		}
	}

	/** Hides the file at once and offers Undo; the delete itself is sent when the notice goes. */
	delete(todoId, attachmentId) {
		const attachment = this.attachments.find((item) => item.id === attachmentId);
		if (!attachment) return;
		this.waitingDeletes.add(attachmentId);
		this.showWithout(todoId, attachmentId, -1);
		this.undo.offer({
			message: fileDeletedMessage(attachment.filename),
			undo: () => {
				this.waitingDeletes.delete(attachmentId);
				this.showWithout(todoId, null, +1);
				if (this.details.todoId === todoId) this.load(todoId);
			},
			commit: ({ leaving = false } = {}) => this.send(todoId, attachment, leaving),
		});
	}

	/** The dialog's list without a file, and the to-do's count of files moved by `step`. */
	showWithout(todoId, attachmentId, step) {
		if (attachmentId && this.details.todoId === todoId) {
			this.attachments = this.attachments.filter((item) => item.id !== attachmentId);
			this.details.showAttachments(this.attachments);
		}
		const todo = this.store.find(todoId);
		if (todo) this.store.amend(todo.id, { attachment_count: Math.max(0, (todo.attachment_count ?? 0) + step) });
	}

	async send(todoId, attachment, leaving) {
		const sending = this.deleteNow(todoId, attachment, leaving);
		this.sending.add(sending);
		try {
			await sending;
		} finally {
			this.sending.delete(sending);
		}
	}

	async deleteNow(todoId, attachment, leaving) {
		try {
			await this.api.deleteAttachment(todoId, attachment.id, { keepalive: leaving });
		} catch (error) {
			if (error.needsSignIn) return this.onUnauthorized();
			if (!error.isNotFound) {
				const message = fileDeleteFailedMessage(attachment.filename, error);
				if (this.details.todoId === todoId) this.details.showUploadError(message);
				else this.onFailure(message, error);
			}
		} finally {
			this.waitingDeletes.delete(attachment.id);
		}
		if (leaving) return;
		if (this.details.todoId === todoId) await this.load(todoId);
		this.store.refreshTodo(todoId);
	}

	/** Sends the delete that waits for its notice now, and resolves once every delete has been answered. */
	async sendWaitingDeletes() {
		if (this.waitingDeletes.size > 0) this.undo.settle();
		await Promise.all([...this.sending]);
	}
}
