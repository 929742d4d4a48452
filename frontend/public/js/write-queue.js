// Writes to one to-do run one after another: each starts when the one before it has finished, so
// that it can send the version that one left (If-Match). A to-do created optimistically is queued
// under its temporary id; once the server has named it, the temporary id is an alias of that name.

export class WriteQueue {
	constructor() {
		this.queues = new Map();
		this.aliases = new Map();
	}

	/** Runs task once every task queued under key before it has settled, fulfilled or rejected. */
	enqueue(key, task) {
		const previous = this.queues.get(key) ?? Promise.resolve();
		const next = previous.then(task, task);
		const tracked = next.finally(() => {
			if (this.queues.get(key) === tracked) this.queues.delete(key);
		});
		this.queues.set(key, tracked);
		return tracked;
	}

	/** Whether a write under key is waiting or under way. */
	has(key) {
		return this.queues.has(key);
	}

	/** Resolves when every queued write has finished. */
	async settled() {
		await Promise.all([...this.queues.values()]);
	}

	alias(temporaryId, serverId) {
		this.aliases.set(temporaryId, serverId);
	}

	/** The server's id for an id that may be a temporary one. */
	resolve(id) {
		return this.aliases.get(id) ?? id;
	}
}
