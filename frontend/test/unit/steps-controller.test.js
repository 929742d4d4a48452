import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { StepsController } from '../../public/js/steps-controller.js';
import { todo } from './helpers.js';

const step = (id, title, position, completed = false) => ({ id, todo_id: 't1', title, position, completed });

/** An in-memory steps API: listed by position (ties by creation), a PATCH of position only sets it. */
function fakeApi(steps = [step('s1', 'Eggs', 1), step('s2', 'Milk', 2), step('s3', 'Bread', 3)]) {
	const api = {
		steps: steps.map((s) => ({ ...s })),
		calls: [],
		failNext: null,
		async call(name, fn) {
			api.calls.push(name);
			await Promise.resolve();
			if (api.failNext) {
				const error = api.failNext;
				api.failNext = null;
				throw error;
			}
			return fn();
		},
	};
	Object.assign(api, {
		list: () => api.call('steps', () => [...api.steps].sort((a, b) => a.position - b.position).map((s) => ({ ...s }))),
		create: (todoId, fields) =>
			api.call('createStep', () => {
				if (api.steps.length >= 100) throw new ApiError({ status: 400, code: 'VALIDATION_ERROR', message: 'A to-do has at most 100 steps', details: {} });
				const created = step(`s${api.steps.length + 10}`, fields.title, api.steps.length + 1);
				api.steps.push(created);
				return { ...created };
			}),
		patch: (todoId, id, patch) =>
			api.call(`patchStep ${JSON.stringify(patch)}`, () => {
				const current = api.steps.find((s) => s.id === id);
				if (!current) throw new ApiError({ status: 404, code: 'STEP_NOT_FOUND', message: 'no step' });
				Object.assign(current, patch);
				return { ...current };
			}),
		remove: (todoId, id) =>
			api.call('deleteStep', () => {
				api.steps = api.steps.filter((s) => s.id !== id);
			}),
	});
	return { steps: api.list, createStep: api.create, patchStep: api.patch, deleteStep: api.remove, server: api };
}

function setup(options) {
	const api = fakeApi(options);
	const shown = [];
	const errors = [];
	const view = { open() {}, show: (steps, problem) => shown.push(problem ?? steps.map((s) => `${s.completed ? '✓' : '·'}${s.title}`).join(' ')), showError: (message) => errors.push(message), bind() {} };
	const store = {
		todos: [todo({ id: 't1', step_count: 3, steps_completed: 0 })],
		find(id) {
			return this.todos.find((t) => t.id === id) ?? null;
		},
		amend(id, fields) {
			this.todos = this.todos.map((t) => (t.id === id ? { ...t, ...fields } : t));
		},
	};
	const steps = new StepsController({ api, store, view });
	return { steps, api, server: api.server, shown, errors: () => errors.filter(Boolean), store };
}

describe('steps of a to-do', () => {
	it('loads them in order when the details open, and the list row counts them', async () => {
		const { steps, shown, store } = setup([step('s1', 'Eggs', 1, true), step('s2', 'Milk', 2)]);
		await steps.open(todo({ id: 't1' }));
		assert.deepEqual(shown, ['✓Eggs ·Milk']);
		assert.deepEqual([store.find('t1').steps_completed, store.find('t1').step_count], [1, 2]);
	});

	it('adds one at the end, ticks one (shown at once) and renames one; the row says 1/4', async () => {
		const { steps, shown, server, store } = setup();
		await steps.open(todo({ id: 't1' }));

		assert.equal(await steps.add('  Butter '), true);
		const ticking = steps.toggle('s2', true);
		assert.equal(shown.at(-1), '·Eggs ✓Milk ·Bread ·Butter', 'ticked before the server answers');
		await ticking;
		await steps.rename('s3', 'Rye bread');

		assert.equal(shown.at(-1), '·Eggs ✓Milk ·Rye bread ·Butter');
		assert.deepEqual(server.steps.map((s) => s.title), ['Eggs', 'Milk', 'Rye bread', 'Butter']);
		assert.deepEqual([store.find('t1').steps_completed, store.find('t1').step_count], [1, 4]);
	});

	it('unticks a step again when the server refuses, and says why', async () => {
		const { steps, shown, server, errors } = setup();
		await steps.open(todo({ id: 't1' }));
		server.failNext = new ApiError({ status: 403, code: 'FORBIDDEN', message: 'no' });

		await steps.toggle('s1', true);

		assert.equal(shown.at(-1), '·Eggs ·Milk ·Bread');
		assert.match(errors()[0], /^“Eggs” could not be ticked\. You may not change this/);
	});

	it('shows the server\'s message for the 101st step', async () => {
		const many = Array.from({ length: 100 }, (_, i) => step(`s${i}`, `Step ${i}`, i + 1));
		const { steps, errors } = setup(many);
		await steps.open(todo({ id: 't1' }));

		assert.equal(await steps.add('One too many'), false);

		assert.equal(errors()[0], 'The step “One too many” was not added. A to-do has at most 100 steps');
	});

	it('moves a step up and down (the positions that change are sent, 1, 2, 3…), then reads the server\'s order', async () => {
		const { steps, shown, server } = setup();
		await steps.open(todo({ id: 't1' }));

		await steps.move('s3', -1);
		assert.equal(shown.at(-1), '·Eggs ·Bread ·Milk');
		await steps.move('s1', +1);
		await steps.move('s1', +5); // past the end: nothing
		await steps.moveBefore('s2', 's3');

		assert.deepEqual((await steps.api.steps('t1')).map((s) => s.title), ['Milk', 'Bread', 'Eggs']);
		assert.equal(shown.at(-1), '·Milk ·Bread ·Eggs');
		assert.deepEqual(server.calls.filter((c) => c.startsWith('patchStep')), [
			'patchStep {"position":2}', 'patchStep {"position":3}', // Bread up: Eggs Bread Milk
			'patchStep {"position":1}', 'patchStep {"position":2}', // Eggs down: Bread Eggs Milk
			'patchStep {"position":1}', 'patchStep {"position":2}', 'patchStep {"position":3}', // Milk first: Milk Bread Eggs
		]);
	});

	it('deletes a step; one already gone elsewhere just goes', async () => {
		const { steps, shown, server, errors, store } = setup();
		await steps.open(todo({ id: 't1' }));

		await steps.remove('s2');
		server.steps = server.steps.filter((s) => s.id !== 's3');
		await steps.remove('s3');

		assert.equal(shown.at(-1), '·Eggs');
		assert.deepEqual(errors(), []);
		assert.equal(store.find('t1').step_count, 1);
	});

	it('changes nothing for a viewer', async () => {
		const { steps, server } = setup();
		await steps.open(todo({ id: 't1' }), { readOnly: true });

		await steps.add('No');
		await steps.toggle('s1', true);
		await steps.move('s1', 1);
		await steps.remove('s1');

		assert.deepEqual(server.calls, ['steps']);
	});
});
