import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { UndoableDeletes } from '../../public/js/undoable-deletes.js';
import { UndoOffers } from '../../public/js/undo.js';
import { todo } from './helpers.js';
import { loadedStore, serverError, threeTodos, titles } from './store-fixtures.js';

async function setup(todos = threeTodos()) {
	const loaded = await loadedStore(todos);
	loaded.store.state.scope = { listId: 'l1', due: [] };
	const undo = new UndoOffers({ setTimer: () => 0, clearTimer() {} });
	const deletes = new UndoableDeletes({ ...loaded, undo });
	return { ...loaded, undo, deletes };
}

describe('deleting to-dos with undo', () => {
	it('moves a to-do to the trash at once and says so; undo brings it back where it stood', async () => {
		const { api, store, undo, deletes } = await setup();

		await deletes.removeTodo('b');
		assert.deepEqual(titles(store), ['Buy milk', 'Pay rent']);
		assert.equal(undo.message, 'Deleted “Walk dog”.');
		assert.deepEqual(api.trashed.map((t) => t.id), ['b']);

		await undo.undo();
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(store.find('b').version, 2, 'the restored version');
		assert.deepEqual(api.calls.filter((c) => c === 'deleteTodo' || c === 'restoreTodo'), ['deleteTodo', 'restoreTodo']);
		assert.equal(undo.message, null);
	});

	it('restores only once the delete has been answered, even when undone at once', async () => {
		const { api, store, undo, deletes } = await setup();

		const deleting = deletes.removeTodo('a');
		const undoing = undo.undo();
		await Promise.all([deleting, undoing]);

		assert.deepEqual(api.calls.filter((c) => c === 'deleteTodo' || c === 'restoreTodo'), ['deleteTodo', 'restoreTodo']);
		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
	});

	it('asks nothing of the server when the delete was refused (the to-do is back already)', async () => {
		const { api, store, undo, deletes, events } = await setup();
		api.failNext('deleteTodo', serverError());

		await deletes.removeTodo('a');
		await undo.undo();

		assert.deepEqual(titles(store), ['Buy milk', 'Walk dog', 'Pay rent']);
		assert.equal(api.calls.includes('restoreTodo'), false);
		assert.equal(events.failure.length, 1, 'the refused delete is reported, once');
	});

	it('says when a to-do cannot come back, because it is no longer in the trash', async () => {
		const { api, store, undo, deletes, events } = await setup();
		await deletes.removeTodo('a');
		api.trashed = []; // restored or purged elsewhere

		await undo.undo();

		assert.deepEqual(titles(store), ['Walk dog', 'Pay rent']);
		assert.match(events.failure[0].message, /“Buy milk” is no longer in the trash/);
		assert.equal(events.failure[0].retry, null);
	});

	it('keeps a restored to-do out of another list shown meanwhile', async () => {
		const { store, undo, deletes } = await setup();
		await deletes.removeTodo('a');
		store.state.scope = { listId: 'other', due: [] };
		store.state.todos = [];

		await undo.undo();

		assert.deepEqual(titles(store), []);
	});
});

describe('clearing completed to-dos with undo', () => {
	const four = () => [
		todo({ id: 'a', title: 'One', position: 1 }),
		todo({ id: 'b', title: 'Two', completed: true, position: 2 }),
		todo({ id: 'c', title: 'Three', position: 3 }),
		todo({ id: 'd', title: 'Four', completed: true, position: 4 }),
	];

	it('clears them at once; undo puts each back at its place', async () => {
		const { api, store, undo, deletes } = await setup(four());

		await deletes.clearCompleted();
		assert.deepEqual(titles(store), ['One', 'Three']);
		assert.equal(undo.message, 'Cleared 2 completed to-dos.');
		assert.deepEqual(api.calls.filter((c) => c === 'deleteTodo').length, 2, 'one delete each');

		await undo.undo();
		assert.deepEqual(titles(store), ['One', 'Two', 'Three', 'Four']);
		assert.equal(api.calls.filter((c) => c === 'restoreTodo').length, 2);
		assert.equal(api.calls.includes('trash'), false, 'every cleared to-do was known');
	});

	it('takes back one still waiting to be created, after its create and delete were sent', async () => {
		const { api, store, undo, deletes, writes } = await setup(four());
		writes.add('Five');
		writes.toggle(store.state.todos.at(-1).id, true);
		await deletes.clearCompleted();
		assert.deepEqual(titles(store), ['One', 'Three']);

		await undo.undo();
		assert.deepEqual(titles(store), ['One', 'Two', 'Three', 'Four', 'Five']);
		assert.equal(api.todos.find((t) => t.title === 'Five').completed, true);
	});

	it('has nothing to undo when the server refused to clear', async () => {
		const { api, store, undo, deletes, events } = await setup(four());
		api.failNext('deleteTodo', new ApiError({ status: 403, code: 'FORBIDDEN', message: 'read-only' }));
		api.failNext('deleteTodo', new ApiError({ status: 403, code: 'FORBIDDEN', message: 'read-only' }));

		await deletes.clearCompleted();
		await undo.undo();

		assert.deepEqual(titles(store), ['One', 'Two', 'Three', 'Four']);
		assert.equal(api.calls.includes('restoreTodo'), false);
		assert.equal(events.failure.length, 2, 'each refused delete said on its own');
	});
});
