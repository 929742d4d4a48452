import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filterFromHash, hashForRoute, inviteTokenFromPath, pageFromPath, routeFromHash, startRouter } from '../../public/js/router.js';

const inbox = (filter = 'all') => ({ listId: null, smart: null, filter });

describe('router', () => {
	it('maps TodoMVC hashes to filters of the default list', () => {
		assert.equal(filterFromHash(''), 'all');
		assert.equal(filterFromHash('#/'), 'all');
		assert.equal(filterFromHash('#/active'), 'active');
		assert.equal(filterFromHash('#/completed'), 'completed');
		assert.equal(filterFromHash('#!/completed'), 'completed');
		assert.equal(filterFromHash('#/active/'), 'active');
		assert.equal(filterFromHash('#/unknown'), 'all');
		assert.deepEqual(routeFromHash('#/active'), inbox('active'));
		assert.deepEqual(routeFromHash('#/unknown/active'), inbox('all'));
	});

	it('gives each list its own hash, with the filters after it', () => {
		assert.deepEqual(routeFromHash('#/lists/5f1c'), { listId: '5f1c', smart: null, filter: 'all' });
		assert.deepEqual(routeFromHash('#/lists/5f1c/completed'), { listId: '5f1c', smart: null, filter: 'completed' });
		assert.deepEqual(routeFromHash('#/lists/a%20b/active'), { listId: 'a b', smart: null, filter: 'active' });
		assert.deepEqual(routeFromHash('#/lists'), inbox());
	});

	it('knows the due-date views', () => {
		assert.deepEqual(routeFromHash('#/today'), { listId: null, smart: 'today', filter: 'all' });
		assert.deepEqual(routeFromHash('#/upcoming/active'), { listId: null, smart: 'upcoming', filter: 'active' });
	});

	it('maps routes back to the same hashes', () => {
		for (const hash of ['#/', '#/active', '#/completed', '#/lists/5f1c', '#/lists/5f1c/active', '#/today', '#/upcoming/completed', '#/lists/a%20b']) {
			assert.equal(hashForRoute(routeFromHash(hash)), hash);
		}
		assert.equal(hashForRoute({ filter: 'nonsense' }), '#/');
	});

	it('tells the pages apart by path, and reads an invite token', () => {
		assert.equal(pageFromPath('/'), 'list');
		assert.equal(pageFromPath('/auth/callback'), 'callback');
		assert.equal(pageFromPath('/signed-out'), 'signed-out');
		assert.equal(pageFromPath('/invite/abc-123'), 'invite');
		assert.equal(pageFromPath('/invite/'), 'list');
		assert.equal(pageFromPath('/anything/else'), 'list');
		assert.equal(inviteTokenFromPath('/invite/abc-123'), 'abc-123');
		assert.equal(inviteTokenFromPath('/invite/a/b'), null);
		assert.equal(inviteTokenFromPath('/'), null);
	});

	it('reports the current route at once and on every hash change, until stopped', () => {
		const target = new EventTarget();
		target.location = { hash: '#/completed' };
		const seen = [];

		const stop = startRouter(target, (route) => seen.push(route));
		target.location.hash = '#/lists/l1/active';
		target.dispatchEvent(new Event('hashchange'));
		stop();
		target.location.hash = '#/';
		target.dispatchEvent(new Event('hashchange'));

		assert.deepEqual(seen, [inbox('completed'), { listId: 'l1', smart: null, filter: 'active' }]);
	});
});
