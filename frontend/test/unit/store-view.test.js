import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activeCount, inScope, joinAnswers, reconcile, statsParams, todoQueries, viewKey, visibleTodos } from '../../public/js/store-view.js';
import { todo } from './helpers.js';

const state = (fields = {}) => ({ scope: { listId: null, due: [] }, todos: [], filter: 'all', query: '', sort: 'position', order: 'asc', ...fields });

describe('what the list shows (store-view)', () => {
	const todos = [todo({ id: 'a' }), todo({ id: 'b', completed: true }), todo({ id: 'c' })];

	it('filters and counts', () => {
		assert.deepEqual(visibleTodos(state({ todos, filter: 'active' })).map((t) => t.id), ['a', 'c']);
		assert.deepEqual(visibleTodos(state({ todos, filter: 'completed' })).map((t) => t.id), ['b']);
		assert.equal(visibleTodos(state({ todos })).length, 3);
		assert.equal(activeCount(todos), 2);
	});

	it('tells which to-dos belong to the scope: a list, the due-date views, a search', () => {
		const list = state({ scope: { listId: 'l1', due: [] } });
		assert.equal(inScope(list, { list_id: 'l1' }), true);
		assert.equal(inScope(list, { list_id: 'l2' }), false);
		assert.equal(inScope(list, {}), true, 'a create without a list goes to the list shown');
		const today = state({ scope: { listId: null, due: ['overdue', 'today'] } });
		assert.equal(inScope(today, { due_date: '2026-01-15' }), true);
		assert.equal(inScope(today, { due_date: null }), false);
		const search = state({ scope: { listId: 'l1', due: [] }, query: 'Milk' });
		assert.equal(inScope(search, { title: 'Buy oat milk', list_id: 'l2' }), true);
		assert.equal(inScope(search, { title: 'Pay rent' }), false);
	});

	it('makes one query per due value, and joins their answers each to-do once', () => {
		assert.deepEqual(todoQueries(state({ query: 'milk', sort: 'title', order: 'desc' })), [{ list_id: undefined, q: 'milk', sort: 'title', order: 'desc' }]);
		const queries = todoQueries(state({ scope: { listId: null, due: ['overdue', 'today'] } }));
		assert.deepEqual(queries.map((q) => q.due), ['overdue', 'today']);
		assert.deepEqual(joinAnswers([[todo({ id: 'x' })], [todo({ id: 'y' }), todo({ id: 'x' })]]).map((t) => t.id), ['x', 'y']);
		assert.deepEqual(statsParams({ listId: 'l1' }), { list_id: 'l1' });
		assert.deepEqual(statsParams({ listId: null }), {});
	});

	it('keys a view by scope, search and order', () => {
		assert.notEqual(viewKey(state({ query: 'a' })), viewKey(state({ query: 'b' })));
		assert.equal(viewKey(state({ filter: 'active' })), viewKey(state()), 'the filter is no other view');
	});

	it('joins a loaded list with what changed here meanwhile', () => {
		const local = [todo({ id: 'a', version: 3 }), todo({ id: 'b', version: 1 }), todo({ id: 'p', pending: true }), todo({ id: 'new' })];
		const loaded = [todo({ id: 'a', version: 2 }), todo({ id: 'b', version: 1, title: 'theirs' }), todo({ id: 'gone' })];
		const result = reconcile(local, loaded, { deleted: new Set(['gone']), created: new Set(['new']), hasWrite: (id) => id === 'b' });
		assert.deepEqual(result.map((t) => t.id), ['a', 'b', 'p', 'new']);
		assert.equal(result[0].version, 3, 'the newer local version');
		assert.equal(result[1].title, 'Buy milk', 'a to-do with a queued write stays as shown');
	});
});
