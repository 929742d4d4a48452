// The API client: one function per route of the contract (docs: shared api.md), no DOM access.
// Every request carries the id token as a Bearer token and its own X-Request-ID; an error answer
// (the contract's {"error": {...}} envelope) becomes an ApiError that keeps the request id, so a
// user can quote it to support. Every read of to-dos or stats names the browser's time zone (tz=),
// so that "today" is the user's date. The routes of lists and sharing are in api-lists.js, the trash's
// in api-trash.js, the steps' in api-steps.js, the account's (export, erasure) in api-account.js.

import { accountRoutes } from './api-account.js';
import { listRoutes } from './api-lists.js';
import { stepRoutes } from './api-steps.js';
import { trashRoutes } from './api-trash.js';
import { browserTimeZone } from './format.js';

const JSON_TYPE = 'application/json';
const MERGE_PATCH_TYPE = 'application/merge-patch+json';

/** An error answered by the API (or a network failure, with status 0). */
export class ApiError extends Error {
	constructor({ status, code, message, details = {}, requestId = null }) {
		super(message);
		this.name = 'ApiError';
		this.status = status;
		this.code = code;
		this.details = details;
		this.requestId = requestId;
	}

	/** The token is missing, unreadable or refused: the user has to sign in (again). */
	get needsSignIn() {
		return this.status === 401 || (this.status === 403 && this.code === 'AUTHENTICATION_REQUIRED');
	}

	get isConflict() {
		return this.status === 412;
	}

	get isNotFound() {
		return this.status === 404;
	}

	/** Worth trying again unchanged: network failures, 5xx, 408, 429. */
	get isTransient() {
		return this.status === 0 || this.status >= 500 || this.status === 408 || this.status === 429;
	}
}

/** A request id as the contract accepts it: 1 to 128 of [A-Za-z0-9._-]. */
export function newRequestId(crypto = globalThis.crypto) {
	return crypto.randomUUID();
}

/** Turns a failed response into an ApiError, whatever its body is. */
export async function errorFromResponse(response, sentRequestId) {
	const requestId = response.headers.get('X-Request-ID') || sentRequestId;
	let body = null;
	try {
		body = await response.json();
	} catch {
		body = null;
	}
	const error = body && typeof body === 'object' ? body.error : null;
	if (error && typeof error === 'object') {
		return new ApiError({
			status: response.status,
			code: error.code || 'UNKNOWN',
			message: error.message || `HTTP ${response.status}`,
			details: error.details || {},
			requestId: error.request_id || requestId,
		});
	}
	return new ApiError({
		status: response.status,
		code: 'UNKNOWN',
		message: `The server answered ${response.status} ${response.statusText || ''}`.trim(),
		requestId,
	});
}

/** The version in an ETag: `"3"` or `W/"3"` gives 3. */
export function versionFromEtag(etag) {
	if (!etag) return null;
	const match = /^(?:W\/)?"(\d+)"$/.exec(etag.trim());
	return match ? Number(match[1]) : null;
}

export function queryString(params = {}) {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) {
		if (value === undefined || value === null || value === '') continue;
		search.set(key, String(value));
	}
	const text = search.toString();
	return text ? `?${text}` : '';
}

/**
 * @param {object} options
 * @param {string} [options.baseUrl] prefix of every path ('' = same origin)
 * @param {Function} [options.fetch] the fetch implementation (a stub in tests)
 * @param {() => string|null} [options.getToken] the current id token
 * @param {() => object} [options.createXhr] XMLHttpRequest factory, for uploads with progress
 * @param {string} [options.timeZone] the IANA zone sent as tz= (default: the browser's)
 */
export function createApiClient({
	baseUrl = '',
	fetch = globalThis.fetch.bind(globalThis),
	getToken = () => null,
	createXhr = () => new XMLHttpRequest(),
	crypto = globalThis.crypto,
	onActivity = () => {},
	timeZone = browserTimeZone(),
} = {}) {
	// how many requests are under way: the page shows it as aria-busy (and tests wait for 0)
	let inFlight = 0;
	const track = (delta) => {
		inFlight += delta;
		onActivity(inFlight);
	};

	function headersFor({ body, contentType, ifMatch, idempotencyKey, requestId, accept = JSON_TYPE }) {
		const headers = { Accept: accept, 'X-Request-ID': requestId };
		if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
		const token = getToken();
		if (token) headers.Authorization = `Bearer ${token}`;
		if (body !== undefined) headers['Content-Type'] = contentType || JSON_TYPE;
		if (ifMatch !== undefined && ifMatch !== null) headers['If-Match'] = `"${ifMatch}"`;
		return headers;
	}

	async function send(method, path, options = {}) {
		track(+1);
		try {
			return await sendTracked(method, path, options);
		} finally {
			track(-1);
		}
	}

	// keepalive: the request outlives the page (a delete sent as the tab closes)
	async function sendTracked(method, path, { body, contentType, ifMatch, idempotencyKey, accept, raw = false, keepalive = false } = {}) {
		const requestId = newRequestId(crypto);
		let response;
		try {
			response = await fetch(baseUrl + path, {
				method,
				headers: headersFor({ body, contentType, ifMatch, idempotencyKey, requestId, accept }),
				body: body === undefined ? undefined : JSON.stringify(body),
				...(keepalive ? { keepalive: true } : {}),
			});
		} catch (cause) {
			const error = new ApiError({
				status: 0,
				code: 'NETWORK_ERROR',
				message: 'The server could not be reached. Check your connection.',
				requestId,
			});
			error.cause = cause;
			throw error;
		}
		if (!response.ok) throw await errorFromResponse(response, requestId);
		if (raw) return response;
		const version = versionFromEtag(response.headers.get('ETag'));
		const data = response.status === 204 ? null : await response.json();
		return { data, version, requestId: response.headers.get('X-Request-ID') || requestId };
	}

	const todoPath = (id) => `/api/v1/todos/${encodeURIComponent(id)}`;
	const attachmentsPath = (todoId) => `${todoPath(todoId)}/attachments`;

	return {
		...listRoutes(send),
		...trashRoutes(send),
		...stepRoutes(send),
		...accountRoutes(send),

		/** Public: what the browser needs to sign in (and optionally attachment limits). */
		async config() {
			return (await send('GET', '/api/v1/config')).data;
		},

		async me() {
			return (await send('GET', '/api/v1/me')).data;
		},

		/** One page: {data, meta}; params such as list_id, due, q, sort. */
		async listTodos(params = {}) {
			return (await send('GET', `/api/v1/todos${queryString({ ...params, tz: timeZone })}`)).data;
		},

		/** Every page of a query, page_size 100, in order. */
		async listAllTodos(params = {}) {
			const all = [];
			for (let page = 1; ; page++) {
				const { data, meta } = await this.listTodos({ ...params, page, page_size: 100 });
				all.push(...data);
				if (data.length === 0 || page >= meta.total_pages) return all;
			}
		},

		async getTodo(id) {
			return (await send('GET', todoPath(id))).data;
		},

		/** key: the same for every retry of one create, so that the server makes it once (Idempotency-Key). */
		async createTodo(fields, { key } = {}) {
			return (await send('POST', '/api/v1/todos', { body: fields, idempotencyKey: key })).data;
		},

		/** JSON Merge Patch; with a version, only if the to-do is still at that version (else 412). */
		async patchTodo(id, patch, version) {
			return (await send('PATCH', todoPath(id), { body: patch, contentType: MERGE_PATCH_TYPE, ifMatch: version })).data;
		},

		/** Moves the to-do to the trash (POST …/restore takes it back). */
		async deleteTodo(id, version) {
			await send('DELETE', todoPath(id), { ifMatch: version });
		},

		/** What changed since the cursor (none: everything): {lists, todos, steps, removed, cursor, has_more}. */
		async sync(cursor = null, limit = 500) {
			return (await send('GET', `/api/v1/sync${queryString({ cursor, limit })}`)).data;
		},

		/** Counters of one list (list_id) or of every readable list. */
		async stats(params = {}) {
			return (await send('GET', `/api/v1/todos/stats${queryString({ ...params, tz: timeZone })}`)).data;
		},

		async listAttachments(todoId) {
			// `{}` for none is tolerated: a server once omitted the empty list (contract: `{"data": []}`)
			return (await send('GET', attachmentsPath(todoId))).data.data ?? [];
		},

		/** keepalive: sent as the page goes away (a delete that waited for its undo to expire). */
		async deleteAttachment(todoId, attachmentId, { keepalive = false } = {}) {
			await send('DELETE', `${attachmentsPath(todoId)}/${encodeURIComponent(attachmentId)}`, { keepalive });
		},

		/** The attachment's bytes as a Blob (the route needs the token, so no plain link). */
		async downloadAttachment(todoId, attachmentId) {
			const response = await send('GET', `${attachmentsPath(todoId)}/${encodeURIComponent(attachmentId)}/content`, { raw: true });
			return response.blob();
		},

		/**
		 * Uploads one file as multipart/form-data through XMLHttpRequest, whose upload events give
		 * real progress (fetch has none). onProgress receives (loadedBytes, totalBytes).
		 * Returns {promise, abort}.
		 */
		uploadAttachment(todoId, file, onProgress = () => {}) {
			const xhr = createXhr();
			const requestId = newRequestId(crypto);
			track(+1);
			const promise = new Promise((resolve, reject) => {
				xhr.open('POST', baseUrl + attachmentsPath(todoId));
				const headers = headersFor({ requestId });
				for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
				xhr.upload.addEventListener('progress', (event) => {
					if (event.lengthComputable) onProgress(event.loaded, event.total);
				});
				xhr.addEventListener('load', () => {
					const answeredId = xhr.getResponseHeader('X-Request-ID') || requestId;
					let body = null;
					try {
						body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
					} catch {
						body = null;
					}
					if (xhr.status >= 200 && xhr.status < 300) {
						resolve(body);
						return;
					}
					const error = body && body.error;
					reject(
						new ApiError({
							status: xhr.status,
							code: (error && error.code) || 'UNKNOWN',
							message: (error && error.message) || `The server answered ${xhr.status}`,
							details: (error && error.details) || {},
							requestId: (error && error.request_id) || answeredId,
						}),
					);
				});
				const networkFailure = (code, message) => () =>
					reject(new ApiError({ status: 0, code, message, requestId }));
				xhr.addEventListener('error', networkFailure('NETWORK_ERROR', 'The upload failed: the server could not be reached.'));
				xhr.addEventListener('abort', networkFailure('ABORTED', 'The upload was cancelled.'));
				const form = new FormData();
				form.append('file', file, file.name);
				xhr.send(form);
			}).finally(() => track(-1));
			return { promise, abort: () => xhr.abort() };
		},
	};
}
