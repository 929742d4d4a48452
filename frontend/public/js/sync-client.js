// Keeps the app's copy current through GET /api/v1/sync: at start, when the tab comes to the
// front or the browser is back online, and every few seconds while the tab is visible (rarely while
// hidden, less often while the server cannot be reached). Each tab follows its own cursor (a cursor
// shared by tabs would let one tab skip what another had seen); it starts from the last one any tab
// kept, which is older than what the tab has just loaded, so nothing is missed and little is
// resent. An expired cursor (410) starts again without one. Pages go to onPage in order. No DOM.

import { isOutage } from './connectivity.js';

const CURSOR_KEY = 'sync/cursor';

export class SyncClient {
	/**
	 * @param deps.api the API client
	 * @param deps.data the user's local data
	 * @param deps.connectivity Connectivity
	 * @param deps.onPage (page) => void|Promise, each page in order
	 * @param deps.document for visibility (none in unit tests: always visible)
	 */
	constructor({ api, data, connectivity, onPage, document = null, window = null, intervals = { visible: 4000, hidden: 30000, offline: 15000 }, setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (timer) => clearTimeout(timer) }) {
		Object.assign(this, { api, data, connectivity, onPage, document, intervals, setTimer, clearTimer });
		this.timer = null;
		this.running = null;
		this.stopped = false;
		if (window) {
			window.addEventListener('focus', () => this.now());
			window.addEventListener('online', () => this.now());
		}
		if (document) document.addEventListener('visibilitychange', () => !document.hidden && this.now());
	}

	/** Syncs now, then keeps doing so. */
	start() {
		this.stopped = false;
		return this.now();
	}

	stop() {
		this.stopped = true;
		this.clearTimer(this.timer);
	}

	/** One sync (every page), unless one is under way; then the next is scheduled. */
	now() {
		if (!this.running) {
			this.running = this.run().finally(() => {
				this.running = null;
				this.schedule();
			});
		}
		return this.running;
	}

	schedule() {
		this.clearTimer(this.timer);
		if (this.stopped) return;
		const { visible, hidden, offline } = this.intervals;
		const delay = this.document && this.document.hidden ? hidden : this.connectivity.online ? visible : offline;
		this.timer = this.setTimer(() => this.now(), delay);
		this.timer?.unref?.();
	}

	async run() {
		if (this.cursor === undefined) this.cursor = (await this.data.get(CURSOR_KEY).catch(() => null)) ?? null;
		let cursor = this.cursor;
		try {
			for (;;) {
				let page;
				try {
					page = await this.api.sync(cursor);
				} catch (error) {
					if (error.code !== 'SYNC_CURSOR_EXPIRED' || cursor === null) throw error;
					cursor = null;
					continue;
				}
				this.connectivity.reached();
				await this.onPage(page);
				cursor = page.cursor;
				this.cursor = cursor;
				await this.data.put(CURSOR_KEY, cursor).catch(() => {});
				if (!page.has_more) return;
			}
		} catch (error) {
			if (isOutage(error)) this.connectivity.lost();
			// a refused token is the next write's or load's business; the sync tries again later
		}
	}
}
