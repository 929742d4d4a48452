// Sends the writes of the outbox, one at a time, in the order they were made (the WriteQueue calls
// send() for each). A write that finds no server (network error, 502/503/504, 408, 429) waits and
// is tried again (connectivity.js); one the server confirmed leaves the outbox; one it refused is
// undone and reported on its own, so that a second failure never hides the first. A 412 is merged
// (conflict-merge.js): fields the other side did not touch are sent again on the new version,
// fields both sides changed are offered to the user as a choice (the store's 'choice' event).

import { isOutage } from './connectivity.js';
import { mergeOnConflict } from './conflict-merge.js';
import { changedElsewhereMessage, changeFailedMessage } from './format.js';

const MERGE_ATTEMPTS = 3;

export class OutboxSender {
	constructor({ store, api, writeQueue, outbox, connectivity, writes }) {
		Object.assign(this, { store, api, queue: writeQueue, outbox, connectivity, writes });
	}

	/** Sends one entry until the server has answered it (waiting out outages). */
	async send(entry) {
		for (;;) {
			try {
				await this[entry.kind](entry);
				this.connectivity.reached();
				return;
			} catch (error) {
				if (isOutage(error)) {
					this.connectivity.lost();
					await this.connectivity.waitForRetry();
					continue;
				}
				if (error && error.status) this.connectivity.reached();
				await this.failed(entry, error);
				return;
			}
		}
	}

	async create(entry) {
		// the entry's uid: a create sent again (its answer lost, its tab closed) is made once
		const created = await this.api.createTodo(entry.fields, { key: entry.uid });
		this.queue.alias(entry.key, created.id);
		await this.outbox.confirmed(entry.id, entry.key, created.version, created.id);
		this.store.confirmCreated(entry.key, { ...created, ...this.outbox.pendingPatch(created.id) });
		this.store.changed();
		this.store.refreshStats();
	}

	async patch(entry) {
		const id = this.queue.resolve(entry.key);
		let saved;
		try {
			saved = await this.api.patchTodo(id, entry.patch, this.versionOf(entry, id));
		} catch (error) {
			if (!error.isConflict) throw error;
			saved = await this.merge(entry, id);
		}
		await this.outbox.confirmed(entry.id, id, saved.version);
		// later writes still waiting stay shown over the server's answer
		this.store.replace({ ...saved, ...this.outbox.pendingPatch(id) });
		this.store.changed();
		this.store.refreshStats();
	}

	/** 412 on a patch: re-applies what the other side did not change, asks about the rest. */
	async merge(entry, id) {
		for (let attempt = 1; ; attempt++) {
			const current = await this.api.getTodo(id);
			const { resend, ask } = mergeOnConflict(entry.patch, entry.base, current);
			let saved = current;
			try {
				if (Object.keys(resend).length > 0) saved = await this.api.patchTodo(id, resend, current.version);
			} catch (error) {
				if (error.isConflict && attempt < MERGE_ATTEMPTS) continue;
				throw error;
			}
			if (ask.length > 0) {
				const mine = Object.fromEntries(ask.map(({ field, mine: value }) => [field, value]));
				this.store.emit('choice', { todo: saved, title: entry.title, fields: ask, keepMine: () => this.writes.patch(id, mine, 'save') });
			}
			return saved;
		}
	}

	async delete(entry) {
		const id = this.queue.resolve(entry.key);
		try {
			await this.api.deleteTodo(id, this.versionOf(entry, id));
		} catch (error) {
			if (error.isConflict) return this.deleteRefusedByConflict(entry, id);
			if (!error.isNotFound) throw error; // already gone: what the user wanted
		}
		await this.outbox.remove(entry.id);
		this.store.refreshStats();
	}

	/** Changed elsewhere since the user saw it: it comes back in its latest version, and they are told. */
	async deleteRefusedByConflict(entry, id) {
		await this.outbox.remove(entry.id);
		const latest = await this.api.getTodo(id);
		if (!this.store.replace(latest)) {
			this.store.putBack(latest, entry.index ?? Infinity);
		}
		this.store.changed();
		this.store.emit('conflict', { todo: latest, message: changedElsewhereMessage(latest.title) });
	}

	/** If-Match: the version the write was made on, else the one shown (a write before it was dropped). */
	versionOf(entry, id) {
		if (entry.baseVersion != null) return entry.baseVersion;
		const shown = this.store.find(id);
		return shown && !shown.pending ? shown.version : undefined;
	}

	async failed(entry, error) {
		const store = this.store;
		const id = this.queue.resolve(entry.key);
		if (error.needsSignIn && entry.kind !== 'create') {
			// kept in the outbox: sent after the new sign-in
			store.reportedUnauthorized(error);
			return;
		}
		const removed = this.outbox.remove(entry.id); // awaited after the report: a sign-in may leave the page at once
		if (error.isNotFound && entry.kind !== 'create' && !error.code?.startsWith('LIST')) {
			store.dropMissing(id);
			await removed;
			return;
		}
		if (entry.kind === 'create') store.take(entry.key);
		if (entry.kind === 'create' && error.code === 'TODO_NOT_FOUND') {
			// a create sent again after its to-do went to the trash: nothing to add, nothing failed
			store.changed();
			await removed;
			return;
		}
		if (entry.kind === 'patch') {
			const latest = store.find(id);
			if (latest) store.replace({ ...latest, ...entry.base });
		}
		if (entry.kind === 'delete' && !store.find(id)) store.putBack(entry.before, entry.index);
		store.changed();
		store.reportFailure({
			error,
			message: changeFailedMessage(entry.title, entry.kind === 'patch' ? entry.change : entry.kind === 'create' ? 'add' : 'delete'),
			retry: () => this.retry(entry, id),
			draft: entry.kind === 'create' ? entry.title : null,
		});
		await removed;
	}

	retry(entry, id) {
		if (entry.kind === 'create') {
			const { title, ...fields } = entry.fields;
			return this.writes.add(title, fields);
		}
		if (entry.kind === 'patch') return this.writes.patch(id, entry.patch, entry.change);
		return this.writes.remove(id);
	}
}
