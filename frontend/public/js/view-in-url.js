// The search and order of the list live in the address's query (`?q=milk&sort=title&order=desc`),
// next to the route in the hash, so that a reload or a shared link shows the same. No DOM.

import { ORDERS, SORTS } from './store-view.js';

/** {query, sort, order} from a location's search string; unknown values are left out. */
export function viewFromSearch(search) {
	const params = new URLSearchParams(search);
	const view = {};
	const query = (params.get('q') ?? '').trim();
	if (query) view.query = query;
	if (SORTS.includes(params.get('sort'))) view.sort = params.get('sort');
	if (ORDERS.includes(params.get('order'))) view.order = params.get('order');
	return view;
}

/** The search string for a view: only what differs from the defaults. */
export function searchForView({ query, sort, order }) {
	const params = new URLSearchParams();
	if (query) params.set('q', query);
	if (sort !== 'position') params.set('sort', sort);
	if (order !== 'asc') params.set('order', order);
	const text = params.toString();
	return text ? `?${text}` : '';
}
