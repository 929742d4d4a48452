// The steps of the to-do open in the details dialog: loaded when it opens, added, ticked (shown at
// once, undone if refused), renamed, moved and deleted. One change is sent at a time, in the order
// made. The to-do's counters in the list ("2/5") follow the steps shown. No direct DOM access.

import { describeError, quoted } from './format.js';

export class StepsController {
	/**
	 * @param deps.api the API client
	 * @param deps.store TodoStore (step_count and steps_completed of the to-dos)
	 * @param deps.view StepsView
	 * @param deps.onUnauthorized () => sign in again
	 */
	constructor({ api, store, view, onUnauthorized = () => {} }) {
		Object.assign(this, { api, store, view, onUnauthorized });
		this.todoId = null;
		this.steps = [];
		this.readOnly = true;
		this.chain = Promise.resolve();
	}

	bind() {
		this.view.bind({
			onAdd: (title) => this.add(title),
			onToggle: (id, completed) => this.toggle(id, completed),
			onRename: (id, title) => this.rename(id, title),
			onMove: (id, offset) => this.move(id, offset),
			onMoveBefore: (id, beforeId) => this.moveBefore(id, beforeId),
			onDelete: (id) => this.remove(id),
		});
	}

	open(todo, { readOnly = false } = {}) {
		Object.assign(this, { todoId: todo.id, steps: [], readOnly });
		this.view.open({ readOnly });
		return this.load();
	}

	close() {
		this.todoId = null;
	}

	async load() {
		const todoId = this.todoId;
		try {
			const steps = await this.api.steps(todoId);
			if (todoId !== this.todoId) return;
			this.steps = steps;
			this.render();
		} catch (error) {
			if (error.needsSignIn) return this.onUnauthorized();
			if (todoId === this.todoId) this.view.show([], `The steps could not be loaded. ${describeError(error)}`);
		}
	}

	/** Shows the steps, and gives the to-do in the list the counters they make. */
	render() {
		this.view.show(this.steps);
		const todo = this.store.find(this.todoId);
		const counters = { step_count: this.steps.length, steps_completed: this.steps.filter((step) => step.completed).length };
		if (todo && (todo.step_count !== counters.step_count || todo.steps_completed !== counters.steps_completed)) this.store.amend(todo.id, counters);
	}

	/** Runs one change after the one before; resolves with its result. */
	queue(change) {
		const next = this.chain.then(change, change);
		this.chain = next.catch(() => {});
		return next;
	}

	/** A change of the to-do open when it was made, with the error said in the dialog. */
	send(todoId, request, failure) {
		return this.queue(async () => {
			try {
				return { ok: true, value: await request() };
			} catch (error) {
				if (error.needsSignIn) this.onUnauthorized();
				else if (todoId === this.todoId) this.view.showError(`${failure} ${describeError(error)}`);
				return { ok: false, error };
			}
		});
	}

	async add(title) {
		const todoId = this.todoId;
		if (!todoId || this.readOnly || !title.trim()) return false;
		this.view.showError(null);
		const { ok, value } = await this.send(todoId, () => this.api.createStep(todoId, { title: title.trim() }), `The step ${quoted(title)} was not added.`);
		if (ok && todoId === this.todoId) {
			this.steps = [...this.steps, value];
			this.render();
		}
		return ok;
	}

	/** Ticked or not, shown at once; put back if refused. */
	async toggle(id, completed) {
		await this.change(id, { completed }, (step) => `${quoted(step.title)} could not be ${completed ? 'ticked' : 'unticked'}.`);
	}

	async rename(id, title) {
		await this.change(id, { title }, (step) => `${quoted(step.title)} could not be renamed.`);
	}

	async change(id, patch, failure) {
		const todoId = this.todoId;
		const before = this.steps.find((step) => step.id === id);
		if (!before || this.readOnly) return;
		this.view.showError(null);
		this.replace({ ...before, ...patch });
		const { ok, value, error } = await this.send(todoId, () => this.api.patchStep(todoId, id, patch), failure(before));
		if (todoId !== this.todoId) return;
		if (ok) this.replace(value);
		else if (error && error.code === 'STEP_NOT_FOUND') await this.load();
		else this.replace(before);
	}

	replace(step) {
		this.steps = this.steps.map((each) => (each.id === step.id ? step : each));
		this.render();
	}

	move(id, offset) {
		const index = this.steps.findIndex((step) => step.id === id);
		return this.moveTo(id, index + offset);
	}

	/** Drag and drop: before another step (null: last). */
	moveBefore(id, beforeId) {
		const others = this.steps.filter((step) => step.id !== id);
		const at = beforeId === null ? others.length : others.findIndex((step) => step.id === beforeId);
		return at < 0 ? Promise.resolve() : this.moveTo(id, at);
	}

	/**
	 * Shown at once in its new place; then the steps are numbered 1, 2, 3… in the order shown and
	 * only the positions that changed are sent (the server orders by position), and read back.
	 */
	async moveTo(id, target) {
		const todoId = this.todoId;
		const index = this.steps.findIndex((step) => step.id === id);
		if (this.readOnly || index < 0 || target < 0 || target >= this.steps.length || target === index) return;
		this.view.showError(null);
		const moving = this.steps[index];
		const reordered = this.steps.filter((step) => step.id !== id);
		reordered.splice(target, 0, moving);
		const changed = reordered.map((step, at) => ({ step, position: at + 1 })).filter(({ step, position }) => step.position !== position);
		this.steps = reordered.map((step, at) => ({ ...step, position: at + 1 }));
		this.render();
		const failure = `${quoted(moving.title)} could not be moved.`;
		for (const { step, position } of changed) {
			const { ok } = await this.send(todoId, () => this.api.patchStep(todoId, step.id, { position }), failure);
			if (!ok) break;
		}
		if (todoId === this.todoId) await this.queue(() => this.load());
	}

	async remove(id) {
		const todoId = this.todoId;
		const step = this.steps.find((each) => each.id === id);
		if (!step || this.readOnly) return;
		this.view.showError(null);
		const { ok, error } = await this.send(todoId, () => this.api.deleteStep(todoId, id), `${quoted(step.title)} could not be deleted.`);
		if (todoId !== this.todoId) return;
		if (ok || (error && error.code === 'STEP_NOT_FOUND')) {
			this.steps = this.steps.filter((each) => each.id !== id);
			this.render();
			if (!ok) this.view.showError(null);
		}
	}
}
