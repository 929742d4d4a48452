// Whether the server can be reached, as the app's own requests found it, and when to try again:
// after 1, 2, 5, 10, then every 15 seconds, at once when the browser says it is online again or
// the user asks. No DOM. An EventTarget: 'change' (detail: {online}) when it flips.

const RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 15000];

/** Errors after which the same request may well pass later: the write waits instead of failing. */
export function isOutage(error) {
	return Boolean(error) && [0, 408, 429, 502, 503, 504].includes(error.status);
}

export class Connectivity extends EventTarget {
	/** @param deps.window where `online` events come from (none in unit tests) */
	constructor({ window = null, delays = RETRY_DELAYS_MS, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (timer) => clearTimeout(timer) } = {}) {
		super();
		Object.assign(this, { delays, setTimer, clearTimer });
		this.online = true;
		this.attempt = 0;
		this.waiting = new Set();
		if (window) window.addEventListener('online', () => this.retryNow());
	}

	/** A request was answered: the server is there. */
	reached() {
		const wasOffline = !this.online;
		this.attempt = 0;
		this.set(true);
		if (wasOffline) this.retryNow(); // the writes waiting for the server go now
	}

	/** A request found no server (or one that said "not now"). */
	lost() {
		this.set(false);
	}

	set(online) {
		if (this.online === online) return;
		this.online = online;
		this.dispatchEvent(new CustomEvent('change', { detail: { online } }));
	}

	/** Resolves when it is time to try again. */
	waitForRetry() {
		const delay = this.delays[Math.min(this.attempt, this.delays.length - 1)];
		this.attempt++;
		return new Promise((resolve) => {
			const waiter = () => {
				this.clearTimer(timer);
				this.waiting.delete(waiter);
				resolve();
			};
			const timer = this.setTimer(waiter, delay);
			timer?.unref?.(); // Node: a waiting write does not keep a test run alive
			this.waiting.add(waiter);
		});
	}

	/** Tries again now (back online, the user pressed Retry, the tab came to the front). */
	retryNow() {
		this.attempt = 0;
		for (const waiter of [...this.waiting]) waiter();
	}
}
