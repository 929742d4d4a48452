// The steps of the to-do in the details dialog: a checklist whose items are ticked, renamed in
// place (Enter or leaving the field saves, Escape puts the title back), moved (the ↑ ↓ buttons,
// Alt+ArrowUp/Down, or drag and drop) and deleted; a field adds one with Enter. A viewer sees them
// read-only. Keyed rendering: a step being renamed keeps its field. DOM only.

import { element, showMessage, textElement } from './dom.js';

export class StepsView {
	constructor(root = document) {
		this.$section = root.querySelector('.steps');
		this.$count = this.$section.querySelector('.steps-count');
		this.$status = this.$section.querySelector('.steps-status');
		this.$list = this.$section.querySelector('.step-list');
		this.$hint = this.$section.querySelector('.steps-hint');
		this.$form = this.$section.querySelector('.new-step-form');
		this.$new = this.$section.querySelector('.new-step');
		this.$error = this.$section.querySelector('.step-error');
		this.items = new Map();
		this.readOnly = false;
		this.draggedId = null;
	}

	open({ readOnly = false } = {}) {
		this.readOnly = readOnly;
		this.items.clear();
		this.$list.replaceChildren();
		this.$form.hidden = readOnly;
		this.$hint.hidden = true;
		this.$new.value = '';
		this.$count.textContent = '';
		this.$status.textContent = 'Loading steps…';
		this.showError(null);
	}

	/** The steps in their order; problem: why they could not be loaded. */
	show(steps, problem = null) {
		const focused = document.activeElement;
		const done = steps.filter((step) => step.completed).length;
		this.$count.textContent = steps.length ? `${done}/${steps.length}` : '';
		this.$status.textContent = problem ?? (steps.length === 0 ? 'No steps yet.' : `${done} of ${steps.length} done`);
		this.$hint.hidden = this.readOnly || steps.length < 2;
		const wanted = new Set(steps.map((step) => step.id));
		for (const [id, li] of this.items) {
			if (!wanted.has(id)) {
				li.remove();
				this.items.delete(id);
			}
		}
		let previous = null;
		steps.forEach((step, index) => {
			let li = this.items.get(step.id);
			if (!li) {
				li = this.createItem(step.id);
				this.items.set(step.id, li);
			}
			this.updateItem(li, step, { first: index === 0, last: index === steps.length - 1 });
			const expected = previous ? previous.nextSibling : this.$list.firstChild;
			if (expected !== li) this.$list.insertBefore(li, expected);
			previous = li;
		});
		// moving an element in the document drops its focus: give it back
		if (focused && focused !== document.activeElement && focused.isConnected && this.$list.contains(focused)) focused.focus({ preventScroll: true });
	}

	createItem(id) {
		const li = element('li', 'step');
		li.dataset.id = id;
		const handle = textElement('span', 'step-handle', '⠿', { 'aria-hidden': 'true', title: 'Drag to move' });
		const toggle = element('input', 'step-toggle', { type: 'checkbox' });
		const title = element('input', 'step-title', { maxlength: '500', autocomplete: 'off' });
		const up = textElement('button', 'step-up button button-small button-secondary', '↑', { type: 'button' });
		const down = textElement('button', 'step-down button button-small button-secondary', '↓', { type: 'button' });
		const remove = textElement('button', 'step-delete button button-small button-secondary', 'Delete', { type: 'button' });
		li.append(handle, toggle, title, up, down, remove);
		return li;
	}

	updateItem(li, step, { first, last }) {
		li.classList.toggle('completed', Boolean(step.completed));
		li.querySelector('.step-handle').draggable = !this.readOnly;
		li.querySelector('.step-handle').hidden = this.readOnly;
		const toggle = li.querySelector('.step-toggle');
		toggle.checked = Boolean(step.completed);
		toggle.disabled = this.readOnly;
		toggle.setAttribute('aria-label', step.title);
		const title = li.querySelector('.step-title');
		title.readOnly = this.readOnly;
		title.setAttribute('aria-label', this.readOnly ? `Step: ${step.title}` : `Title of the step “${step.title}”`);
		title.dataset.saved = step.title;
		if (document.activeElement !== title) title.value = step.title;
		for (const [className, text, edge] of [['.step-up', 'up', first], ['.step-down', 'down', last]]) {
			const button = li.querySelector(className);
			button.hidden = this.readOnly;
			button.setAttribute('aria-label', `Move “${step.title}” ${text}`);
			// aria-disabled, not disabled: a button that just moved its step to the edge keeps the focus
			button.setAttribute('aria-disabled', String(edge));
		}
		const remove = li.querySelector('.step-delete');
		remove.hidden = this.readOnly;
		remove.setAttribute('aria-label', `Delete the step “${step.title}”`);
	}

	showError(message) {
		showMessage(this.$error, message);
	}

	/** After a delete: the next step's field, else the new-step field. */
	focusAfterDelete(index) {
		const rows = [...this.$list.children];
		const row = rows[Math.min(index, rows.length - 1)];
		(row ? row.querySelector('.step-title') : this.$new).focus();
	}

	bind({ onAdd, onToggle, onRename, onMove, onMoveBefore, onDelete }) {
		const stepOf = (target) => target.closest?.('li.step');
		this.$form.addEventListener('submit', async (event) => {
			event.preventDefault();
			const title = this.$new.value.trim();
			if (!title) return;
			if (await onAdd(title)) this.$new.value = '';
			this.$new.focus();
		});
		this.$list.addEventListener('change', (event) => {
			if (event.target.matches('.step-toggle')) onToggle(stepOf(event.target).dataset.id, event.target.checked);
		});
		this.$list.addEventListener('click', (event) => {
			const li = stepOf(event.target);
			if (!li || this.readOnly || event.target.getAttribute('aria-disabled') === 'true') return;
			if (event.target.matches('.step-up')) onMove(li.dataset.id, -1);
			if (event.target.matches('.step-down')) onMove(li.dataset.id, +1);
			if (event.target.matches('.step-delete')) {
				const index = [...this.$list.children].indexOf(li);
				Promise.resolve(onDelete(li.dataset.id)).then(() => this.focusAfterDelete(index));
			}
		});
		this.$list.addEventListener('keydown', (event) => {
			const li = stepOf(event.target);
			if (!li || this.readOnly) return;
			if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
				event.preventDefault();
				onMove(li.dataset.id, event.key === 'ArrowUp' ? -1 : +1);
			} else if (event.target.matches('.step-title') && event.key === 'Enter' && !event.isComposing) {
				event.preventDefault();
				event.target.blur();
				event.target.focus();
			} else if (event.target.matches('.step-title') && event.key === 'Escape') {
				// put the title back; the dialog stays open
				event.preventDefault();
				event.target.value = event.target.dataset.saved ?? '';
			}
		});
		this.$list.addEventListener('focusout', (event) => {
			if (!event.target.matches('.step-title') || this.readOnly) return;
			const title = event.target.value.trim();
			const li = stepOf(event.target);
			if (!li || !title) {
				event.target.value = event.target.dataset.saved ?? '';
				return;
			}
			if (title !== event.target.dataset.saved) onRename(li.dataset.id, title);
		});
		this.bindDragAndDrop(onMoveBefore);
	}

	bindDragAndDrop(onMoveBefore) {
		const stepOf = (target) => target.closest?.('li.step');
		this.$list.addEventListener('dragstart', (event) => {
			const li = event.target.matches?.('.step-handle') ? stepOf(event.target) : null;
			if (!li || this.readOnly) return;
			this.draggedId = li.dataset.id;
			event.dataTransfer.effectAllowed = 'move';
			event.dataTransfer.setData('text/plain', li.dataset.id);
			event.dataTransfer.setDragImage(li, 8, 8);
			li.classList.add('dragging');
		});
		this.$list.addEventListener('dragend', (event) => {
			stepOf(event.target)?.classList.remove('dragging');
			this.draggedId = null;
		});
		const targetOf = (event) => {
			const target = stepOf(event.target);
			return target && this.draggedId && target.dataset.id !== this.draggedId ? target : null;
		};
		this.$list.addEventListener('dragover', (event) => {
			if (targetOf(event)) event.preventDefault();
		});
		this.$list.addEventListener('drop', (event) => {
			const target = targetOf(event);
			if (!target) return;
			event.preventDefault();
			const items = [...this.$list.children];
			const dragged = this.items.get(this.draggedId);
			// from above it lands after the target, from below before it
			const after = items.indexOf(dragged) < items.indexOf(target);
			const before = after ? target.nextElementSibling : target;
			onMoveBefore(this.draggedId, before ? before.dataset.id : null);
		});
	}
}
