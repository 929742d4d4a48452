import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApiClient } from '../../public/js/api.js';
import { errorBody, json, stubFetch } from './helpers.js';

const client = (fetch) => createApiClient({ fetch, getToken: () => 'tok', timeZone: 'Pacific/Kiritimati' });
const request = (call) => ({ method: call.init.method, url: call.url, body: call.body === undefined ? undefined : JSON.parse(call.body) });

describe('api client: time zone', () => {
	it('sends the time zone with every read of to-dos and stats, next to list_id and due', async () => {
		const fetch = stubFetch(() => json(200, { data: [], meta: { page: 1, page_size: 100, total_count: 0, total_pages: 0 } }));
		const api = client(fetch);

		await api.listAllTodos({ list_id: 'l1', due: 'overdue' });
		await api.stats({ list_id: 'l1' });
		await api.stats();

		const queries = fetch.calls.map((call) => new URL(call.url, 'http://x'));
		assert.deepEqual(queries.map((url) => url.searchParams.get('tz')), ['Pacific/Kiritimati', 'Pacific/Kiritimati', 'Pacific/Kiritimati']);
		assert.equal(queries[0].searchParams.get('list_id'), 'l1');
		assert.equal(queries[0].searchParams.get('due'), 'overdue');
		assert.equal(queries[1].pathname, '/api/v1/todos/stats');
		assert.equal(queries[1].searchParams.get('list_id'), 'l1');
	});

	it('takes the browser zone when none is given', async () => {
		const fetch = stubFetch(() => json(200, {}));
		await createApiClient({ fetch }).stats();
		assert.equal(new URL(fetch.calls[0].url, 'http://x').searchParams.get('tz'), Intl.DateTimeFormat().resolvedOptions().timeZone);
	});
});

describe('api client: lists and sharing', () => {
	it('reads, creates, renames, reorders and deletes lists', async () => {
		const list = { id: 'l1', name: 'Groceries' };
		const fetch = stubFetch(json(200, { data: [list] }), json(201, list), json(200, list), json(200, list), new Response(null, { status: 204 }));
		const api = client(fetch);

		assert.deepEqual(await api.lists(), [list]);
		await api.createList('Groceries');
		await api.patchList('l1', { name: 'Food' });
		await api.patchList('l1', { position: 3 });
		await api.deleteList('l1');

		assert.deepEqual(fetch.calls.map(request), [
			{ method: 'GET', url: '/api/v1/lists', body: undefined },
			{ method: 'POST', url: '/api/v1/lists', body: { name: 'Groceries' } },
			{ method: 'PATCH', url: '/api/v1/lists/l1', body: { name: 'Food' } },
			{ method: 'PATCH', url: '/api/v1/lists/l1', body: { position: 3 } },
			{ method: 'DELETE', url: '/api/v1/lists/l1', body: undefined },
		]);
		assert.equal(fetch.calls[2].headers['Content-Type'], 'application/merge-patch+json');
	});

	it('manages members: by e-mail, role by id, removal and leaving', async () => {
		const member = { user: { id: 'bob', name: 'Bob', email: 'bob@example.com' }, role: 'editor', added_at: 'x' };
		const fetch = stubFetch(json(200, { data: [member] }), json(201, member), json(200, member), new Response(null, { status: 204 }));
		const api = client(fetch);

		assert.deepEqual(await api.members('l1'), [member]);
		await api.addMember('l1', 'bob@example.com', 'editor');
		await api.setMemberRole('l1', 'bob', 'viewer');
		await api.removeMember('l1', 'bob|x');

		assert.deepEqual(fetch.calls.map(request), [
			{ method: 'GET', url: '/api/v1/lists/l1/members', body: undefined },
			{ method: 'POST', url: '/api/v1/lists/l1/members', body: { email: 'bob@example.com', role: 'editor' } },
			{ method: 'PUT', url: '/api/v1/lists/l1/members/bob', body: { role: 'viewer' } },
			{ method: 'DELETE', url: '/api/v1/lists/l1/members/bob%7Cx', body: undefined },
		]);
	});

	it('reports an unknown e-mail as USER_NOT_FOUND', async () => {
		const fetch = stubFetch(json(404, errorBody('USER_NOT_FOUND', 'No such user')));

		const error = await client(fetch).addMember('l1', 'nobody@example.com', 'viewer').catch((e) => e);

		assert.equal(error.code, 'USER_NOT_FOUND');
		assert.equal(error.isNotFound, true);
	});

	it('creates, lists and revokes invites; previews and accepts one by token', async () => {
		const created = { id: 'i1', role: 'viewer', expires_at: 'x', created_at: 'y', token: 'tok/en', url: '/invite/tok%2Fen' };
		const fetch = stubFetch(json(201, created), json(200, { data: [] }), new Response(null, { status: 204 }), json(200, { role: 'viewer' }), json(200, { id: 'l1' }));
		const api = client(fetch);

		assert.deepEqual(await api.createInvite('l1', 'viewer', 3), created);
		assert.deepEqual(await api.invites('l1'), []);
		await api.revokeInvite('l1', 'i1');
		await api.invite('tok/en');
		assert.deepEqual(await api.acceptInvite('tok/en'), { id: 'l1' });

		assert.deepEqual(fetch.calls.map(request), [
			{ method: 'POST', url: '/api/v1/lists/l1/invites', body: { role: 'viewer', expires_in_days: 3 } },
			{ method: 'GET', url: '/api/v1/lists/l1/invites', body: undefined },
			{ method: 'DELETE', url: '/api/v1/lists/l1/invites/i1', body: undefined },
			{ method: 'GET', url: '/api/v1/invites/tok%2Fen', body: undefined },
			{ method: 'POST', url: '/api/v1/invites/tok%2Fen/accept', body: undefined },
		]);
	});
});
