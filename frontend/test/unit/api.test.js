import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, createApiClient, queryString, versionFromEtag } from '../../public/js/api.js';
import { errorBody, json, stubFetch, todo } from './helpers.js';

const client = (fetch, token = 'the.id.token') => createApiClient({ fetch, getToken: () => token });

describe('api client', () => {
	it('sends the id token as a Bearer token and a request id of the allowed shape', async () => {
		const fetch = stubFetch(json(200, { id: 'alice', email: null, name: 'alice', roles: [] }));

		const me = await client(fetch).me();

		assert.equal(me.id, 'alice');
		const { url, headers } = fetch.calls[0];
		assert.equal(url, '/api/v1/me');
		assert.equal(headers.Authorization, 'Bearer the.id.token');
		assert.match(headers['X-Request-ID'], /^[A-Za-z0-9._-]{1,128}$/);
	});

	it('sends a create with its Idempotency-Key, and none without a key', async () => {
		const fetch = stubFetch(json(201, todo({ id: 'x' })), json(201, todo({ id: 'y' })));

		await client(fetch).createTodo({ title: 'Milk' }, { key: 'entry-uid-1' });
		await client(fetch).createTodo({ title: 'Milk' });

		assert.equal(fetch.calls[0].headers['Idempotency-Key'], 'entry-uid-1');
		assert.equal(fetch.calls[1].headers['Idempotency-Key'], undefined);
	});

	it('sends no Authorization header without a token', async () => {
		const fetch = stubFetch(json(200, { oidc: { issuer: 'http://idp/todo', client_id: 'todo-web', scope: 'openid' } }));

		await client(fetch, null).config();

		assert.equal(fetch.calls[0].headers.Authorization, undefined);
	});

	it('turns the error envelope into an ApiError that keeps code, details and request id', async () => {
		const body = errorBody('VALIDATION_ERROR', 'Invalid input', { details: { title: ['must not be blank'] } });
		const fetch = stubFetch(json(400, body, { 'X-Request-ID': 'req-from-header' }));

		const error = await client(fetch).createTodo({ title: ' ' }).catch((e) => e);

		assert.ok(error instanceof ApiError);
		assert.equal(error.status, 400);
		assert.equal(error.code, 'VALIDATION_ERROR');
		assert.deepEqual(error.details, { title: ['must not be blank'] });
		assert.equal(error.requestId, 'req-from-body');
		assert.equal(error.needsSignIn, false);
	});

	it('keeps the request id it sent when a failure has no JSON body', async () => {
		const fetch = stubFetch(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

		const error = await client(fetch).stats().catch((e) => e);

		assert.equal(error.status, 502);
		assert.equal(error.code, 'UNKNOWN');
		assert.equal(error.requestId, fetch.calls[0].headers['X-Request-ID']);
		assert.equal(error.isTransient, true);
	});

	it('reports a network failure as status 0, NETWORK_ERROR', async () => {
		const fetch = stubFetch(new TypeError('Failed to fetch'));

		const error = await client(fetch).stats().catch((e) => e);

		assert.equal(error.status, 0);
		assert.equal(error.code, 'NETWORK_ERROR');
		assert.equal(error.isTransient, true);
	});

	it('knows which errors mean "sign in again"', () => {
		assert.equal(new ApiError({ status: 401, code: 'INVALID_TOKEN' }).needsSignIn, true);
		assert.equal(new ApiError({ status: 403, code: 'AUTHENTICATION_REQUIRED' }).needsSignIn, true);
		assert.equal(new ApiError({ status: 403, code: 'FORBIDDEN' }).needsSignIn, false);
		assert.equal(new ApiError({ status: 412, code: 'PRECONDITION_FAILED' }).isConflict, true);
	});

	it('patches with merge-patch JSON and If-Match of the version', async () => {
		const fetch = stubFetch(json(200, todo({ completed: true, version: 4 }), { ETag: '"4"' }));

		const saved = await client(fetch).patchTodo('id 1', { completed: true }, 3);

		assert.equal(saved.version, 4);
		const call = fetch.calls[0];
		assert.equal(call.url, '/api/v1/todos/id%201');
		assert.equal(call.init.method, 'PATCH');
		assert.equal(call.headers['Content-Type'], 'application/merge-patch+json');
		assert.equal(call.headers['If-Match'], '"3"');
		assert.deepEqual(JSON.parse(call.body), { completed: true });
	});

	it('deletes without a body and accepts 204', async () => {
		const fetch = stubFetch(new Response(null, { status: 204 }));

		await client(fetch).deleteTodo('id-1', 2);

		assert.equal(fetch.calls[0].init.method, 'DELETE');
		assert.equal(fetch.calls[0].body, undefined);
		assert.equal(fetch.calls[0].headers['Content-Type'], undefined);
	});

	it('reads every page of a list', async () => {
		const page = (n, ids, totalPages) =>
			json(200, { data: ids.map((id) => todo({ id })), meta: { page: n, page_size: 100, total_count: 3, total_pages: totalPages } });
		const fetch = stubFetch((url) => (url.includes('page=1') ? page(1, ['a', 'b'], 2) : page(2, ['c'], 2)));

		const all = await client(fetch).listAllTodos({ q: 'milk & honey', sort: 'title', order: 'desc' });

		assert.deepEqual(all.map((t) => t.id), ['a', 'b', 'c']);
		assert.equal(fetch.calls.length, 2);
		const first = new URL(fetch.calls[0].url, 'http://x');
		assert.equal(first.pathname, '/api/v1/todos');
		assert.equal(first.searchParams.get('q'), 'milk & honey');
		assert.equal(first.searchParams.get('sort'), 'title');
		assert.equal(first.searchParams.get('page_size'), '100');
	});

	it('lists attachments, an omitted empty list as none', async () => {
		const attachment = { id: 'a1', todo_id: 't1', filename: 'r.pdf', size_bytes: 3 };
		const fetch = stubFetch(json(200, { data: [attachment] }), json(200, {}));
		const api = client(fetch);

		assert.deepEqual(await api.listAttachments('t1'), [attachment]);
		assert.deepEqual(await api.listAttachments('t1'), []);
		assert.equal(fetch.calls[0].url, '/api/v1/todos/t1/attachments');
	});

	it('reads versions from strong and weak ETags', () => {
		assert.equal(versionFromEtag('"7"'), 7);
		assert.equal(versionFromEtag('W/"12"'), 12);
		assert.equal(versionFromEtag(null), null);
		assert.equal(versionFromEtag('"abc"'), null);
	});

	it('leaves empty parameters out of query strings', () => {
		assert.equal(queryString({ q: '', sort: 'title', order: undefined }), '?sort=title');
		assert.equal(queryString({}), '');
	});
});

describe('api client uploads', () => {
	class FakeXhr {
		constructor() {
			this.headers = {};
			this.listeners = {};
			this.upload = { addEventListener: (type, fn) => (this.uploadListener = fn) };
		}
		open(method, url) {
			Object.assign(this, { method, url });
		}
		setRequestHeader(name, value) {
			this.headers[name] = value;
		}
		addEventListener(type, fn) {
			this.listeners[type] = fn;
		}
		getResponseHeader(name) {
			return name === 'X-Request-ID' ? 'req-upload' : null;
		}
		send(body) {
			this.body = body;
		}
		abort() {
			this.listeners.abort();
		}
		answer(status, body) {
			this.status = status;
			this.responseText = JSON.stringify(body);
			this.listeners.load();
		}
	}

	function uploader() {
		const xhrs = [];
		const api = createApiClient({
			fetch: stubFetch(),
			getToken: () => 'tok',
			createXhr: () => {
				const xhr = new FakeXhr();
				xhrs.push(xhr);
				return xhr;
			},
		});
		return { api, xhrs };
	}

	it('posts the file as the multipart part "file", reports progress, resolves with the attachment', async () => {
		const { api, xhrs } = uploader();
		const progress = [];
		const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });

		const { promise } = api.uploadAttachment('t1', file, (loaded, total) => progress.push([loaded, total]));
		const xhr = xhrs[0];
		xhr.uploadListener({ lengthComputable: true, loaded: 2, total: 5 });
		xhr.uploadListener({ lengthComputable: true, loaded: 5, total: 5 });
		xhr.answer(201, { id: 'a1', filename: 'hello.txt', size_bytes: 5 });

		assert.deepEqual(await promise, { id: 'a1', filename: 'hello.txt', size_bytes: 5 });
		assert.equal(xhr.method, 'POST');
		assert.equal(xhr.url, '/api/v1/todos/t1/attachments');
		assert.equal(xhr.headers.Authorization, 'Bearer tok');
		assert.equal(xhr.headers['Content-Type'], undefined, 'the browser sets the multipart boundary');
		assert.equal(xhr.body.get('file').name, 'hello.txt');
		assert.deepEqual(progress, [[2, 5], [5, 5]]);
	});

	it('rejects with the API error of a refused upload', async () => {
		const { api, xhrs } = uploader();

		const { promise } = api.uploadAttachment('t1', new File(['x'], 'x.bin'));
		xhrs[0].answer(413, errorBody('PAYLOAD_TOO_LARGE', 'Too large'));

		const error = await promise.catch((e) => e);
		assert.equal(error.status, 413);
		assert.equal(error.code, 'PAYLOAD_TOO_LARGE');
		assert.equal(error.requestId, 'req-from-body');
	});

	it('can be cancelled', async () => {
		const { api } = uploader();

		const upload = api.uploadAttachment('t1', new File(['x'], 'x.bin'));
		upload.abort();

		assert.equal((await upload.promise.catch((e) => e)).code, 'ABORTED');
	});
});
