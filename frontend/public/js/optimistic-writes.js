// The user's changes to their to-dos: recorded in the durable outbox, shown in the store at once,
// then sent one after another (outbox-sender.js) and taken out of the outbox once the server has
// confirmed them. Writes go through the WriteQueue, so that each carries the version the one
// before left (If-Match) and a 412 means "changed elsewhere", never "you clicked twice".

import { clearCompletedFailedMessage, toggleAllFailedMessage } from './format.js';
import { MemoryData, userData } from './local-data.js';
import { Outbox, placeholder } from './outbox.js';
import { OutboxSender } from './outbox-sender.js';
import { Connectivity } from './connectivity.js';

let temporaryIds = 0;

/** An id for a to-do created here, unique across tabs and reloads until the server names it. */
function temporaryId() {
	const random = globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID().slice(0, 8) : String(Math.random()).slice(2, 10);
	return `pending-${++temporaryIds}-${random}`;
}

export class OptimisticWrites {
	/**
	 * @param deps.store TodoStore
	 * @param deps.api the API client
	 * @param deps.writeQueue the store's WriteQueue
	 * @param deps.outbox Outbox (an in-memory one when not given)
	 * @param deps.connectivity Connectivity, which says when to try a waiting write again
	 */
	constructor({ store, api, writeQueue, outbox = new Outbox(userData(new MemoryData(), 'memory')), connectivity = new Connectivity() }) {
		Object.assign(this, { store, api, queue: writeQueue, outbox, connectivity });
		this.sender = new OutboxSender({ store, api, writeQueue, outbox, connectivity, writes: this });
	}

	/** Resolves when every queued write has finished. */
	settled() {
		return this.queue.settled();
	}

	/** Sends what the outbox kept from an earlier visit (a reload, a closed tab), in order. */
	resume(entries = [...this.outbox.entries]) {
		for (const entry of entries) this.queue.enqueue(entry.key, () => this.sender.send(entry));
	}

	/** Sends what tabs closed meanwhile left behind. */
	async adoptOrphans() {
		this.resume(await this.outbox.adoptOrphans());
	}

	/**
	 * Adds a to-do with the trimmed title and the given fields (list_id, due_date, priority); a
	 * blank title is ignored (returns false).
	 */
	add(rawTitle, fields = {}) {
		const title = String(rawTitle ?? '').trim();
		if (!title) return false;
		const key = temporaryId();
		const all = { ...fields, title };
		this.store.append(placeholder(key, all));
		this.store.changed();
		this.enqueue({ kind: 'create', key, title, fields: all });
		return true;
	}

	toggle(id, completed) {
		return this.patch(id, { completed }, completed ? 'complete' : 'activate');
	}

	/** Saves an edited title; a blank one deletes the to-do (TodoMVC). */
	rename(id, rawTitle) {
		const title = String(rawTitle ?? '').trim();
		if (!title) return this.remove(id);
		const todo = this.store.find(id);
		if (todo && todo.title === title) return Promise.resolve();
		return this.patch(id, { title }, 'rename');
	}

	/**
	 * Saves details (notes, due date, priority, title, completed): only what the user changed is
	 * sent, compared with the to-do as the dialog showed it (`opened`), not as it may have become
	 * since (synced from elsewhere): a field the user left alone never undoes someone else's change.
	 */
	saveDetails(id, fields, opened = null) {
		const todo = opened ?? this.store.find(id);
		if (!todo || !this.store.find(id)) return Promise.resolve();
		const patch = {};
		for (const [key, value] of Object.entries(fields)) {
			if (key === 'title') {
				const title = String(value ?? '').trim();
				if (title && title !== todo.title) patch.title = title;
			} else if ((todo[key] ?? null) !== (value ?? null)) {
				patch[key] = value;
			}
		}
		if (Object.keys(patch).length === 0) return Promise.resolve();
		return this.patch(id, patch, 'save', opened);
	}

	/**
	 * Optimistic JSON Merge Patch of one to-do; the outbox keeps the values it replaces, as the
	 * user saw them (`seen`: the to-do when the details dialog opened; else as shown now).
	 */
	patch(id, patch, change = 'change', seen = null) {
		const key = this.queue.resolve(id);
		const before = this.store.find(key);
		if (!before) return Promise.resolve();
		this.store.replace({ ...before, ...patch });
		this.store.changed();
		const base = seen ?? before;
		const baseVersion = this.versionToSend(before) === null ? null : base.version;
		return this.enqueue({ kind: 'patch', key: before.id, title: before.title, change, patch, base: pick(base, Object.keys(patch)), baseVersion });
	}

	/** Deletes one to-do at once (to the trash); puts it back where it was if the server refuses. */
	remove(id) {
		const key = this.queue.resolve(id);
		const before = this.store.find(key);
		if (!before) return Promise.resolve();
		const index = this.store.takeDeleted(before.id);
		this.store.changed();
		return this.enqueue({ kind: 'delete', key: before.id, title: before.title, before, index, baseVersion: this.versionToSend(before) });
	}

	/** Toggle-all: every to-do of the list shown completed (or active). */
	toggleAll(completed) {
		return this.changeAll({
			show: (todos) => todos.map((todo) => ({ ...todo, completed })),
			send: async () => {
				await this.api.setAllCompleted(completed, this.store.state.scope.listId);
				await this.store.load();
			},
			message: toggleAllFailedMessage(completed),
			retry: () => this.toggleAll(completed),
		});
	}

	clearCompleted() {
		return this.changeAll({
			show: (todos) => todos.filter((todo) => !todo.completed),
			send: async () => {
				const cleared = await this.api.clearCompleted(this.store.state.scope.listId);
				this.store.refreshStats();
				return cleared;
			},
			message: clearCompletedFailedMessage(),
			retry: () => this.clearCompleted(),
		});
	}

	// --- internals ----------------------------------------------------------------------------

	/** Records the write in the outbox, then queues its sending; resolves when it was answered. */
	enqueue(entry) {
		const recorded = this.outbox.record(entry);
		return this.queue.enqueue(entry.key, async () => this.sender.send(await recorded));
	}

	/** The version a new write of this to-do is made on; null: the one an earlier waiting write leaves. */
	versionToSend(todo) {
		return this.outbox.has(todo.id) || todo.pending ? null : todo.version;
	}

	/**
	 * A change of the whole list: shown at once, sent once the queued writes are done, undone if
	 * refused. Resolves with what send() answered, or null when it was refused.
	 */
	async changeAll({ show, send, message, retry }) {
		const before = this.store.state.todos;
		this.store.state.todos = show(before);
		this.store.changed();
		try {
			await this.queue.settled();
			return (await send()) ?? {};
		} catch (error) {
			this.store.state.todos = before;
			this.store.changed();
			this.store.reportFailure({ error, message, retry });
			return null;
		}
	}
}

export function pick(object, keys) {
	const picked = {};
	for (const key of keys) picked[key] = object[key] ?? null;
	return picked;
}
