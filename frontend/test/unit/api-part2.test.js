import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApiClient } from '../../public/js/api.js';
import { errorBody, json, stubFetch } from './helpers.js';

const client = (fetch) => createApiClient({ fetch, getToken: () => 'tok', timeZone: 'UTC' });
const request = (call) => ({ method: call.init.method, url: call.url, body: call.body === undefined ? undefined : JSON.parse(call.body) });
const noContent = () => new Response(null, { status: 204 });

describe('api client: trash', () => {
	it('reads a list\'s trash by page, restores, deletes for good and empties it', async () => {
		const trashed = { id: 't 1', title: 'Milk', deleted_at: '2026-01-15T10:30:00.000Z', deleted_by: 'bob' };
		const page = { data: [trashed], meta: { page: 2, page_size: 10, total_count: 11, total_pages: 2 } };
		const fetch = stubFetch(json(200, page), json(200, { ...trashed, deleted_at: null }), noContent(), json(200, { deleted: 3 }));
		const api = client(fetch);

		assert.deepEqual(await api.trash({ listId: 'l1', page: 2, pageSize: 10 }), page);
		assert.equal((await api.restoreTodo('t 1')).deleted_at, null);
		await api.deleteForGood('t 1');
		assert.deepEqual(await api.emptyTrash('l1'), { deleted: 3 });

		assert.deepEqual(fetch.calls.map(request), [
			{ method: 'GET', url: '/api/v1/trash?list_id=l1&page=2&page_size=10', body: undefined },
			{ method: 'POST', url: '/api/v1/todos/t%201/restore', body: undefined },
			{ method: 'DELETE', url: '/api/v1/trash/t%201', body: undefined },
			{ method: 'DELETE', url: '/api/v1/trash?list_id=l1', body: undefined },
		]);
	});

	it('reports restoring a to-do that is not in the trash as 409 CONFLICT', async () => {
		const api = client(stubFetch(json(409, errorBody('CONFLICT', 'The to-do is not in the trash'))));
		await assert.rejects(api.restoreTodo('t1'), (error) => error.status === 409 && error.code === 'CONFLICT');
	});
});

describe('api client: steps', () => {
	it('lists, adds, patches (merge patch) and deletes a to-do\'s steps', async () => {
		const step = { id: 's1', todo_id: 't1', title: 'Eggs', completed: false, position: 1 };
		const fetch = stubFetch(json(200, { data: [step] }), json(201, step), json(200, { ...step, completed: true }), noContent());
		const api = client(fetch);

		assert.deepEqual(await api.steps('t1'), [step]);
		await api.createStep('t1', { title: 'Eggs' });
		await api.patchStep('t1', 's1', { completed: true });
		await api.deleteStep('t1', 's1');

		assert.deepEqual(fetch.calls.map(request), [
			{ method: 'GET', url: '/api/v1/todos/t1/steps', body: undefined },
			{ method: 'POST', url: '/api/v1/todos/t1/steps', body: { title: 'Eggs' } },
			{ method: 'PATCH', url: '/api/v1/todos/t1/steps/s1', body: { completed: true } },
			{ method: 'DELETE', url: '/api/v1/todos/t1/steps/s1', body: undefined },
		]);
		assert.equal(fetch.calls[2].headers['Content-Type'], 'application/merge-patch+json');
	});

	it('keeps the server\'s words for the 101st step', async () => {
		const body = errorBody('VALIDATION_ERROR', 'Invalid input', { details: { steps: ['at most 100 per to-do'] } });
		const api = client(stubFetch(json(400, body)));
		await assert.rejects(api.createStep('t1', { title: 'One too many' }), (error) => error.code === 'VALIDATION_ERROR' && error.details.steps[0] === 'at most 100 per to-do');
	});
});

describe('api client: activity and deletes that outlive the page', () => {
	it('pages a list\'s activity with before= and limit=', async () => {
		const fetch = stubFetch(() => json(200, { data: [], next: null }));
		const api = client(fetch);

		await api.activity('l1');
		await api.activity('l1', { before: 'e 9', limit: 5 });

		assert.deepEqual(fetch.calls.map((call) => call.url), ['/api/v1/lists/l1/activity?limit=30', '/api/v1/lists/l1/activity?limit=5&before=e+9']);
	});

	it('sends a delete of a file with keepalive only when asked to', async () => {
		const fetch = stubFetch(noContent);
		const api = client(fetch);

		await api.deleteAttachment('t1', 'a1');
		await api.deleteAttachment('t1', 'a1', { keepalive: true });

		assert.equal(fetch.calls[0].init.keepalive, undefined);
		assert.equal(fetch.calls[1].init.keepalive, true);
		assert.equal(fetch.calls[1].url, '/api/v1/todos/t1/attachments/a1');
	});
});
