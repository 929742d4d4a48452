import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchForView, viewFromSearch } from '../../public/js/view-in-url.js';

describe('the view in the address', () => {
	it('writes only what differs from the defaults and reads back the same, ignoring unknown values', () => {
		assert.equal(searchForView({ query: '', sort: 'position', order: 'asc' }), '');
		const search = searchForView({ query: 'oat milk', sort: 'title', order: 'desc' });
		assert.equal(search, '?q=oat+milk&sort=title&order=desc');
		assert.deepEqual(viewFromSearch(search), { query: 'oat milk', sort: 'title', order: 'desc' });
		assert.deepEqual(viewFromSearch('?sort=evil&order=up&q=%20%20'), {});
	});
});
