// The activity panel of a shared list (more than one member): what its members did, newest
// first, older pages loaded as the panel is scrolled to its end, newer events fetched after the
// caller's own changes and every half minute. Titles come from the to-dos loaded (kept after they
// go) and from the events themselves. No direct DOM access of its own.

import { activitySentence, stepInEvent, titleInEvent } from './format-activity.js';
import { personName } from './format-lists.js';
import { describeError } from './format.js';

export const ACTIVITY_PAGE_SIZE = 30;
export const ACTIVITY_POLL_MS = 30_000;

export class ActivityController {
	/**
	 * @param deps.api the API client
	 * @param deps.lists ListsStore (members, to name whom member events are about)
	 * @param deps.store TodoStore (the titles of the to-dos loaded)
	 * @param deps.view ActivityView
	 * @param deps.myId () => the caller's id ("you")
	 * @param deps.setInterval the clock of the poll (null: no poll)
	 */
	constructor({ api, lists, store, view, myId = () => null, onUnauthorized = () => {}, setInterval = (fn, ms) => globalThis.setInterval(fn, ms), clearInterval = (id) => globalThis.clearInterval(id) }) {
		Object.assign(this, { api, lists, store, view, myId, onUnauthorized, setInterval, clearInterval });
		this.listId = null;
		this.events = [];
		this.next = null;
		this.loading = false;
		this.titles = new Map();
		this.stepTitles = new Map();
		this.members = new Map();
		this.poll = null;
		view.bind({ onMore: () => this.loadMore() });
	}

	/** The list shown: its activity when shared, else no panel. Called on every render; cheap when nothing changed. */
	show(list) {
		const shared = Boolean(list && list.member_count > 1);
		if (!shared) {
			if (this.listId) this.stop();
			return;
		}
		if (list.id === this.listId) {
			// who "you" are may be known only now (GET /me answers after the first events)
			if (this.myId() !== this.renderedFor) this.render();
			return;
		}
		Object.assign(this, { listId: list.id, events: [], next: undefined, members: new Map() });
		this.view.show();
		this.loadMembers(list.id);
		this.loadMore();
		if (this.setInterval && !this.poll) this.poll = this.setInterval(() => this.refresh(), ACTIVITY_POLL_MS);
	}

	stop() {
		this.listId = null;
		this.events = [];
		this.view.hide();
		if (this.poll) this.clearInterval(this.poll);
		this.poll = null;
	}

	/** The next older page, unless one is on its way or there is none. */
	async loadMore() {
		const listId = this.listId;
		if (!listId || this.loading || this.next === null) return;
		this.loading = true;
		try {
			const page = await this.api.activity(listId, { before: this.next, limit: ACTIVITY_PAGE_SIZE });
			if (listId !== this.listId) return;
			const known = new Set(this.events.map((event) => event.id));
			this.events.push(...page.data.filter((event) => !known.has(event.id)));
			this.next = page.next ?? null;
			this.render();
		} catch (error) {
			this.failed(listId, error);
		} finally {
			if (listId === this.listId) this.loading = false;
		}
	}

	/** Newer events at the top (after a change here, and every half minute). */
	async refresh() {
		const listId = this.listId;
		if (!listId || this.loading || this.next === undefined) return;
		try {
			const page = await this.api.activity(listId, { limit: ACTIVITY_PAGE_SIZE });
			if (listId !== this.listId) return;
			const known = new Set(this.events.map((event) => event.id));
			const fresh = page.data.filter((event) => !known.has(event.id));
			if (fresh.length === 0) return;
			if (fresh.length === page.data.length) {
				// nothing in common with what is shown: start again from this page
				this.events = page.data;
				this.next = page.next ?? null;
			} else {
				this.events = [...fresh, ...this.events];
			}
			this.render();
		} catch (error) {
			if (error.needsSignIn) this.onUnauthorized();
			// a later refresh tries again
		}
	}

	async loadMembers(listId) {
		try {
			const members = await this.lists.members(listId);
			if (listId !== this.listId) return;
			this.members = new Map(members.map((member) => [member.user.id, member.user]));
			this.render();
		} catch {
			// names of members are a nicety: ids are said instead
		}
	}

	/** Remembers every title seen: the to-dos loaded now, then what the events say (newest first). */
	learnTitles() {
		for (const todo of this.store.state.todos) if (!todo.pending) this.titles.set(todo.id, todo.title);
		const fromEvents = new Set();
		for (const event of this.events) {
			const title = titleInEvent(event);
			if (!title || !event.todo_id || fromEvents.has(event.todo_id)) continue;
			fromEvents.add(event.todo_id);
			if (!this.store.find(event.todo_id)) this.titles.set(event.todo_id, title);
		}
		// a step's newest title, for the events that name only its id (ticked, moved)
		const stepsSeen = new Set();
		for (const event of this.events) {
			const step = stepInEvent(event);
			if (!step || !step.title || stepsSeen.has(step.id)) continue;
			stepsSeen.add(step.id);
			this.stepTitles.set(step.id, step.title);
		}
	}

	render() {
		this.learnTitles();
		const context = {
			myId: this.myId(),
			titleOf: (id) => this.titles.get(id) ?? null,
			stepTitleOf: (id) => this.stepTitles.get(id) ?? null,
			userName: (id) => {
				const user = this.members.get(id);
				return user ? personName(user, this.myId()) : null;
			},
		};
		this.renderedFor = context.myId;
		const items = this.events.map((event) => ({ id: event.id, at: event.at, sentence: activitySentence(event, context) }));
		this.view.render(items, { more: this.next !== null });
	}

	failed(listId, error) {
		if (error && error.needsSignIn) return this.onUnauthorized();
		if (listId === this.listId) this.view.showError(`The activity could not be loaded. ${describeError(error)}`);
	}
}
