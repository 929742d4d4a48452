// The durable outbox: every write the user makes is recorded here (in IndexedDB, through
// local-data.js) before it is sent, and taken out only once the server has confirmed it, so that a
// closed tab, a reload or an outage loses nothing. No DOM. An EventTarget: 'change' (detail: the
// number of writes waiting) whenever an entry comes or goes.
//
// An entry: {id, kind: 'create' | 'patch' | 'delete', key, title, fields | patch, base, baseVersion}
//   key          the to-do's id; a temporary one (`pending-…`) until its create is confirmed
//   fields       create: what the to-do is created with
//   patch, base  patch: the fields changed, and their values before (to tell a conflict on 412)
//   baseVersion  the version the write was made on; null while an earlier write of the same to-do
//                is waiting (it becomes the version that write leaves)

// Each tab keeps its own outbox (`outbox/<tab id>`), so that two tabs never overwrite each other's
// entries nor send the same write twice; a tab holds a Web Lock named after its outbox while it
// lives, and a tab that finds an outbox whose lock is free adopts it (its tab was closed).
const PREFIX = 'outbox/';

export class Outbox extends EventTarget {
	/** @param data the user's local data (local-data.js userData) */
	constructor(data, entries = [], tabId = 'tab') {
		super();
		this.data = data;
		this.key = PREFIX + tabId;
		this.entries = entries;
		this.nextId = entries.reduce((max, entry) => Math.max(max, entry.id), 0) + 1;
		// every write this tab has held: a closed tab's last save can land after its outbox was
		// adopted and bring the same entries back, which must not be sent twice
		this.seen = new Set(entries.map((entry) => entry.uid));
		this.saving = Promise.resolve();
	}

	/**
	 * This tab's outbox, with what closed tabs left (in the order they made it).
	 * @param locks navigator.locks (none: every other outbox counts as left by a closed tab)
	 */
	static async open(data, { tabId = randomTabId(), locks = null } = {}) {
		const outbox = new Outbox(data, [], tabId);
		if (locks) locks.request(lockName(outbox.key), () => new Promise(() => {})); // held while the tab lives
		outbox.locks = locks;
		await outbox.adoptOrphans();
		return outbox;
	}

	/** Takes over the outboxes of closed tabs; returns the entries adopted, to be sent. */
	async adoptOrphans() {
		const adopted = [];
		for (const key of await this.data.keys(PREFIX)) {
			if (key === this.key || !(await this.isOrphan(key))) continue;
			for (const entry of (await this.data.get(key)) ?? []) {
				if (entry.uid && this.seen.has(entry.uid)) continue;
				this.seen.add(entry.uid);
				adopted.push({ ...entry, id: this.nextId++ });
			}
			await this.data.delete(key);
		}
		if (adopted.length > 0) {
			this.entries.push(...adopted);
			await this.save();
		}
		return adopted;
	}

	async isOrphan(key) {
		if (!this.locks) return true;
		return this.locks.request(lockName(key), { ifAvailable: true }, (lock) => lock !== null);
	}

	get count() {
		return this.entries.length;
	}

	list() {
		return this.entries.map((entry) => ({ ...entry }));
	}

	/** Whether a write of the to-do with this id is waiting. */
	has(key) {
		return this.entries.some((entry) => entry.key === key);
	}

	/** Records a write; resolves with its entry once it is stored. */
	async record(entry) {
		const recorded = { ...entry, id: this.nextId++, uid: entry.uid ?? randomTabId() };
		this.seen.add(recorded.uid);
		this.entries.push(recorded);
		await this.save();
		return recorded;
	}

	/** The server confirmed the write (or refused it for good): it leaves the outbox. */
	async remove(id) {
		const before = this.entries.length;
		this.entries = this.entries.filter((entry) => entry.id !== id);
		if (this.entries.length !== before) await this.save();
	}

	/**
	 * The server confirmed the write `id` of `key`, which is now at `version` (a create: under
	 * `serverId`): it leaves the outbox, the writes of that to-do still waiting follow the server's
	 * id, and the next one is made on that version. One save, so a closed tab cannot split it.
	 */
	async confirmed(id, key, version, serverId = key) {
		this.entries = this.entries.filter((entry) => entry.id !== id);
		let next = true;
		for (const entry of this.entries) {
			if (entry.key !== key) continue;
			entry.key = serverId;
			if (next && entry.baseVersion == null) entry.baseVersion = version;
			next = false;
		}
		await this.save();
	}

	/** The fields that the writes of a to-do still waiting change, latest last. */
	pendingPatch(key) {
		const fields = {};
		for (const entry of this.entries) if (entry.key === key && entry.kind === 'patch') Object.assign(fields, entry.patch);
		return fields;
	}

	/**
	 * The writes still waiting, applied to to-dos read from the server or from the local copy:
	 * creates added (where inScope says they belong), changes merged in, deletions taken out.
	 */
	applyTo(todos, inScope = () => true) {
		let result = [...todos];
		for (const entry of this.entries) {
			const index = result.findIndex((todo) => todo.id === entry.key);
			if (entry.kind === 'create' && index < 0 && inScope(entry.fields)) {
				result.push(placeholder(entry.key, entry.fields));
			} else if (entry.kind === 'patch' && index >= 0) {
				result[index] = { ...result[index], ...entry.patch };
			} else if (entry.kind === 'delete' && index >= 0) {
				result = result.filter((todo) => todo.id !== entry.key);
			}
		}
		return result;
	}

	/** Every write waiting in any tab of this user (sign-out says what would be lost). */
	async allWaiting() {
		const all = [...this.entries];
		for (const key of await this.data.keys(PREFIX)) if (key !== this.key) all.push(...((await this.data.get(key)) ?? []));
		return all;
	}

	/** Drops every entry (sign-out, once the user agreed to lose them). */
	async clear() {
		this.entries = [];
		await this.save();
	}

	save() {
		const entries = this.list();
		this.saving = this.saving.then(() => this.data.put(this.key, entries));
		this.dispatchEvent(new CustomEvent('change', { detail: this.entries.length }));
		return this.saving;
	}
}

/** What an optimistic create shows until the server has answered. */
export function placeholder(id, fields) {
	const now = new Date().toISOString();
	return {
		id, notes: null, completed: false, completed_at: null, due_date: null, priority: 'none',
		position: Number.MAX_SAFE_INTEGER, attachment_count: 0, created_at: now, updated_at: now, version: 0,
		...fields,
		pending: true,
	};
}

function randomTabId() {
	return globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : String(Math.random()).slice(2);
}

function lockName(key) {
	return `todo-${key}`;
}
