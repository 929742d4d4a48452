// What the app keeps in the browser between visits: a key-value store in IndexedDB (database
// `todo`, object store `data`), values as structured clones. Keys start with the user's id
// (`<sub>/outbox`, `<sub>/view/…`), so one person's data is never read for another, and
// forgetUser() drops everything of one user. No DOM. MemoryData is the same thing in memory, for
// the unit tests and for browsers where IndexedDB cannot be opened (private modes).

const DATABASE = 'todo';
const STORE = 'data';

export class MemoryData {
	constructor() {
		this.map = new Map();
	}
	async get(key) {
		return this.map.has(key) ? structuredClone(this.map.get(key)) : undefined;
	}
	async put(key, value) {
		this.map.set(key, structuredClone(value));
	}
	async delete(key) {
		this.map.delete(key);
	}
	async keys() {
		return [...this.map.keys()];
	}
}

class IndexedDbData {
	constructor(database) {
		this.database = database;
	}
	request(mode, use) {
		return new Promise((resolve, reject) => {
			const transaction = this.database.transaction(STORE, mode);
			const request = use(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request.result);
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
	}
	get(key) {
		return this.request('readonly', (store) => store.get(key));
	}
	put(key, value) {
		return this.request('readwrite', (store) => store.put(value, key)).then(() => undefined);
	}
	delete(key) {
		return this.request('readwrite', (store) => store.delete(key)).then(() => undefined);
	}
	keys() {
		return this.request('readonly', (store) => store.getAllKeys());
	}
}

/** The browser's IndexedDB store, or a MemoryData when it cannot be opened. */
export function openLocalData(indexedDB = globalThis.indexedDB) {
	if (!indexedDB) return Promise.resolve(new MemoryData());
	return new Promise((resolve) => {
		const request = indexedDB.open(DATABASE, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(new IndexedDbData(request.result));
		request.onerror = () => resolve(new MemoryData());
		request.onblocked = () => resolve(new MemoryData());
	});
}

/** The part of the local data that belongs to one user. */
export function userData(data, userId) {
	const prefix = `${userId}/`;
	return {
		userId,
		get: (key) => data.get(prefix + key),
		put: (key, value) => data.put(prefix + key, value),
		delete: (key) => data.delete(prefix + key),
		/** The keys of this user that start with `start`, without the user's prefix. */
		async keys(start = '') {
			return (await data.keys()).map(String).filter((key) => key.startsWith(prefix + start)).map((key) => key.slice(prefix.length));
		},
		/** Drops everything kept for this user (sign-out). */
		async forget() {
			for (const key of await data.keys()) if (String(key).startsWith(prefix)) await data.delete(key);
		},
	};
}
