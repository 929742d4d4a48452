import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WriteQueue } from '../../public/js/write-queue.js';

/** A task that records its start and end, and finishes when told to (resolve or reject). */
function heldTask(log, name) {
	let finish;
	const task = () => {
		log.push(`start ${name}`);
		return new Promise((resolve, reject) => (finish = { resolve, reject })).finally(() => log.push(`end ${name}`));
	};
	return { task, finish: (error) => (error ? finish.reject(error) : finish.resolve(name)) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('WriteQueue', () => {
	it('starts a task under a key only when the one before it has finished', async () => {
		const queue = new WriteQueue();
		const log = [];
		const first = heldTask(log, 'first');
		const second = heldTask(log, 'second');
		queue.enqueue('a', first.task);
		const done = queue.enqueue('a', second.task);
		await tick();
		assert.deepEqual(log, ['start first']);
		first.finish();
		await tick();
		assert.deepEqual(log, ['start first', 'end first', 'start second']);
		second.finish();
		assert.equal(await done, 'second');
	});

	it('starts the next task even when the one before it failed', async () => {
		const queue = new WriteQueue();
		const log = [];
		const failing = heldTask(log, 'failing');
		const failed = queue.enqueue('a', failing.task);
		const next = queue.enqueue('a', async () => 'next');
		await tick();
		failing.finish(new Error('refused'));
		await assert.rejects(failed, /refused/);
		assert.equal(await next, 'next');
	});

	it('runs tasks in the order queued, whatever their key', async () => {
		const queue = new WriteQueue();
		const log = [];
		const a = heldTask(log, 'a');
		const b = heldTask(log, 'b');
		queue.enqueue('a', a.task);
		queue.enqueue('b', b.task);
		await tick();
		assert.deepEqual(log, ['start a']);
		a.finish();
		await tick();
		assert.deepEqual(log, ['start a', 'end a', 'start b']);
		b.finish();
		await queue.settled();
	});

	it('knows which keys have writes waiting or under way, and settles when all are done', async () => {
		const queue = new WriteQueue();
		const log = [];
		const held = heldTask(log, 'held');
		queue.enqueue('a', held.task);
		queue.enqueue('a', async () => log.push('second'));
		assert.equal(queue.has('a'), true);
		assert.equal(queue.has('b'), false);
		const settled = queue.settled().then(() => log.push('settled'));
		await tick();
		assert.equal(queue.has('a'), true, 'still under way');
		held.finish();
		await settled;
		assert.deepEqual(log, ['start held', 'end held', 'second', 'settled']);
		assert.equal(queue.has('a'), false);
	});

	it('resolves a temporary id to the server id once it is an alias, any other id to itself', () => {
		const queue = new WriteQueue();
		assert.equal(queue.resolve('pending-1'), 'pending-1');
		queue.alias('pending-1', 'id-7');
		assert.equal(queue.resolve('pending-1'), 'id-7');
		assert.equal(queue.resolve('id-7'), 'id-7');
	});
});
