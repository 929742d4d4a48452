import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { todo } from './helpers.js';
import { loadedStore, serverError, titles } from './store-fixtures.js';

describe('OptimisticWrites', () => {
	let api;
	let store;
	let writes;
	let events;

	beforeEach(async () => {
		({ api, store, writes, events } = await loadedStore());
	});

	it('adds trimmed titles at once, then with the server id; ignores blank ones', async () => {
		assert.equal(writes.add('   '), false);
		assert.equal(writes.add('  Call mum  '), true);
		assert.equal(store.state.todos.at(-1).title, 'Call mum');
		assert.equal(store.state.todos.at(-1).pending, true);
		await writes.settled();
		const added = store.state.todos.at(-1);
		assert.equal(added.pending, undefined);
		assert.match(added.id, /^id-/);
		assert.equal(api.todos.length, 4);
	});

	it('sends creates one after another, so that the server numbers them in the order typed', async () => {
		const create = api.createTodo.bind(api);
		const started = [];
		let releaseFirst;
		const firstHeld = new Promise((resolve) => (releaseFirst = resolve));
		api.createTodo = async (fields) => {
			started.push(fields.title);
			if (fields.title === 'Slow') await firstHeld;
			return create(fields);
		};

		writes.add('Slow');
		writes.add('Quick');
		await new Promise((resolve) => setTimeout(resolve, 5));
		assert.deepEqual(started, ['Slow'], 'the second waits for the first');
		releaseFirst();
		await writes.settled();

		assert.deepEqual(started, ['Slow', 'Quick']);
		assert.deepEqual(api.todos.slice(-2).map((t) => t.title), ['Slow', 'Quick']);
	});

	it('takes an added to-do back when the server refuses, and its retry adds it', async () => {
		api.failNext('createTodo', serverError());
		writes.add('Call mum');
		await writes.settled();
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(events.failure.length, 1);
		assert.match(events.failure[0].message, /“Call mum” could not be added/);
		events.failure[0].retry();
		await writes.settled();
		assert.equal(titles(store).at(-1), 'Call mum');
	});

	it('keeps the unsaved title when a write needs a new sign-in', async () => {
		api.failNext('createTodo', new ApiError({ status: 401, code: 'INVALID_TOKEN', message: 'expired' }));
		writes.add('Call mum');
		await writes.settled();
		assert.equal(events.unauthorized.length, 1);
		assert.equal(events.unauthorized[0].draft, 'Call mum');
		assert.equal(events.failure.length, 0);
	});

	it('sends a change of a to-do still being created after its creation, to the server id', async () => {
		writes.add('Call mum');
		const temporaryId = store.state.todos.at(-1).id;
		const done = writes.toggle(temporaryId, true);
		assert.equal(store.find(temporaryId).completed, true, 'optimistic');
		await done;
		await writes.settled();
		const created = api.todos.at(-1);
		assert.equal(created.title, 'Call mum');
		assert.equal(created.completed, true);
		assert.equal(store.find(temporaryId), store.find(created.id), 'the temporary id leads to the created to-do');
		assert.equal(store.find(created.id).version, 2);
	});

	it('toggles at once and keeps the server version', async () => {
		const done = writes.toggle('a', true);
		assert.equal(store.find('a').completed, true, 'optimistic');
		await done;
		assert.equal(store.find('a').version, 2);
		assert.equal(api.find('a').completed, true);
	});

	it('rolls a refused toggle back and says so', async () => {
		api.failNext('patchTodo', serverError());
		await writes.toggle('a', true);
		assert.equal(store.find('a').completed, false);
		assert.equal(events.failure.length, 1);
		assert.equal(events.failure[0].error.requestId, 'r-500');
		assert.equal(events.failure[0].message, '“Buy milk” could not be marked as done.');
	});

	it('sends quick successive changes of one to-do in order, each with the previous version', async () => {
		writes.toggle('a', true);
		writes.toggle('a', false);
		writes.rename('a', 'Buy oat milk');
		await writes.settled();
		assert.equal(events.conflict.length, 0);
		assert.equal(api.find('a').version, 4);
		assert.equal(api.find('a').title, 'Buy oat milk');
		assert.equal(api.find('a').completed, false);
		assert.equal(store.find('a').version, 4);
	});

	it('keeps a later optimistic edit shown while an earlier write of the same to-do answers', async () => {
		const first = writes.toggle('a', true);
		writes.rename('a', 'Buy oat milk');
		await first;
		assert.equal(store.find('a').version, 2, 'the server version of the first write');
		assert.equal(store.find('a').title, 'Buy oat milk', 'the second write still shown');
		await writes.settled();
		assert.equal(store.find('a').version, 3);
	});

	it('on 412 re-applies a change of another field on the latest version, without asking', async () => {
		Object.assign(api.find('a'), { title: 'Buy milk and eggs', version: 5 }); // renamed in another tab
		await writes.toggle('a', true);
		assert.equal(events.conflict.length + events.choice.length + events.failure.length, 0);
		assert.equal(api.find('a').title, 'Buy milk and eggs', 'their change kept');
		assert.equal(api.find('a').completed, true, 'ours applied on top');
		assert.equal(store.find('a').title, 'Buy milk and eggs');
		assert.equal(store.find('a').version, 6);
	});

	it('on 412 for a field both sides changed shows both values and lets the user keep theirs', async () => {
		Object.assign(api.find('a'), { title: 'Buy oat milk', notes: 'theirs', version: 5 });
		await writes.saveDetails('a', { title: 'Buy soy milk', notes: 'mine', priority: 'high' });
		assert.equal(api.find('a').priority, 'high', 'the field only we changed is applied');
		assert.equal(events.choice.length, 1);
		assert.deepEqual(events.choice[0].fields, [
			{ field: 'title', mine: 'Buy soy milk', theirs: 'Buy oat milk' },
			{ field: 'notes', mine: 'mine', theirs: 'theirs' },
		]);
		assert.equal(store.find('a').notes, 'theirs', 'their version shown until the user chooses');
		await events.choice[0].keepMine();
		assert.equal(api.find('a').notes, 'mine');
		assert.equal(api.find('a').title, 'Buy soy milk');
		assert.equal(store.find('a').notes, 'mine');
	});

	it('on 412 for a deletion puts the latest version back in its place', async () => {
		Object.assign(api.find('b'), { title: 'Walk the dog', version: 3 });
		await writes.remove('b');
		assert.equal(events.conflict.length, 1);
		assert.equal(events.conflict[0].todo.title, 'Walk the dog');
		assert.deepEqual(titles(store), ['Buy milk', 'Walk the dog', 'Pay rent']);
		assert.equal(store.find('b').version, 3);
		assert.equal(api.todos.length, 3, 'nothing deleted');
	});

	it('deletes the to-do when an edit leaves the title blank', async () => {
		await writes.rename('a', '   ');
		assert.equal(store.find('a'), null);
		assert.equal(api.todos.length, 2);
	});

	it('sends nothing for a rename to the same title', async () => {
		await writes.rename('a', ' Buy milk ');
		assert.equal(api.calls.includes('patchTodo'), false);
	});

	it('puts a to-do whose deletion failed back in its place', async () => {
		api.failNext('deleteTodo', serverError());
		await writes.remove('b');
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(events.failure.length, 1);
	});

	it('takes the deletion of a to-do already gone as done', async () => {
		api.todos = api.todos.filter((t) => t.id !== 'b');
		await writes.remove('b');
		assert.equal(store.find('b'), null);
		assert.equal(events.failure.length + events.notice.length + events.conflict.length, 0);
	});

	it('drops a to-do that no longer exists with a notice', async () => {
		api.todos = api.todos.filter((t) => t.id !== 'c');
		await writes.toggle('c', true);
		assert.equal(store.find('c'), null);
		assert.equal(events.notice.length, 1);
	});

	it('marks all completed and clears completed', async () => {
		await writes.toggleAll(true);
		assert.equal(store.allCompleted, true);
		assert.ok(api.todos.every((t) => t.completed));
		await writes.clearCompleted();
		assert.equal(store.state.todos.length, 0);
		assert.equal(api.todos.length, 0);
	});

	it('rolls back, and reports, each to-do of a toggle-all or clear completed that the server refused', async () => {
		api.failNext('patchTodo', serverError());
		await writes.toggleAll(true);
		assert.equal(store.activeCount, 1, 'the first undone, the other saved');
		assert.match(events.failure[0].message, /“Buy milk” could not be marked as done/);
		api.failNext('deleteTodo', serverError());
		await writes.clearCompleted();
		assert.deepEqual(titles(store), ['Buy milk', 'Pay rent'], 'the one refused (sent first: the last) is back in its place');
		assert.equal(events.failure.length, 2);
	});

	it('puts refused deletes of a clear completed back in their places, whichever were refused', async () => {
		({ api, store, writes, events } = await loadedStore([1, 2, 3, 4, 5].map((n) => todo({ id: `t${n}`, title: `T${n}`, completed: n % 2 === 0, position: n }))));
		api.failNext('deleteTodo', serverError());
		api.failNext('deleteTodo', serverError());
		await writes.clearCompleted();
		assert.deepEqual(titles(store), ['T1', 'T2', 'T3', 'T4', 'T5']);
		api.failNext('deleteTodo', serverError()); // T4, sent first; T2 is cleared
		await writes.clearCompleted();
		assert.deepEqual(titles(store), ['T1', 'T3', 'T4', 'T5']);
	});

	it('sends toggle-all after the writes queued before it, one write per to-do, each with its version', async () => {
		writes.toggle('a', true);
		await writes.toggleAll(false);
		assert.deepEqual(api.calls.filter((call) => call === 'patchTodo'), ['patchTodo', 'patchTodo', 'patchTodo']);
		assert.equal(store.activeCount, 3);
		assert.equal(events.conflict.length + events.choice.length + events.failure.length, 0, 'no 412 among them');
		assert.deepEqual(store.state.todos.map((t) => t.version), [3, 2, 1]);
	});

	it('shows a whole toggle-all as one change of the store, and asks for the stats twice at most', async () => {
		const changes = [];
		store.addEventListener('change', () => changes.push(store.allCompleted));
		const stats = api.calls.filter((call) => call === 'stats').length;
		const done = writes.toggleAll(true);
		assert.deepEqual(changes, [true], 'one change, all shown at once');
		await done;
		await store.refreshStats();
		assert.ok(api.calls.filter((call) => call === 'stats').length - stats <= 3, 'stats asked for are coalesced');
	});

	it('saves only the details that changed', async () => {
		const patches = [];
		const original = api.patchTodo.bind(api);
		api.patchTodo = (id, patch, version) => {
			patches.push(patch);
			return original(id, patch, version);
		};
		await writes.saveDetails('a', { title: 'Buy milk', notes: 'semi-skimmed', due_date: '2026-01-20', priority: 'none' });
		assert.deepEqual(patches, [{ notes: 'semi-skimmed', due_date: '2026-01-20' }]);
		await writes.saveDetails('a', { title: 'Buy milk', notes: 'semi-skimmed', due_date: '2026-01-20', priority: 'none' });
		assert.equal(patches.length, 1, 'nothing changed, nothing sent');
	});

	it('saves from the details only what the user changed there, never undoing a change synced meanwhile', async () => {
		const opened = { ...store.find('a') };
		Object.assign(api.find('a'), { priority: 'high', version: 2 }); // changed elsewhere…
		store.replace({ ...api.find('a') }); // …and synced while the dialog was open
		await writes.saveDetails('a', { title: 'Buy milk', notes: 'typed here', due_date: null, priority: 'none' }, opened);
		assert.equal(api.find('a').priority, 'high', 'their priority stays');
		assert.equal(api.find('a').notes, 'typed here');
		assert.equal(events.choice.length, 0);
	});
});
