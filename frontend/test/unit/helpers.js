// Test doubles shared by the unit tests: a scripted fetch, an in-memory Storage.

/** A fetch that answers from a list of handlers and records every call. */
export function stubFetch(...answers) {
	const calls = [];
	const fetch = async (url, init = {}) => {
		calls.push({ url, init, headers: init.headers || {}, body: init.body });
		const answer = answers.length > 1 ? answers.shift() : answers[0];
		if (answer instanceof Error) throw answer;
		return typeof answer === 'function' ? answer(url, init) : answer;
	};
	fetch.calls = calls;
	return fetch;
}

/** A Response with a JSON body. */
export function json(status, body, headers = {}) {
	return new Response(body === undefined ? null : JSON.stringify(body), {
		status,
		headers: { 'Content-Type': 'application/json', ...headers },
	});
}

export function errorBody(code, message, extra = {}) {
	return { error: { code, message, details: {}, timestamp: '2026-01-15T10:30:00.000Z', request_id: 'req-from-body', ...extra } };
}

export class MemoryStorage {
	constructor() {
		this.map = new Map();
	}
	getItem(key) {
		return this.map.has(key) ? this.map.get(key) : null;
	}
	setItem(key, value) {
		this.map.set(key, String(value));
	}
	removeItem(key) {
		this.map.delete(key);
	}
}

/** An unsigned JWT with the given payload (the app never checks signatures). */
export function jwt(payload) {
	const encode = (object) => Buffer.from(JSON.stringify(object)).toString('base64url');
	return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

export function todo(fields = {}) {
	return {
		id: 'id-1',
		title: 'Buy milk',
		notes: null,
		completed: false,
		completed_at: null,
		due_date: null,
		priority: 'none',
		position: 1,
		attachment_count: 0,
		created_at: '2026-01-15T10:30:00.000Z',
		updated_at: '2026-01-15T10:30:00.000Z',
		version: 1,
		...fields,
	};
}
