import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { Connectivity } from '../../public/js/connectivity.js';
import { MemoryData, userData } from '../../public/js/local-data.js';
import { OptimisticWrites } from '../../public/js/optimistic-writes.js';
import { Outbox } from '../../public/js/outbox.js';
import { TodoStore } from '../../public/js/store.js';
import { WriteQueue } from '../../public/js/write-queue.js';
import { FakeApi, recordEvents, serverError, threeTodos, titles } from './store-fixtures.js';

const offline = () => new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'unreachable' });
const unavailable = () => new ApiError({ status: 503, code: 'UNAVAILABLE', message: 'later' });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A tab: store, writes and outbox over the given local data; `api` is the server both tabs share. */
async function openTab(api, data, { delays = [60_000], load = true } = {}) {
	const writeQueue = new WriteQueue();
	const outbox = await Outbox.open(userData(data, 'alice'));
	const store = new TodoStore({ api, writeQueue, pending: outbox });
	const connectivity = new Connectivity({ delays });
	const writes = new OptimisticWrites({ store, api, writeQueue, outbox, connectivity });
	const events = recordEvents(store);
	if (load) await store.load();
	return { store, writes, outbox, connectivity, events };
}

/** An API whose every call fails with `error` while `down` is true. */
function downable(api, error) {
	const call = api.call.bind(api);
	api.down = false;
	api.call = (method, fn) => (api.down ? (api.calls.push(method), Promise.reject(error())) : call(method, fn));
	return api;
}

describe('Outbox', () => {
	it('records every write before sending it and keeps it until the server confirmed it', async () => {
		const api = new FakeApi(threeTodos());
		const { writes, outbox } = await openTab(api, new MemoryData());
		writes.toggle('a', true);
		writes.add('Call mum');
		assert.equal(outbox.count, 2, 'recorded at once');
		await writes.settled();
		assert.equal(outbox.count, 0, 'gone once confirmed');
	});

	it('keeps writes waiting while the server is unreachable, shows them, and sends them in order when it is back', async () => {
		const api = downable(new FakeApi(threeTodos()), offline);
		const { store, writes, outbox, connectivity, events } = await openTab(api, new MemoryData());
		api.down = true;
		writes.add('Call mum');
		writes.toggle('a', true);
		writes.rename('c', 'Pay the rent');
		await tick();
		assert.equal(connectivity.online, false);
		assert.equal(outbox.count, 3, 'three changes waiting');
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay the rent', 'Call mum'], 'shown at once');
		assert.equal(store.find('a').completed, true);
		assert.equal(events.failure.length, 0, 'an outage is no failure');

		api.down = false;
		connectivity.retryNow();
		await writes.settled();
		assert.equal(outbox.count, 0);
		assert.equal(connectivity.online, true);
		assert.deepEqual(api.calls.filter((c) => /create|patch/.test(c)).slice(-3), ['createTodo', 'patchTodo', 'patchTodo']);
		assert.deepEqual(api.todos.map((t) => t.title), ['Buy milk', 'Walk dog', 'Pay the rent', 'Call mum']);
		assert.equal(api.todos.filter((t) => t.title === 'Call mum').length, 1, 'created exactly once');
	});

	it('sends a create again under the same key when its answer was lost, and the server makes it once', async () => {
		const api = new FakeApi(threeTodos());
		const { store, writes, outbox, connectivity } = await openTab(api, new MemoryData(), { delays: [10] });
		const keys = [];
		const create = api.createTodo.bind(api);
		let lose = true;
		api.createTodo = async (fields, options) => {
			keys.push(options?.key);
			const created = await create(fields, options);
			if (lose) {
				lose = false;
				throw offline(); // made on the server, the answer lost on the way
			}
			return created;
		};
		writes.add('Call mum');
		await tick();
		connectivity.retryNow();
		await writes.settled();

		assert.equal(outbox.count, 0);
		assert.equal(keys.length, 2);
		assert.ok(keys[0], 'a key is sent');
		assert.equal(keys[1], keys[0], 'the same key again');
		assert.equal(api.todos.filter((t) => t.title === 'Call mum').length, 1, 'created exactly once');
		assert.equal(titles(store).filter((title) => title === 'Call mum').length, 1);
	});

	it('drops a create sent again after its to-do went to the trash, without a failure', async () => {
		const api = new FakeApi(threeTodos());
		const { store, writes, outbox, events } = await openTab(api, new MemoryData());
		api.failNext('createTodo', new ApiError({ status: 404, code: 'TODO_NOT_FOUND', message: 'gone' }));
		writes.add('Call mum');
		await writes.settled();

		assert.equal(outbox.count, 0);
		assert.equal(events.failure.length, 0);
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
	});

	it('waits out a 503 the same way', async () => {
		const api = downable(new FakeApi(threeTodos()), unavailable);
		const { writes, outbox, connectivity } = await openTab(api, new MemoryData(), { delays: [10] });
		api.down = true;
		const done = writes.toggle('b', false);
		await tick();
		assert.equal(outbox.count, 1);
		api.down = false;
		connectivity.retryNow();
		await done;
		assert.equal(api.find('b').completed, false);
		assert.equal(connectivity.online, true);
	});

	it('replays after a reload what a closed tab left, creates first, changes of them under the server id', async () => {
		const data = new MemoryData();
		const api = downable(new FakeApi(threeTodos()), offline);
		const first = await openTab(api, data);
		api.down = true;
		first.writes.add('Call mum');
		const temporaryId = first.store.state.todos.at(-1).id;
		first.writes.toggle(temporaryId, true);
		first.writes.remove('b');
		await tick();
		assert.equal(first.outbox.count, 3); // the tab closes here

		api.down = false;
		const second = await openTab(api, data);
		assert.deepEqual(titles(second.store), ['Buy milk', 'Pay rent', 'Call mum'], 'the waiting writes are shown on the loaded list');
		second.writes.resume();
		await second.writes.settled();
		assert.equal(second.outbox.count, 0);
		const created = api.todos.find((t) => t.title === 'Call mum');
		assert.equal(created.completed, true, 'the tick followed the create');
		assert.equal(api.todos.find((t) => t.id === 'b'), undefined, 'deleted');
		assert.equal(second.store.find(created.id).completed, true);
		assert.equal(second.store.state.todos.some((t) => t.pending), false);
	});

	it('shows a create from a closed tab that the server confirmed while the list loaded, from a read made before it', async () => {
		const data = new MemoryData();
		const api = downable(new FakeApi(threeTodos()), offline);
		const first = await openTab(api, data);
		api.down = true;
		first.writes.add('Call mum');
		await tick();
		assert.equal(first.outbox.count, 1); // the tab closes here

		api.down = false;
		const before = api.todos.map((t) => ({ ...t }));
		let answerTheList;
		api.listAllTodos = () => new Promise((resolve) => (answerTheList = () => resolve(before.map((t) => ({ ...t })))));
		const second = await openTab(api, data, { load: false });
		const loading = second.store.load();
		second.writes.resume();
		await second.writes.settled();
		assert.equal(second.outbox.count, 0, 'created on the server');
		answerTheList(); // the list as it was before the create
		await loading;
		assert.deepEqual(titles(second.store), ['Buy milk', 'Walk dog', 'Pay rent', 'Call mum']);
		assert.equal(second.store.state.todos.some((t) => t.pending), false);
	});

	it('queues toggle-all per to-do, shows it at once, and replays it after an outage, also after a reload', async () => {
		const data = new MemoryData();
		const api = downable(new FakeApi(threeTodos()), offline);
		const first = await openTab(api, data);
		api.down = true;
		first.writes.toggleAll(true);
		assert.equal(first.store.allCompleted, true, 'shown at once');
		await tick();
		assert.deepEqual(first.outbox.list().map((entry) => [entry.kind, entry.key, entry.patch]), [
			['patch', 'a', { completed: true }],
			['patch', 'c', { completed: true }],
		], 'one write per to-do that changes, none for the one already done');
		assert.equal(first.events.failure.length, 0); // the tab closes here

		api.down = false;
		const second = await openTab(api, data);
		assert.equal(second.store.allCompleted, true, 'the waiting writes shown over the loaded list');
		second.writes.resume();
		await second.writes.settled();
		assert.equal(second.outbox.count, 0);
		assert.ok(api.todos.every((t) => t.completed), 'on the server');
	});

	it('queues clear completed per to-do, shown at once, and replays it when the server is back', async () => {
		const api = downable(new FakeApi(threeTodos()), offline);
		const { store, writes, outbox, connectivity } = await openTab(api, new MemoryData());
		writes.toggle('a', true);
		await writes.settled();
		api.down = true;
		const clearing = writes.clearCompleted();
		assert.deepEqual(titles(store), ['Pay rent'], 'shown at once');
		await tick();
		assert.deepEqual(outbox.list().map((entry) => [entry.kind, entry.key]), [['delete', 'b'], ['delete', 'a']], 'one delete each, last first');

		api.down = false;
		connectivity.retryNow();
		await clearing;
		assert.equal(outbox.count, 0);
		assert.deepEqual(api.todos.map((t) => t.title), ['Pay rent']);
		assert.deepEqual(api.trashed.map((t) => t.id).sort(), ['a', 'b'], 'to the trash, as the bulk delete does');
	});

	it('merges a toggle-all on a to-do changed elsewhere, and undoes only the one refused', async () => {
		const api = new FakeApi(threeTodos());
		const { store, writes, events } = await openTab(api, new MemoryData());
		Object.assign(api.find('a'), { title: 'Buy oat milk', version: 4 }); // renamed elsewhere: 412
		const patch = api.patchTodo.bind(api);
		api.patchTodo = (id, body, version) => (id === 'c' ? Promise.reject(serverError()) : patch(id, body, version));
		await writes.toggleAll(true);
		assert.equal(api.find('a').completed, true, 'sent again on the latest version');
		assert.equal(api.find('a').title, 'Buy oat milk', 'their change kept');
		assert.equal(store.find('c').completed, false, 'the refused one undone');
		assert.equal(store.find('a').completed, true);
		assert.equal(events.failure.length, 1);
		assert.match(events.failure[0].message, /“Pay rent” could not be marked as done/);
	});

	it('reports each refused write on its own, undone, each with its own retry', async () => {
		const api = new FakeApi(threeTodos());
		const { store, writes, events } = await openTab(api, new MemoryData());
		api.failNext('createTodo', serverError());
		api.failNext('patchTodo', serverError());
		writes.add('Call mum');
		writes.toggle('a', true);
		await writes.settled();
		assert.equal(events.failure.length, 2, 'the second does not replace the first');
		assert.match(events.failure[0].message, /Call mum/);
		assert.match(events.failure[1].message, /Buy milk/);
		assert.equal(store.find('a').completed, false, 'rolled back');
		events.failure[1].retry();
		await writes.settled();
		assert.equal(api.find('a').completed, true);
	});

	it('keeps a change in the outbox when the server asks for a new sign-in, so it is sent after it', async () => {
		const data = new MemoryData();
		const api = new FakeApi(threeTodos());
		const { writes, outbox, events } = await openTab(api, data);
		api.failNext('patchTodo', new ApiError({ status: 401, code: 'INVALID_TOKEN', message: 'expired' }));
		await writes.toggle('a', true);
		assert.equal(events.unauthorized.length, 1);
		assert.equal(outbox.count, 1);
		const again = await openTab(api, data);
		again.writes.resume();
		await again.writes.settled();
		assert.equal(api.find('a').completed, true);
	});

	it('adopts a closed tab\'s writes once, even when its last save lands again after the adoption', async () => {
		const data = userData(new MemoryData(), 'alice');
		const closed = await Outbox.open(data, { tabId: 'closed' });
		await closed.record({ kind: 'create', key: 'pending-1', title: 'Once', fields: { title: 'Once' } });
		const late = closed.list();
		const open = await Outbox.open(data, { tabId: 'open' });
		assert.equal(open.count, 1);
		await data.put('outbox/closed', late); // the closed tab's save, landing late
		assert.deepEqual(await open.adoptOrphans(), []);
		assert.equal(open.count, 1);
	});

	it('keeps the data of each user apart', async () => {
		const data = new MemoryData();
		const alice = userData(data, 'alice');
		await alice.put('outbox', [{ id: 1 }]);
		await userData(data, 'bob').put('outbox', [{ id: 2 }]);
		await alice.forget();
		assert.equal(await alice.get('outbox'), undefined);
		assert.deepEqual(await userData(data, 'bob').get('outbox'), [{ id: 2 }]);
	});
});
