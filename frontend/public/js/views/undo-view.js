// The "Deleted · Undo" notice: a polite live region with the Undo button, shown for a few seconds.
// Ctrl+Z (⌘Z) undoes too, except in a text field, where it keeps undoing typing. While a modal
// dialog is open the notice moves into it (outside it, everything is inert). It reports the page
// being hidden or left, so that what waits for the notice to expire is sent then. DOM only.

const NOT_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color', 'image']);

/** Whether Ctrl+Z belongs to the element (typing is undone there). */
export function editsText(target) {
	if (!target || !target.tagName) return false;
	if (target.isContentEditable) return true;
	const tag = target.tagName.toLowerCase();
	if (tag === 'textarea') return true;
	return tag === 'input' && !NOT_TEXT_INPUTS.has((target.type || 'text').toLowerCase());
}

/** Ctrl+Z or ⌘Z, without Shift (redo) or Alt. */
export function isUndoKey(event) {
	return (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && String(event.key).toLowerCase() === 'z';
}

export class UndoView {
	constructor(root = document) {
		this.root = root;
		this.$notice = root.querySelector('.undo-notice');
		this.$body = this.$notice.querySelector('.undo-body');
		this.$text = this.$notice.querySelector('.undo-text');
		this.$undo = this.$notice.querySelector('.undo-button');
		this.$dismiss = this.$notice.querySelector('.undo-dismiss');
		this.$home = this.$notice.parentElement;
		this.shown = false;
	}

	/** message: what can be undone; null hides the notice. */
	render(message) {
		const hadFocus = this.$notice.contains(document.activeElement);
		this.shown = Boolean(message);
		this.place();
		this.$text.textContent = message ?? '';
		this.$body.hidden = !message;
		if (message) {
			// a keyboard user whose button just went away lands on Undo rather than nowhere
			if (!document.activeElement || document.activeElement === document.body) this.$undo.focus({ preventScroll: true });
		} else if (hadFocus) {
			this.focusNearby();
		}
	}

	/** Inside the open modal dialog, if any (the rest of the page is inert then), else on the page. */
	place() {
		const dialogs = [...this.root.querySelectorAll('dialog[open]')];
		const host = dialogs.at(-1) ?? this.$home;
		if (this.$notice.parentElement !== host) host.append(this.$notice);
	}

	focusNearby() {
		const host = this.$notice.parentElement;
		const candidates = host === this.$home ? [this.root.querySelector('.new-todo')] : [...host.querySelectorAll('input, button, select, textarea')];
		const target = candidates.find((each) => each && !each.disabled && each.offsetParent !== null && !this.$notice.contains(each));
		if (target) target.focus({ preventScroll: true });
	}

	bind({ onUndo, onDismiss, onLeave }) {
		this.$undo.addEventListener('click', () => onUndo());
		this.$dismiss.addEventListener('click', () => onDismiss());
		this.root.addEventListener('keydown', (event) => {
			if (!this.shown || !isUndoKey(event) || editsText(event.target)) return;
			event.preventDefault();
			onUndo();
		});
		// a dialog opening or closing takes the notice with it, or gives it back to the page
		new MutationObserver(() => this.place()).observe(this.root.body, { subtree: true, attributes: true, attributeFilter: ['open'] });
		this.root.addEventListener('visibilitychange', () => {
			if (this.root.visibilityState === 'hidden') onLeave();
		});
		this.root.defaultView?.addEventListener('pagehide', () => onLeave());
	}
}
