import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivityController } from '../../public/js/activity-controller.js';
import { todo } from './helpers.js';

const bob = { id: 'bob', name: 'Bob', email: 'bob@example.com' };
const ev = (n, action, fields = {}) => ({ id: `e${n}`, at: '2026-01-15T10:30:00.000Z', actor: bob, action, list_id: 'l1', todo_id: 't1', changes: {}, ...fields });

function setup(pages, myId = () => 'me') {
	const requests = [];
	const api = {
		activity: async (listId, { before, limit }) => {
			requests.push({ listId, before, limit });
			return pages.shift() ?? { data: [], next: null };
		},
	};
	const lists = { members: async () => [{ user: bob }, { user: { id: 'me', name: 'Me' } }] };
	const store = {
		state: { todos: [todo({ id: 't1', title: 'Buy milk' })] },
		find(id) {
			return this.state.todos.find((t) => t.id === id) ?? null;
		},
	};
	const calls = [];
	const view = {
		bind: (handlers) => calls.push(['bind', handlers]),
		show: () => calls.push(['show']),
		hide: () => calls.push(['hide']),
		render: (items, { more }) => calls.push(['render', items.map((item) => item.sentence), more]),
		showError: (message) => calls.push(['error', message]),
	};
	const activity = new ActivityController({ api, lists, store, view, myId, setInterval: null });
	const rendered = () => calls.filter(([name]) => name === 'render').at(-1);
	return { activity, requests, calls, store, rendered };
}

const shared = { id: 'l1', name: 'Groceries', member_count: 2 };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the activity panel', () => {
	it('shows only for a shared list, and loads its newest events first', async () => {
		const { activity, requests, calls, rendered } = setup([{ data: [ev(2, 'todo.completed'), ev(1, 'todo.created', { changes: { title: [null, 'Milk'] } })], next: 'e1' }]);

		activity.show({ id: 'solo', member_count: 1 });
		assert.equal(requests.length, 0, 'no panel for a list of one');
		activity.show(shared);
		activity.show(shared); // every render asks; only the first loads
		await tick();

		assert.deepEqual(requests, [{ listId: 'l1', before: undefined, limit: 30 }]);
		assert.deepEqual(rendered(), ['render', ['Bob completed “Buy milk”', 'Bob added “Milk”'], true]);
		activity.show(null);
		assert.deepEqual(calls.at(-1), ['hide']);
	});

	it('says "you" once it learns who the caller is, after the events were shown', async () => {
		let me = null;
		const { activity, rendered } = setup([{ data: [ev(1, 'todo.completed')], next: null }], () => me);
		activity.show(shared);
		await tick();
		assert.deepEqual(rendered()[1], ['Bob completed “Buy milk”']);

		me = 'bob';
		activity.show(shared); // the next render, after GET /me answered

		assert.deepEqual(rendered()[1], ['You completed “Buy milk”']);
	});

	it('loads older pages with before= the last id, until there are none', async () => {
		const { activity, requests, rendered } = setup([
			{ data: [ev(3, 'todo.completed')], next: 'e3' },
			{ data: [ev(2, 'todo.reopened')], next: null },
		]);
		activity.show(shared);
		await tick();

		await activity.loadMore();
		await activity.loadMore();

		assert.deepEqual(requests.map((r) => r.before), [undefined, 'e3']);
		assert.deepEqual(rendered(), ['render', ['Bob completed “Buy milk”', 'Bob reopened “Buy milk”'], false]);
	});

	it('puts newer events on top when refreshed', async () => {
		const { activity, rendered } = setup([
			{ data: [ev(1, 'todo.created', { changes: { title: [null, 'Buy milk'] } })], next: null },
			{ data: [ev(2, 'todo.completed', { actor: { id: 'me', name: 'Me' } }), ev(1, 'todo.created', { changes: { title: [null, 'Buy milk'] } })], next: null },
		]);
		activity.show(shared);
		await tick();

		await activity.refresh();

		assert.deepEqual(rendered()[1], ['You completed “Buy milk”', 'Bob added “Buy milk”']);
	});

	it('keeps the titles of to-dos no longer loaded, and learns titles from the events', async () => {
		const { activity, store, rendered } = setup([
			{
				data: [
					ev(4, 'todo.deleted'),
					ev(3, 'todo.completed', { todo_id: 't2' }),
					ev(2, 'todo.updated', { todo_id: 't2', changes: { title: ['Bred', 'Bread'] } }),
					ev(1.5, 'step.updated', { todo_id: 't3', changes: { step_id: ['s9', 's9'], completed: [false, true] } }),
					ev(1, 'step.created', { todo_id: 't3', changes: { step_id: ['s9', 's9'], title: [null, 'Eggs'] } }),
				],
				next: null,
			},
		]);
		activity.learnTitles();
		store.state.todos = []; // t1 was deleted since
		activity.show(shared);
		await tick();

		assert.deepEqual(rendered()[1], ['Bob deleted “Buy milk”', 'Bob completed “Bread”', 'Bob renamed “Bred” to “Bread”', 'Bob ticked the step “Eggs” of a to-do', 'Bob added the step “Eggs” to a to-do']);
	});
});
