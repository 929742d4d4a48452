// Writes run one after another, in the order they were made, whatever to-do they touch: each
// starts when the one before it has finished, so that it can send the version the one before left
// (If-Match), and so that a queue replayed after an outage reaches the server in the order typed.
// A to-do created optimistically is queued under its temporary id; once the server has named it,
// the temporary id is an alias of that name.

export class WriteQueue {
	constructor() {
		this.tail = Promise.resolve();
		this.counts = new Map();
		this.aliases = new Map();
	}

	/** Runs task once every task queued before it has settled, fulfilled or rejected. */
	enqueue(key, task) {
		this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
		const next = this.tail.then(task, task);
		const tracked = next.finally(() => {
			const left = this.counts.get(key) - 1;
			if (left > 0) this.counts.set(key, left);
			else this.counts.delete(key);
		});
		this.tail = tracked.catch(() => {});
		return tracked;
	}

	/** Whether a write under key (or the server id it stands for) is waiting or under way. */
	has(key) {
		if (this.counts.has(key)) return true;
		for (const [temporaryId, serverId] of this.aliases) {
			if (serverId === key && this.counts.has(temporaryId)) return true;
		}
		return false;
	}

	/** Resolves when every queued write has finished. */
	async settled() {
		let tail;
		do {
			tail = this.tail;
			await tail;
		} while (tail !== this.tail);
	}

	alias(temporaryId, serverId) {
		this.aliases.set(temporaryId, serverId);
	}

	/** The server's id for an id that may be a temporary one. */
	resolve(id) {
		return this.aliases.get(id) ?? id;
	}
}
