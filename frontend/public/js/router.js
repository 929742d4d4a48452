// Routing, no DOM access: the filter lives in the hash (#/, #/active, #/completed, as TodoMVC
// specifies; #!/ is accepted too), the page in the path (the list, the sign-in callback, the
// signed-out page).

import { CALLBACK_PATH, SIGNED_OUT_PATH } from './auth.js';

export const FILTERS = Object.freeze(['all', 'active', 'completed']);

/** '#/active' -> 'active'; anything unknown -> 'all'. */
export function filterFromHash(hash = '') {
	const name = hash.replace(/^#!?\/?/, '').replace(/\/$/, '');
	return FILTERS.includes(name) && name !== 'all' ? name : 'all';
}

/** 'active' -> '#/active', 'all' -> '#/'. */
export function hashForFilter(filter) {
	return filter === 'all' || !FILTERS.includes(filter) ? '#/' : `#/${filter}`;
}

/** Which page a path shows: 'callback', 'signed-out' or 'list'. */
export function pageFromPath(pathname = '/') {
	if (pathname === CALLBACK_PATH) return 'callback';
	if (pathname === SIGNED_OUT_PATH) return 'signed-out';
	return 'list';
}

/** Calls onChange(filter) now and on every hash change; returns a function that stops it. */
export function startRouter(target, onChange, getHash = () => target.location.hash) {
	const listener = () => onChange(filterFromHash(getHash()));
	target.addEventListener('hashchange', listener);
	listener();
	return () => target.removeEventListener('hashchange', listener);
}
