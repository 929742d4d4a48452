// The sidebar (a menu on narrow screens): the due-date views, the caller's own lists, the lists
// shared with them (marked with their owner), each with its count of active to-dos; a field for a
// new list. Lists move by drag and drop or Alt+ArrowUp/Down. DOM only.

import { hashForRoute } from '../router.js';
import { element, showMessage, textElement } from './dom.js';

export class ListsView {
	constructor(root = document) {
		this.$sidebar = root.querySelector('.sidebar');
		this.$toggle = root.querySelector('.lists-toggle');
		this.$own = root.querySelector('.own-lists');
		this.$shared = root.querySelector('.shared-lists');
		this.$sharedLabel = root.querySelector('#shared-lists-label');
		this.$viewLinks = [...root.querySelectorAll('.view-link')];
		this.$form = root.querySelector('.new-list-form');
		this.$name = root.querySelector('.new-list');
		this.$error = root.querySelector('.lists-error');
		this.draggedId = null;
	}

	/**
	 * @param view.own, view.shared the lists, in the order shown
	 * @param view.selectedListId the list shown (null in a due-date view)
	 * @param view.smart the due-date view shown ('today', 'upcoming') or null
	 */
	render({ own, shared, selectedListId, smart }) {
		const focusedId = document.activeElement?.closest?.('.list-links li')?.dataset.id;
		this.renderGroup(this.$own, own, selectedListId);
		this.renderGroup(this.$shared, shared, selectedListId);
		this.$shared.hidden = shared.length === 0;
		this.$sharedLabel.hidden = shared.length === 0;
		for (const link of this.$viewLinks) markCurrent(link, link.dataset.smart === smart);
		if (focusedId) this.$sidebar.querySelector(`li[data-id="${CSS.escape(focusedId)}"] .list-link`)?.focus();
	}

	renderGroup(ul, lists, selectedListId) {
		ul.replaceChildren(
			...lists.map((list) => {
				const li = element('li', 'list-item', { draggable: 'true' });
				li.dataset.id = list.id;
				const href = list.is_default ? '#/' : hashForRoute({ listId: list.id });
				const link = element('a', 'list-link', { href, 'aria-describedby': 'lists-hint' });
				link.append(textElement('span', 'list-name', list.name));
				if (list.role !== 'owner') link.append(textElement('span', 'list-owner', ownerName(list)));
				const count = textElement('span', 'list-count', String(list.active_count ?? 0));
				link.append(count, textElement('span', 'visually-hidden', ` (${list.active_count ?? 0} active)`));
				count.setAttribute('aria-hidden', 'true');
				markCurrent(link, list.id === selectedListId);
				li.append(link);
				return li;
			}),
		);
	}

	closeMenu() {
		this.$sidebar.classList.remove('open');
		this.$toggle.setAttribute('aria-expanded', 'false');
	}

	showError(message) {
		showMessage(this.$error, message);
	}

	bind({ onCreate, onMove, onMoveBefore }) {
		this.$toggle.addEventListener('click', () => {
			const open = !this.$sidebar.classList.contains('open');
			this.$sidebar.classList.toggle('open', open);
			this.$toggle.setAttribute('aria-expanded', String(open));
		});
		this.$sidebar.addEventListener('click', (event) => {
			if (event.target.closest('a')) this.closeMenu();
		});
		this.$form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const name = this.$name.value.trim();
			if (!name) return;
			if (await onCreate(name)) this.$name.value = '';
		});
		this.$sidebar.addEventListener('keydown', (event) => {
			const li = event.target.closest('.list-links li');
			if (!li || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
			event.preventDefault();
			onMove(li.dataset.id, event.key === 'ArrowUp' ? -1 : +1);
		});
		this.bindDragAndDrop(onMoveBefore);
	}

	bindDragAndDrop(onMoveBefore) {
		const itemOf = (target) => target.closest?.('.list-links li');
		this.$sidebar.addEventListener('dragstart', (event) => {
			const li = itemOf(event.target);
			if (!li) return;
			this.draggedId = li.dataset.id;
			event.dataTransfer.effectAllowed = 'move';
			event.dataTransfer.setData('text/plain', li.dataset.id);
			li.classList.add('dragging');
		});
		this.$sidebar.addEventListener('dragend', (event) => {
			itemOf(event.target)?.classList.remove('dragging');
			this.draggedId = null;
		});
		const targetOf = (event) => {
			const target = itemOf(event.target);
			const dragged = this.draggedId && this.$sidebar.querySelector(`li[data-id="${CSS.escape(this.draggedId)}"]`);
			return target && dragged && target !== dragged && target.parentElement === dragged.parentElement ? { target, dragged } : null;
		};
		this.$sidebar.addEventListener('dragover', (event) => {
			if (targetOf(event)) event.preventDefault();
		});
		this.$sidebar.addEventListener('drop', (event) => {
			const found = targetOf(event);
			if (!found) return;
			event.preventDefault();
			const { target, dragged } = found;
			const items = [...target.parentElement.children];
			// from above it lands after the target, from below before it
			const after = items.indexOf(dragged) < items.indexOf(target);
			const before = after ? target.nextElementSibling : target;
			onMoveBefore(dragged.dataset.id, before ? before.dataset.id : null);
		});
	}
}

function ownerName(list) {
	const owner = list.owner || {};
	return owner.name || owner.email || owner.id || '';
}

function markCurrent(link, current) {
	if (current) link.setAttribute('aria-current', 'page');
	else link.removeAttribute('aria-current');
	link.classList.toggle('selected', current);
}
