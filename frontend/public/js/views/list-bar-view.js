// The head of the list shown: its name, whose it is and who it is shared with, and what the caller
// may do with it (rename, share, delete: the owner; leave: a member; its trash: an editor). DOM only.

import { sharingSummary, smartViewSummary, SMART_VIEW_NAMES } from '../format-lists.js';

export class ListBarView {
	constructor(root = document) {
		this.$title = root.querySelector('.list-title');
		this.$sharing = root.querySelector('.list-sharing');
		this.$actions = root.querySelector('.list-actions');
		this.$rename = root.querySelector('.list-rename');
		this.$share = root.querySelector('.list-share');
		this.$delete = root.querySelector('.list-delete');
		this.$leave = root.querySelector('.list-leave');
		this.$trash = root.querySelector('.list-trash');
		this.$renameForm = root.querySelector('.rename-form');
		this.$renameInput = root.querySelector('.rename-list');
		this.$renameCancel = root.querySelector('.rename-cancel');
		this.listName = '';
	}

	/**
	 * @param view.list the list shown (null in a due-date view); view.smart the due-date view
	 * @param view.canEdit whether the caller may change the list's to-dos (and so see its trash)
	 */
	render({ list, smart, canEdit = false }) {
		const owned = Boolean(list && list.role === 'owner');
		const manageable = owned && !list.is_default;
		this.listName = list ? list.name : '';
		this.$title.textContent = list ? list.name : SMART_VIEW_NAMES[smart] ?? '';
		const summary = list ? sharingSummary(list) : smartViewSummary(smart);
		this.$sharing.textContent = summary;
		this.$sharing.hidden = !summary;
		this.$rename.hidden = !manageable;
		this.$share.hidden = !manageable;
		this.$delete.hidden = !manageable;
		this.$leave.hidden = !list || owned || list.role === 'admin';
		this.$trash.hidden = !list || !canEdit;
		for (const button of [this.$rename, this.$share, this.$delete, this.$leave]) {
			button.setAttribute('aria-label', `${button.textContent} “${this.listName}”`);
		}
		this.$trash.setAttribute('aria-label', `Trash of “${this.listName}”`);
		if (!manageable) this.stopRenaming();
	}

	startRenaming() {
		this.$renameForm.hidden = false;
		this.$title.hidden = true;
		this.$actions.hidden = true;
		this.$renameInput.value = this.listName;
		this.$renameInput.focus();
		this.$renameInput.select();
	}

	stopRenaming({ focus = false } = {}) {
		if (this.$renameForm.hidden) return;
		this.$renameForm.hidden = true;
		this.$title.hidden = false;
		this.$actions.hidden = false;
		if (focus) this.$rename.focus();
	}

	focusShare() {
		this.$share.focus();
	}

	bind({ onRename, onShare, onDelete, onLeave, onTrash }) {
		this.$rename.addEventListener('click', () => this.startRenaming());
		this.$renameCancel.addEventListener('click', () => this.stopRenaming({ focus: true }));
		this.$renameForm.addEventListener('keydown', (event) => {
			if (event.key === 'Escape') this.stopRenaming({ focus: true });
		});
		this.$renameForm.addEventListener('submit', async (event) => {
			event.preventDefault();
			const name = this.$renameInput.value.trim();
			if (!name) return;
			if (await onRename(name)) this.stopRenaming({ focus: true });
		});
		this.$share.addEventListener('click', () => onShare());
		this.$delete.addEventListener('click', () => onDelete());
		this.$leave.addEventListener('click', () => onLeave());
		this.$trash.addEventListener('click', () => onTrash());
	}
}
