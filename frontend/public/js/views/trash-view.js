// The trash dialog of a list: its deleted to-dos (most recent first, when and by whom), each with
// Restore and Delete for good; Show more pages on; Empty trash. A native modal <dialog>. DOM only.

import { deletedLine, trashSummary } from '../format-trash.js';
import { element, showMessage, textElement } from './dom.js';

export class TrashView {
	constructor(root = document) {
		this.$dialog = root.querySelector('dialog.trash');
		this.$title = this.$dialog.querySelector('#trash-title');
		this.$status = this.$dialog.querySelector('.trash-status');
		this.$list = this.$dialog.querySelector('.trash-list');
		this.$more = this.$dialog.querySelector('.trash-more');
		this.$error = this.$dialog.querySelector('.trash-error');
		this.$empty = this.$dialog.querySelector('.trash-empty');
		this.$close = this.$dialog.querySelector('.trash-close');
		this.returnFocus = null;
	}

	get isOpen() {
		return this.$dialog.open;
	}

	open(listName) {
		this.returnFocus = document.activeElement;
		this.$title.textContent = `Trash of “${listName}”`;
		this.$list.replaceChildren();
		this.$status.textContent = 'Loading the trash…';
		this.$more.hidden = true;
		this.$empty.hidden = true;
		this.showError(null);
		if (!this.$dialog.open) this.$dialog.showModal();
		this.$close.focus();
	}

	/**
	 * @param items the trashed to-dos shown
	 * @param view.total how many the trash holds; view.more whether another page follows
	 * @param view.deletedBy (todo) => who deleted it, or null
	 * @param view.status what just happened, said instead of the summary
	 */
	show(items, { total, more, deletedBy, status = null }) {
		const focused = this.focusedAction();
		const now = Date.now();
		this.$list.replaceChildren(
			...items.map((todo) => {
				const li = element('li', 'trash-item');
				li.dataset.id = todo.id;
				const what = element('div', 'trash-what');
				what.append(textElement('span', 'trash-title', todo.title), textElement('span', 'trash-when', deletedLine(todo, deletedBy(todo), now)));
				const restore = textElement('button', 'trash-restore button button-small', 'Restore', { type: 'button', 'aria-label': `Restore “${todo.title}”` });
				const purge = textElement('button', 'trash-purge button button-small button-secondary', 'Delete for good', { type: 'button', 'aria-label': `Delete for good “${todo.title}”` });
				li.append(what, restore, purge);
				return li;
			}),
		);
		this.$status.textContent = status ? `${status} ${trashSummary(total)}` : trashSummary(total);
		this.$more.hidden = !more;
		this.$empty.hidden = total === 0;
		if (focused) this.refocus(focused);
	}

	/** Which action of which row had the focus (its row may go). */
	focusedAction() {
		const active = document.activeElement;
		const li = active && this.$list.contains(active) ? active.closest('li') : null;
		if (!li) return null;
		return { index: [...this.$list.children].indexOf(li), className: active.classList.contains('trash-restore') ? 'trash-restore' : 'trash-purge' };
	}

	/** Focus stays on the same action of the same row, else of the row now in its place, else on Close. */
	refocus({ index, className }) {
		const rows = this.$list.children;
		const row = rows[Math.min(index, rows.length - 1)];
		(row ? row.querySelector(`.${className}`) : this.$close).focus();
	}

	showError(message) {
		showMessage(this.$error, message);
	}

	close() {
		if (this.$dialog.open) this.$dialog.close();
	}

	bind({ onRestore, onDeleteForGood, onEmpty, onMore, onClose }) {
		this.$list.addEventListener('click', (event) => {
			const li = event.target.closest('li[data-id]');
			if (!li) return;
			if (event.target.matches('.trash-restore')) onRestore(li.dataset.id);
			if (event.target.matches('.trash-purge')) onDeleteForGood(li.dataset.id);
		});
		this.$more.addEventListener('click', () => onMore());
		this.$empty.addEventListener('click', () => onEmpty());
		this.$close.addEventListener('click', () => this.close());
		this.$dialog.addEventListener('close', () => {
			onClose();
			if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
		});
	}
}
