import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterFromHash, hashForFilter, pageFromPath, startRouter } from '../../public/js/router.js';

describe('router', () => {
	it('maps TodoMVC hashes to filters', () => {
		assert.equal(filterFromHash(''), 'all');
		assert.equal(filterFromHash('#/'), 'all');
		assert.equal(filterFromHash('#/active'), 'active');
		assert.equal(filterFromHash('#/completed'), 'completed');
		assert.equal(filterFromHash('#!/completed'), 'completed');
		assert.equal(filterFromHash('#/active/'), 'active');
		assert.equal(filterFromHash('#/unknown'), 'all');
	});

	it('maps filters back to hashes', () => {
		assert.equal(hashForFilter('all'), '#/');
		assert.equal(hashForFilter('active'), '#/active');
		assert.equal(hashForFilter('nonsense'), '#/');
	});

	it('tells the pages apart by path', () => {
		assert.equal(pageFromPath('/'), 'list');
		assert.equal(pageFromPath('/auth/callback'), 'callback');
		assert.equal(pageFromPath('/signed-out'), 'signed-out');
		assert.equal(pageFromPath('/anything/else'), 'list');
	});

	it('reports the current filter at once and on every hash change, until stopped', () => {
		const target = new EventTarget();
		target.location = { hash: '#/completed' };
		const seen = [];

		const stop = startRouter(target, (filter) => seen.push(filter));
		target.location.hash = '#/active';
		target.dispatchEvent(new Event('hashchange'));
		stop();
		target.location.hash = '#/';
		target.dispatchEvent(new Event('hashchange'));

		assert.deepEqual(seen, ['completed', 'active']);
	});
});
