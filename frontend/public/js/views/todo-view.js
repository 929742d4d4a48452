// The TodoMVC part of the page: new-to-do field, list, toggle-all, counter, filters, clear
// completed. DOM only: it renders what it is given and reports what the user does. User text is
// only ever set with textContent.

import { dueState, formatDue, itemsLeftWord, todayIn } from '../format.js';
import { peopleLine } from '../format-lists.js';
import { element, textElement } from './dom.js';

const ENTER_KEY = 'Enter';
const ESCAPE_KEY = 'Escape';
const DEFAULT_PLACEHOLDER = 'What needs to be done?';

const FILTER_HASHES = Object.freeze({ all: '#/', active: '#/active', completed: '#/completed' });

const PRIORITY_TEXT = { low: 'Low priority', medium: 'Medium priority', high: 'High priority' };

const stepsDoneText = (todo) => `${todo.steps_completed ?? 0} of ${todo.step_count} ${todo.step_count === 1 ? 'step' : 'steps'} done`;

export class TodoView {
	constructor(root = document) {
		this.root = root;
		this.$newTodo = root.querySelector('.new-todo');
		this.$newTodoExtras = root.querySelector('.new-todo-extras');
		this.$newTodoDue = root.querySelector('.new-todo-due');
		this.$newTodoPriority = root.querySelector('.new-todo-priority');
		this.$main = root.querySelector('.main');
		this.$footer = root.querySelector('.footer');
		this.$list = root.querySelector('.todo-list');
		this.$toggleAll = root.querySelector('.toggle-all');
		this.$toggleAllLabel = root.querySelector('label[for="toggle-all"]');
		this.$count = root.querySelector('.todo-count');
		this.$clearCompleted = root.querySelector('.clear-completed');
		this.$filters = root.querySelector('.filters');
		this.$loading = root.querySelector('.loading');
		this.items = new Map();
		this.editingId = null;
	}

	focusNewTodo() {
		this.$newTodo.focus();
	}

	get newTodoText() {
		return this.$newTodo.value;
	}

	set newTodoText(text) {
		this.$newTodo.value = text;
	}

	/**
	 * @param view {{todos, visible, activeCount, completedCount, allCompleted, filter, loading, loaded}}
	 * @param view.filterHashes the hash of each filter link ({all, active, completed}) for the list shown
	 * @param view.canAdd whether the new-to-do field shows (not for a viewer)
	 * @param view.bulk whether toggle-all and clear completed apply (one list the caller may change)
	 * @param view.canEdit (todo) => whether the caller may change it (false: shown read-only)
	 * @param view.people (todo) => {createdBy, completedBy} names in a shared list, else null
	 * @param view.placeholder the new-to-do field's hint
	 */
	render(view) {
		const { todos, visible, activeCount, completedCount, allCompleted, filter, loading, loaded } = view;
		const { filterHashes = FILTER_HASHES, canAdd = true, bulk = true, canEdit = () => true, people = () => null } = view;
		this.$newTodo.hidden = !canAdd;
		if (this.$newTodoExtras) this.$newTodoExtras.hidden = !canAdd;
		this.$newTodo.placeholder = view.placeholder || DEFAULT_PLACEHOLDER;
		const empty = todos.length === 0;
		this.$toggleAll.hidden = !bulk || empty;
		this.$toggleAllLabel.hidden = !bulk || empty;
		this.$loading.hidden = !(loading && !loaded);
		this.$list.setAttribute('aria-busy', String(Boolean(loading)));
		this.$main.hidden = empty;
		this.$footer.hidden = empty;
		this.$toggleAll.checked = allCompleted;
		this.renderCount(activeCount);
		this.$clearCompleted.hidden = !bulk || completedCount === 0;
		for (const link of this.$filters.querySelectorAll('a')) {
			link.setAttribute('href', filterHashes[link.dataset.filter]);
			const selected = link.dataset.filter === filter;
			link.classList.toggle('selected', selected);
			if (selected) link.setAttribute('aria-current', 'page');
			else link.removeAttribute('aria-current');
		}
		this.renderItems(visible, { canEdit, people });
	}

	renderCount(activeCount) {
		if (this.renderedCount === activeCount) return; // the counter is a live region: no repeats
		this.renderedCount = activeCount;
		const strong = element('strong');
		strong.textContent = String(activeCount);
		this.$count.replaceChildren(strong, document.createTextNode(` ${itemsLeftWord(activeCount)} left`));
	}

	/** Keyed update: existing <li>s are updated in place, so an item being edited keeps its input. */
	renderItems(todos, permissions) {
		const today = todayIn();
		const wanted = new Set(todos.map((todo) => todo.id));
		for (const [id, li] of this.items) {
			if (!wanted.has(id)) {
				li.remove();
				this.items.delete(id);
				if (this.editingId === id) this.editingId = null;
			}
		}
		let previous = null;
		for (const todo of todos) {
			let li = this.items.get(todo.id);
			if (!li) {
				li = this.createItem(todo.id);
				this.items.set(todo.id, li);
			}
			this.updateItem(li, todo, today, permissions);
			const expectedPosition = previous ? previous.nextSibling : this.$list.firstChild;
			if (expectedPosition !== li) this.$list.insertBefore(li, expectedPosition);
			previous = li;
		}
	}

	createItem(id) {
		const li = element('li');
		li.dataset.id = id;
		const view = element('div', 'view');
		const toggle = element('input', 'toggle', { type: 'checkbox' });
		const labelId = `todo-title-${id}`;
		toggle.setAttribute('aria-labelledby', labelId);
		const label = element('label', null, { id: labelId });
		const meta = element('p', 'todo-meta');
		const details = element('button', 'details-open', { type: 'button' });
		details.textContent = 'Details';
		const destroy = element('button', 'destroy', { type: 'button' });
		view.append(toggle, label, meta, details, destroy);
		const edit = element('input', 'edit', { maxlength: '500', 'aria-label': 'Edit the title' });
		li.append(view, edit);
		return li;
	}

	updateItem(li, todo, today, { canEdit, people }) {
		const readOnly = !canEdit(todo);
		li.classList.toggle('completed', todo.completed);
		li.classList.toggle('pending', Boolean(todo.pending));
		li.classList.toggle('read-only', readOnly);
		const toggle = li.querySelector('.toggle');
		toggle.checked = todo.completed;
		toggle.disabled = readOnly;
		li.querySelector('.destroy').hidden = readOnly;
		const label = li.querySelector('label');
		if (label.textContent !== todo.title) label.textContent = todo.title;
		li.querySelector('.details-open').setAttribute('aria-label', `Details of “${todo.title}”`);
		li.querySelector('.destroy').setAttribute('aria-label', `Delete “${todo.title}”`);
		li.querySelector('.details-open').disabled = Boolean(todo.pending);
		this.renderMeta(li.querySelector('.todo-meta'), todo, today, people(todo));
	}

	renderMeta(meta, todo, today, people) {
		const chips = [];
		const chip = (className, text) => {
			const span = element('span', `chip ${className}`);
			span.textContent = text;
			chips.push(span);
		};
		if (todo.priority && todo.priority !== 'none') chip(`chip-priority chip-${todo.priority}`, PRIORITY_TEXT[todo.priority]);
		if (todo.due_date) {
			const state = dueState(todo, today);
			chip(`chip-due${state ? ` chip-${state}` : ''}`, formatDue(todo.due_date, state));
		}
		if (todo.step_count > 0) {
			// "2/5" to the eye, "2 of 5 steps done" to a screen reader
			const steps = element('span', 'chip chip-steps');
			steps.append(textElement('span', null, `${todo.steps_completed ?? 0}/${todo.step_count}`, { 'aria-hidden': 'true' }), textElement('span', 'visually-hidden', stepsDoneText(todo)));
			chips.push(steps);
		}
		if (todo.attachment_count > 0) {
			chip('chip-files', `${todo.attachment_count} ${todo.attachment_count === 1 ? 'file' : 'files'}`);
		}
		if (todo.notes) chip('chip-notes', 'Notes');
		const who = people && peopleLine(people);
		if (who) chip('chip-people', who);
		meta.replaceChildren(...chips);
		meta.hidden = chips.length === 0;
	}

	// --- editing (TodoMVC: double-click, Enter/blur saves, Escape cancels) ----------------------

	startEditing(li) {
		if (li.classList.contains('pending') || li.classList.contains('read-only')) return;
		const label = li.querySelector('label');
		const input = li.querySelector('.edit');
		this.editingId = li.dataset.id;
		li.classList.add('editing');
		input.value = label.textContent;
		delete input.dataset.cancelled;
		delete input.dataset.byKeyboard;
		input.focus();
		input.setSelectionRange(input.value.length, input.value.length);
	}

	stopEditing(li) {
		li.classList.remove('editing');
		if (this.editingId === li.dataset.id) this.editingId = null;
	}

	/** The due date and priority chosen under the new-to-do field (only those set). */
	newTodoExtras() {
		const extras = {};
		if (this.$newTodoDue?.value) extras.due_date = this.$newTodoDue.value;
		if (this.$newTodoPriority && this.$newTodoPriority.value !== 'none') extras.priority = this.$newTodoPriority.value;
		return extras;
	}

	clearNewTodo() {
		this.$newTodo.value = '';
		if (this.$newTodoDue) this.$newTodoDue.value = '';
		if (this.$newTodoPriority) this.$newTodoPriority.value = 'none';
	}

	// --- what the user does -------------------------------------------------------------------

	bind({ onAdd, onToggle, onRename, onRemove, onToggleAll, onClearCompleted, onDetails }) {
		// the skip link focuses the field without touching the hash (which holds the filter)
		const skip = this.root.querySelector('.skip-link');
		if (skip) {
			skip.addEventListener('click', (event) => {
				event.preventDefault();
				this.focusNewTodo();
			});
		}
		this.$newTodo.addEventListener('keydown', (event) => {
			if (event.key !== ENTER_KEY || event.isComposing) return;
			if (onAdd(this.$newTodo.value, this.newTodoExtras())) this.clearNewTodo();
		});
		this.$newTodoExtras?.addEventListener('keydown', (event) => {
			if (event.key === ENTER_KEY && this.$newTodo.value.trim() && onAdd(this.$newTodo.value, this.newTodoExtras())) {
				event.preventDefault();
				this.clearNewTodo();
				this.$newTodo.focus();
			}
		});
		this.$toggleAll.addEventListener('change', () => onToggleAll(this.$toggleAll.checked));
		this.$clearCompleted.addEventListener('click', () => onClearCompleted());

		const itemOf = (target) => target.closest('li[data-id]');
		this.$list.addEventListener('change', (event) => {
			if (event.target.matches('.toggle')) onToggle(itemOf(event.target).dataset.id, event.target.checked);
		});
		this.$list.addEventListener('click', (event) => {
			const li = itemOf(event.target);
			if (!li) return;
			if (event.target.matches('.destroy')) onRemove(li.dataset.id);
			else if (event.target.matches('.details-open')) onDetails(li.dataset.id);
		});
		this.$list.addEventListener('dblclick', (event) => {
			if (event.target.matches('.view label')) this.startEditing(itemOf(event.target));
		});
		this.$list.addEventListener('keydown', (event) => {
			const li = itemOf(event.target);
			if (!li) return;
			if (event.target.matches('.edit')) {
				if (event.key === ENTER_KEY && !event.isComposing) {
					event.target.dataset.byKeyboard = 'true';
					event.target.blur();
				} else if (event.key === ESCAPE_KEY) {
					event.target.dataset.cancelled = 'true';
					event.target.dataset.byKeyboard = 'true';
					event.target.blur();
				}
			} else if (event.target.matches('.toggle') && (event.key === 'F2' || (event.key === ENTER_KEY && event.shiftKey))) {
				// keyboard way into editing, next to the double-click
				event.preventDefault();
				this.startEditing(li);
			}
		});
		this.$list.addEventListener('focusout', (event) => {
			if (!event.target.matches('.edit')) return;
			const li = itemOf(event.target);
			if (!li || !li.classList.contains('editing')) return;
			const cancelled = event.target.dataset.cancelled === 'true';
			const byKeyboard = event.target.dataset.byKeyboard === 'true';
			delete event.target.dataset.byKeyboard;
			this.stopEditing(li);
			if (!cancelled) onRename(li.dataset.id, event.target.value);
			// after Enter or Escape, keep the keyboard user on the item (a click elsewhere keeps its target)
			if (byKeyboard && li.isConnected) li.querySelector('.toggle').focus({ preventScroll: true });
		});
	}
}
