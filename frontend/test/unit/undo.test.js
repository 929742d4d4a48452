import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UndoOffers } from '../../public/js/undo.js';
import { editsText, isUndoKey } from '../../public/js/views/undo-view.js';

/** A clock whose timers run only when told to. */
function manualClock() {
	const timers = new Map();
	let next = 1;
	return {
		setTimer: (fn, ms) => {
			timers.set(next, { fn, ms });
			return next++;
		},
		clearTimer: (id) => timers.delete(id),
		runAll() {
			for (const [id, { fn }] of [...timers]) {
				timers.delete(id);
				fn();
			}
		},
		get pending() {
			return [...timers.values()].map((timer) => timer.ms);
		},
	};
}

function offers() {
	const clock = manualClock();
	const undo = new UndoOffers({ setTimer: clock.setTimer, clearTimer: clock.clearTimer });
	const shown = [];
	undo.addEventListener('change', (event) => shown.push(event.detail && event.detail.message));
	return { undo, clock, shown };
}

describe('UndoOffers', () => {
	it('shows an offer for six seconds, then makes it final', () => {
		const { undo, clock, shown } = offers();
		const log = [];
		undo.offer({ message: 'Deleted “Milk”.', undo: () => log.push('undo'), commit: () => log.push('commit') });

		assert.equal(undo.message, 'Deleted “Milk”.');
		assert.deepEqual(clock.pending, [6000]);
		clock.runAll();

		assert.deepEqual(log, ['commit']);
		assert.deepEqual(shown, ['Deleted “Milk”.', null]);
		assert.equal(undo.message, null);
	});

	it('undoes the change shown once, and never makes it final after that', async () => {
		const { undo, clock } = offers();
		const log = [];
		undo.offer({ message: 'Deleted.', undo: () => log.push('undo'), commit: () => log.push('commit') });

		assert.equal(await undo.undo(), true);
		assert.equal(await undo.undo(), false, 'nothing left to undo');
		clock.runAll();
		undo.settle();

		assert.deepEqual(log, ['undo']);
		assert.deepEqual(clock.pending, []);
	});

	it('makes the change before final when a new one is offered: only the newest can be undone', async () => {
		const { undo } = offers();
		const log = [];
		undo.offer({ message: 'First.', undo: () => log.push('undo first'), commit: () => log.push('commit first') });
		undo.offer({ message: 'Second.', undo: () => log.push('undo second'), commit: () => log.push('commit second') });
		await undo.undo();

		assert.deepEqual(log, ['commit first', 'undo second']);
	});

	it('tells the commit that the page is going away, so that it sends with keepalive', () => {
		const { undo } = offers();
		const seen = [];
		undo.offer({ message: 'Deleted the file.', undo() {}, commit: (how) => seen.push(how) });
		undo.settle({ leaving: true });
		undo.settle({ leaving: true });
		assert.deepEqual(seen, [{ leaving: true }]);
	});
});

describe('the undo key', () => {
	const key = (fields) => ({ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...fields });

	it('is Ctrl+Z or ⌘Z, not with Shift (redo) or Alt', () => {
		assert.equal(isUndoKey(key({ ctrlKey: true })), true);
		assert.equal(isUndoKey(key({ metaKey: true, key: 'Z' })), true);
		assert.equal(isUndoKey(key({ ctrlKey: true, shiftKey: true })), false);
		assert.equal(isUndoKey(key({ ctrlKey: true, altKey: true })), false);
		assert.equal(isUndoKey(key({})), false);
	});

	it('belongs to text fields, where it undoes typing; not to checkboxes and buttons', () => {
		const el = (tagName, type, extra = {}) => ({ tagName, type, isContentEditable: false, ...extra });
		assert.equal(editsText(el('INPUT', 'text')), true);
		assert.equal(editsText(el('INPUT', 'search')), true);
		assert.equal(editsText(el('INPUT', '')), true, 'an input without a type is a text field');
		assert.equal(editsText(el('TEXTAREA')), true);
		assert.equal(editsText(el('DIV', undefined, { isContentEditable: true })), true);
		assert.equal(editsText(el('INPUT', 'checkbox')), false);
		assert.equal(editsText(el('BUTTON', 'button')), false);
		assert.equal(editsText(el('BODY')), false);
		assert.equal(editsText(null), false);
	});
});
