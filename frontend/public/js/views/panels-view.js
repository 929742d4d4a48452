// The panels around the list: search and sort, and the progress stats. DOM only.

import { formatRate } from '../format.js';

const SEARCH_DELAY_MS = 250;

export class PanelsView {
	constructor(root = document) {
		this.$form = root.querySelector('.find-form');
		this.$search = root.querySelector('.search');
		this.$sort = root.querySelector('.sort');
		this.$order = root.querySelector('.order');
		this.$summary = root.querySelector('.search-summary');
		this.$progress = root.querySelector('.stats-progress');
		this.$rate = root.querySelector('.stats-rate');
		this.$completed = root.querySelector('.stats-completed');
		this.$active = root.querySelector('.stats-active');
		this.$overdue = root.querySelector('.stats-overdue');
		this.$dueToday = root.querySelector('.stats-due-today');
	}

	render({ query, sort, order, count, loading, stats }) {
		if (document.activeElement !== this.$search && this.$search.value.trim() !== query) this.$search.value = query;
		this.$sort.value = sort;
		this.$order.value = order;
		if (query) {
			this.$summary.textContent = loading ? `Searching for “${query}”…` : `${count} ${count === 1 ? 'to-do matches' : 'to-dos match'} “${query}”.`;
		} else {
			this.$summary.textContent = '';
		}
		if (stats) {
			const percent = Math.round((stats.completion_rate || 0) * 100);
			this.$progress.value = percent;
			this.$progress.textContent = formatRate(stats.completion_rate);
			this.$rate.textContent = formatRate(stats.completion_rate);
			this.$completed.textContent = String(stats.completed);
			this.$active.textContent = String(stats.active);
			this.$overdue.textContent = String(stats.overdue);
			this.$overdue.parentElement.classList.toggle('attention', stats.overdue > 0);
			this.$dueToday.textContent = String(stats.due_today);
		}
	}

	bind({ onSearch, onSort }) {
		let timer = null;
		this.$search.addEventListener('input', () => {
			clearTimeout(timer);
			timer = setTimeout(() => onSearch(this.$search.value), SEARCH_DELAY_MS);
		});
		this.$form.addEventListener('submit', (event) => {
			event.preventDefault();
			clearTimeout(timer);
			onSearch(this.$search.value);
		});
		const sortChanged = () => onSort(this.$sort.value, this.$order.value);
		this.$sort.addEventListener('change', sortChanged);
		this.$order.addEventListener('change', sortChanged);
	}
}
