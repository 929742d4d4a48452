// The details dialog of one to-do (title, notes, due date, priority) and its files: chosen with the
// file field or dropped onto the Files section (one upload after another, each with its
// percentage). DOM only.

import { formatBytes, formatDate } from '../format.js';

export class DetailsView {
	constructor(root = document) {
		this.$dialog = root.querySelector('dialog.details');
		this.$form = this.$dialog.querySelector('.details-form');
		this.$title = this.$dialog.querySelector('#details-title');
		this.$name = this.$dialog.querySelector('.details-name');
		this.$notes = this.$dialog.querySelector('.details-notes');
		this.$due = this.$dialog.querySelector('.details-due');
		this.$priority = this.$dialog.querySelector('.details-priority');
		this.$error = this.$dialog.querySelector('.details-error');
		this.$save = this.$dialog.querySelector('.details-save');
		this.$cancel = this.$dialog.querySelector('.details-cancel');
		this.$attachmentsStatus = this.$dialog.querySelector('.attachments-status');
		this.$attachments = this.$dialog.querySelector('.attachment-list');
		this.$uploadForm = this.$dialog.querySelector('.upload-form');
		this.$file = this.$dialog.querySelector('.upload-file');
		this.$uploadStart = this.$dialog.querySelector('.upload-start');
		this.$limit = this.$dialog.querySelector('.upload-limit');
		this.$progressRow = this.$dialog.querySelector('.upload-progress-row');
		this.$progress = this.$dialog.querySelector('.upload-progress');
		this.$progressLabel = this.$dialog.querySelector('.upload-progress-label');
		this.$uploadCancel = this.$dialog.querySelector('.upload-cancel');
		this.$uploadError = this.$dialog.querySelector('.upload-error');
		this.$percent = this.$dialog.querySelector('.upload-percent');
		this.$files = this.$dialog.querySelector('.attachments');
		this.$dropHint = this.$dialog.querySelector('.attachments-drop-hint');
		this.todoId = null;
		this.returnFocus = null;
	}

	get isOpen() {
		return this.$dialog.open;
	}

	/** readOnly: a viewer's look, nothing to save, upload or delete. */
	open(todo, { maxBytes, maxPerTodo, readOnly = false }) {
		this.todoId = todo.id;
		this.readOnly = readOnly;
		this.returnFocus = document.activeElement;
		this.$title.textContent = readOnly ? 'Details (view only)' : 'Details';
		this.$name.readOnly = readOnly;
		this.$notes.readOnly = readOnly;
		this.$due.readOnly = readOnly;
		this.$priority.disabled = readOnly;
		this.$save.hidden = readOnly;
		this.$uploadForm.hidden = readOnly;
		this.$dropHint.hidden = readOnly;
		this.fill(todo);
		this.$limit.textContent = `(up to ${formatBytes(maxBytes)} each, ${maxPerTodo} per to-do)`;
		this.$file.value = '';
		this.showUploadError(null);
		this.showUploading(false);
		this.showError(null);
		this.showAttachments(null);
		if (!this.$dialog.open) this.$dialog.showModal();
		this.$name.focus();
	}

	/** Puts a to-do's current values into the form (also after a conflict reload). */
	fill(todo) {
		this.$name.value = todo.title;
		this.$notes.value = todo.notes ?? '';
		this.$due.value = todo.due_date ?? '';
		this.$priority.value = todo.priority ?? 'none';
	}

	close() {
		if (this.$dialog.open) this.$dialog.close();
	}

	values() {
		return {
			title: this.$name.value,
			notes: this.$notes.value === '' ? null : this.$notes.value,
			due_date: this.$due.value === '' ? null : this.$due.value,
			priority: this.$priority.value,
		};
	}

	showError(message) {
		this.$error.hidden = !message;
		this.$error.textContent = message ?? '';
	}

	/** null: loading; an array: the files. */
	showAttachments(attachments, problem = null) {
		this.$attachments.replaceChildren();
		if (problem) {
			this.$attachmentsStatus.textContent = problem;
			return;
		}
		if (attachments === null) {
			this.$attachmentsStatus.textContent = 'Loading files…';
			return;
		}
		this.$attachmentsStatus.textContent = attachments.length === 0 ? 'No files yet.' : `${attachments.length} ${attachments.length === 1 ? 'file' : 'files'}`;
		for (const attachment of attachments) {
			const li = document.createElement('li');
			li.className = 'attachment';
			li.dataset.id = attachment.id;
			const name = document.createElement('span');
			name.className = 'attachment-name';
			name.textContent = attachment.filename;
			const size = document.createElement('span');
			size.className = 'attachment-size';
			size.textContent = formatBytes(attachment.size_bytes);
			const added = document.createElement('time');
			added.className = 'attachment-date';
			added.dateTime = attachment.created_at ?? '';
			added.textContent = attachment.created_at ? formatDate(attachment.created_at) : '';
			const download = document.createElement('button');
			download.type = 'button';
			download.className = 'attachment-download button button-small';
			download.textContent = 'Download';
			download.setAttribute('aria-label', `Download ${attachment.filename}`);
			const remove = document.createElement('button');
			remove.type = 'button';
			remove.className = 'attachment-delete button button-small button-secondary';
			remove.textContent = 'Delete';
			remove.setAttribute('aria-label', `Delete ${attachment.filename}`);
			remove.hidden = Boolean(this.readOnly);
			li.append(name, size, added, download, remove);
			this.$attachments.append(li);
		}
	}

	showUploading(uploading, fileName = '') {
		this.$progressRow.hidden = !uploading;
		this.$uploadStart.disabled = uploading;
		this.$file.disabled = uploading;
		if (uploading) {
			this.$progress.value = 0;
			this.$percent.textContent = '0%';
			this.$progressLabel.textContent = `Uploading ${fileName}…`;
		}
	}

	showProgress(loaded, total) {
		const percent = total > 0 ? Math.round((loaded / total) * 100) : 0;
		this.$progress.value = percent;
		this.$progress.textContent = `${percent}%`;
		this.$percent.textContent = `${percent}%`;
		this.$progress.setAttribute('aria-valuetext', `${percent}%, ${formatBytes(loaded)} of ${formatBytes(total)}`);
	}

	showUploadError(message) {
		this.$uploadError.hidden = !message;
		this.$uploadError.textContent = message ?? '';
	}

	clearFile() {
		this.$file.value = '';
	}

	/**
	 * Files dropped onto the Files section are uploaded one after another, as if chosen; a drop
	 * anywhere else in the dialog, or in a viewer's, never makes the browser open the file instead.
	 */
	bindDrop(onUpload) {
		const carriesFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
		const target = (on) => this.$files.classList.toggle('drop-target', on);
		let depth = 0; // dragenter and dragleave come for every child the pointer crosses
		this.$dialog.addEventListener('dragover', (event) => {
			if (!carriesFiles(event)) return;
			event.preventDefault();
			const accepts = !this.readOnly && this.$files.contains(event.target);
			event.dataTransfer.dropEffect = accepts ? 'copy' : 'none';
		});
		this.$dialog.addEventListener('drop', (event) => {
			if (carriesFiles(event)) event.preventDefault();
		});
		this.$files.addEventListener('dragenter', (event) => {
			if (!carriesFiles(event) || this.readOnly) return;
			depth++;
			target(true);
		});
		this.$files.addEventListener('dragleave', () => {
			depth = Math.max(0, depth - 1);
			if (depth === 0) target(false);
		});
		this.$files.addEventListener('drop', async (event) => {
			depth = 0;
			target(false);
			if (!carriesFiles(event) || this.readOnly) return;
			if (this.$file.disabled) {
				this.showUploadError('One upload at a time: drop the file again once this one is done.');
				return;
			}
			const todoId = this.todoId;
			for (const file of [...event.dataTransfer.files]) {
				if (this.todoId !== todoId) return; // the dialog closed or moved on
				await onUpload(todoId, file);
			}
		});
	}

	/** Hands a downloaded blob to the browser as a file. */
	saveFile(blob, filename) {
		const url = URL.createObjectURL(blob);
		const link = document.createElement('a');
		link.href = url;
		link.download = filename;
		link.hidden = true;
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}

	bind({ onSave, onClose, onUpload, onCancelUpload, onDownload, onDeleteAttachment }) {
		this.$form.addEventListener('submit', (event) => {
			event.preventDefault();
			if (this.readOnly) return;
			if (!this.$name.value.trim()) {
				this.showError('The title must not be blank.');
				this.$name.focus();
				return;
			}
			onSave(this.todoId, this.values());
		});
		this.$cancel.addEventListener('click', () => this.close());
		this.$dialog.addEventListener('close', () => {
			onClose(this.todoId);
			this.todoId = null;
			if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
		});
		this.$uploadForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const file = this.$file.files && this.$file.files[0];
			if (!file) {
				this.showUploadError('Choose a file first.');
				this.$file.focus();
				return;
			}
			onUpload(this.todoId, file);
		});
		this.$uploadCancel.addEventListener('click', () => onCancelUpload());
		this.bindDrop(onUpload);
		this.$attachments.addEventListener('click', (event) => {
			const li = event.target.closest('li[data-id]');
			if (!li) return;
			if (event.target.matches('.attachment-download')) onDownload(this.todoId, li.dataset.id);
			if (event.target.matches('.attachment-delete')) onDeleteAttachment(this.todoId, li.dataset.id);
		});
	}
}
