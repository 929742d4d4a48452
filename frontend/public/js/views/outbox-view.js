// Where the user sees what has not reached the server yet: an offline indicator, "3 changes
// waiting to be saved", every refused write on its own line (each with its Retry and Dismiss, so a
// second failure never hides the first), and the choices a conflict asks for ("yours" or "theirs"
// for each field both sides changed). A polite live region. DOM only.

import { element, textElement } from './dom.js';

const FIELD_NAMES = { title: 'Title', notes: 'Notes', due_date: 'Due date', priority: 'Priority', completed: 'Done' };

export class OutboxView {
	constructor(root = document) {
		this.root = root;
		this.$section = root.querySelector('.sync-status');
		this.$offline = this.$section.querySelector('.offline-indicator');
		this.$waiting = this.$section.querySelector('.waiting-changes');
		this.$waitingText = this.$waiting.querySelector('.waiting-text');
		this.$retry = this.$waiting.querySelector('.waiting-retry');
		this.$failures = this.$section.querySelector('.write-failures');
		this.$choices = this.$section.querySelector('.conflict-choices');
	}

	bind({ onRetryNow }) {
		this.$retry.addEventListener('click', () => onRetryNow());
	}

	showConnection(online) {
		this.$offline.hidden = online;
		this.root.body && (this.root.body.dataset.online = String(online));
	}

	showWaiting(count) {
		this.$waiting.hidden = count === 0;
		this.$waitingText.textContent = count === 1 ? '1 change waiting to be saved' : `${count} changes waiting to be saved`;
		this.root.body && (this.root.body.dataset.waiting = String(count));
	}

	/** One refused write, with its own Retry (when one can help) and Dismiss. */
	addFailure({ message, requestId = null, retry = null }) {
		const item = element('li', 'write-failure');
		item.append(textElement('p', 'write-failure-text', message));
		if (requestId) item.append(textElement('p', 'message-reference', `Reference for support: ${requestId}`));
		const actions = element('div', 'message-actions');
		if (retry) actions.append(button('Retry', 'write-failure-retry', () => (item.remove(), retry())));
		actions.append(button('Dismiss', 'write-failure-dismiss', () => item.remove()));
		item.append(actions);
		this.$failures.append(item);
	}

	/** A to-do both sides changed: each field with both values; the user keeps theirs or ours. */
	addChoice({ title, fields, keepMine }) {
		const item = element('li', 'conflict-choice');
		item.append(textElement('p', 'conflict-text', `“${title}” was also changed elsewhere. Which version should stay?`));
		const table = element('dl', 'conflict-fields');
		for (const { field, mine, theirs } of fields) {
			table.append(textElement('dt', '', FIELD_NAMES[field] ?? field));
			table.append(textElement('dd', 'conflict-mine', `Yours: ${shown(mine)}`));
			table.append(textElement('dd', 'conflict-theirs', `Theirs: ${shown(theirs)}`));
		}
		item.append(table);
		const actions = element('div', 'message-actions');
		actions.append(button('Keep mine', 'conflict-keep-mine', () => (item.remove(), keepMine())));
		actions.append(button('Keep theirs', 'conflict-keep-theirs', () => item.remove()));
		item.append(actions);
		this.$choices.append(item);
		item.querySelector('button').focus();
	}
}

function button(text, className, onClick) {
	const $button = textElement('button', `button button-small ${className}`, text, { type: 'button' });
	$button.addEventListener('click', onClick);
	return $button;
}

function shown(value) {
	if (value === null || value === undefined || value === '') return '(empty)';
	if (value === true) return 'done';
	if (value === false) return 'not done';
	return String(value);
}
