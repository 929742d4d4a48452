// The one change that can still be undone ("Deleted · Undo"), for a few seconds. No DOM access.
// An offer holds what undoes the change and what makes it final (commit: a file's delete is only
// sent then). A new offer makes the one before final; so do its expiry, a dismissal, and the page
// being hidden or left (then commit gets {leaving: true}, to send what it sends with keepalive).
// An EventTarget: 'change' (detail: {message} of the offer shown, or null) whenever that changes.

export const UNDO_MS = 6000;

/** setTimeout that does not keep Node alive (unit tests); a browser's timer is a plain number. */
function unrefTimeout(fn, ms) {
	const timer = setTimeout(fn, ms);
	timer?.unref?.();
	return timer;
}

export class UndoOffers extends EventTarget {
	/** @param deps.setTimer, deps.clearTimer the clock (setTimeout, clearTimeout; stubs in tests) */
	constructor({ durationMs = UNDO_MS, setTimer = unrefTimeout, clearTimer = (id) => clearTimeout(id) } = {}) {
		super();
		Object.assign(this, { durationMs, setTimer, clearTimer });
		this.current = null;
	}

	get message() {
		return this.current ? this.current.message : null;
	}

	/** Shows a change that can be undone: undo() takes it back, commit({leaving}) makes it final. */
	offer({ message, undo, commit = () => {} }) {
		this.settle();
		const offer = { message, undo, commit };
		offer.timer = this.setTimer(() => {
			if (this.current === offer) this.settle();
		}, this.durationMs);
		this.current = offer;
		this.changed();
	}

	/** Undoes the change shown; false when there is none. Resolves when it has been undone. */
	async undo() {
		const offer = this.take();
		if (!offer) return false;
		await offer.undo();
		return true;
	}

	/** Makes the change shown final (expired, dismissed, replaced, or the page is going away). */
	settle({ leaving = false } = {}) {
		const offer = this.take();
		if (offer) return offer.commit({ leaving });
		return undefined;
	}

	take() {
		const offer = this.current;
		if (!offer) return null;
		this.clearTimer(offer.timer);
		this.current = null;
		this.changed();
		return offer;
	}

	changed() {
		this.dispatchEvent(new CustomEvent('change', { detail: this.current ? { message: this.current.message } : null }));
	}
}
