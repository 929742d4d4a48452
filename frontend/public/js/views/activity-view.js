// The activity panel of a shared list: sentences, newest first, each with how long ago
// ("3 min ago", its exact time on hover), kept current every half minute. Older events load when
// the end of the scrolled list comes into view (an IntersectionObserver on a sentinel). DOM only.

import { formatDate, timeAgo } from '../format.js';
import { element, showMessage, textElement } from './dom.js';

const TIMES_EVERY_MS = 30_000;

export class ActivityView {
	constructor(root = document) {
		this.$panel = root.querySelector('.activity');
		this.$scroll = this.$panel.querySelector('.activity-scroll');
		this.$list = this.$panel.querySelector('.activity-list');
		this.$sentinel = this.$panel.querySelector('.activity-sentinel');
		this.$error = this.$panel.querySelector('.activity-error');
		this.observer = null;
		this.clock = null;
		this.onMore = () => {};
	}

	show() {
		this.$panel.hidden = false;
		this.$list.replaceChildren();
		this.$sentinel.textContent = 'Loading the activity…';
		this.showError(null);
		this.$scroll.scrollTop = 0;
		if (!this.clock) this.clock = setInterval(() => this.updateTimes(), TIMES_EVERY_MS);
	}

	hide() {
		this.$panel.hidden = true;
		this.$list.replaceChildren();
		this.observer?.disconnect();
		clearInterval(this.clock);
		this.clock = null;
	}

	/** @param items [{id, at, sentence}] newest first; view.more: whether older ones can be loaded */
	render(items, { more }) {
		const now = Date.now();
		this.$list.replaceChildren(
			...items.map((item) => {
				const li = element('li', 'activity-item');
				li.dataset.id = item.id;
				const time = textElement('time', 'activity-when', timeAgo(item.at, now), { datetime: item.at, title: formatDate(item.at, { time: true }) });
				li.append(textElement('span', 'activity-text', item.sentence), document.createTextNode(' '), time);
				return li;
			}),
		);
		if (more) this.$sentinel.textContent = 'Loading older activity…';
		else this.$sentinel.textContent = items.length ? 'That is everything.' : 'Nothing has happened in this list yet.';
		this.watchEnd(more);
	}

	/** Observes the sentinel afresh: observing calls back at once if it is already in view. */
	watchEnd(more) {
		this.observer?.disconnect();
		if (!more) return;
		if (typeof IntersectionObserver === 'undefined') {
			this.onMore();
			return;
		}
		this.observer = new IntersectionObserver((entries) => {
			if (entries.some((entry) => entry.isIntersecting)) this.onMore();
		}, { root: this.$scroll, rootMargin: '0px 0px 80px 0px' });
		this.observer.observe(this.$sentinel);
	}

	updateTimes() {
		const now = Date.now();
		for (const time of this.$list.querySelectorAll('time')) time.textContent = timeAgo(time.getAttribute('datetime'), now);
	}

	showError(message) {
		showMessage(this.$error, message);
	}

	bind({ onMore }) {
		this.onMore = onMore;
	}
}
