// The user's changes to their to-dos: recorded in the durable outbox, shown in the store at once,
// then sent one after another (outbox-sender.js) and taken out of the outbox once the server has
// confirmed them. Writes go through the WriteQueue, so that each carries the version the one
// before left (If-Match) and a 412 means "changed elsewhere", never "you clicked twice". Toggle-all
// and clear completed are one write per to-do shown, so they too wait out an outage in the outbox.

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
		this.announce();
		const base = seen ?? before;
		const baseVersion = this.versionToSend(before) === null ? null : base.version;
		return this.enqueue({ kind: 'patch', key: before.id, title: before.title, change, patch, base: pick(base, Object.keys(patch)), baseVersion });
	}

	/** Deletes one to-do at once (to the trash); puts it back where it was if the server refuses. */
	remove(id) {
		const before = this.store.find(this.queue.resolve(id));
		if (!before) return Promise.resolve();
		const entry = this.deletion(before);
		this.store.changed();
		return this.enqueue(entry);
	}

	/**
	 * Toggle-all: every to-do of the list shown that is not yet completed (or active) changed, each
	 * its own write (If-Match, merged on 412, undone alone if refused). Resolves once all are answered.
	 */
	toggleAll(completed) {
		const changing = this.store.state.todos.filter((todo) => todo.completed !== completed);
		return this.each(changing, (todo) => this.toggle(todo.id, completed));
	}

	/**
	 * Clear completed: each completed to-do shown deleted (to the trash) by its own write. They are
	 * taken out first to last (each one's place counted among those left) and sent last to first, so
	 * that one refused goes back where it stood, whichever others were refused too.
	 */
	clearCompleted() {
		const deletions = this.store.state.todos.filter((todo) => todo.completed).map((todo) => this.deletion(todo));
		if (deletions.length > 0) this.store.changed();
		return Promise.all(deletions.reverse().map((entry) => this.enqueue(entry)));
	}

	// --- internals ----------------------------------------------------------------------------

	/** Records the write in the outbox, then queues its sending; resolves when it was answered. */
	enqueue(entry) {
		const recorded = this.outbox.record(entry);
		return this.queue.enqueue(entry.key, async () => this.sender.send(await recorded));
	}

	/** Takes a to-do out of the list shown: the outbox entry of its delete. */
	deletion(before) {
		const index = this.store.takeDeleted(before.id);
		return { kind: 'delete', key: before.id, title: before.title, before, index, baseVersion: this.versionToSend(before) };
	}

	/** The version a new write of this to-do is made on; null: the one an earlier waiting write leaves. */
	versionToSend(todo) {
		return this.outbox.has(todo.id) || todo.pending ? null : todo.version;
	}

	/** One write per to-do, shown together (one 'change' of the store) and each sent on its own. */
	each(todos, write) {
		this.quiet = true;
		let writes;
		try {
			writes = todos.map(write);
		} finally {
			this.quiet = false;
		}
		if (todos.length > 0) this.store.changed();
		return Promise.all(writes);
	}

	/** The store re-renders after a write, but once for a whole toggle-all. */
	announce() {
		if (!this.quiet) this.store.changed();
	}
}

export function pick(object, keys) {
	const picked = {};
	for (const key of keys) picked[key] = object[key] ?? null;
	return picked;
}
