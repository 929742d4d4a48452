// Routing, no DOM access. The hash says what the list part of the page shows, as TodoMVC does
// (#!/ is accepted too):
//   #/, #/active, #/completed                      the default list (Inbox)
//   #/lists/<id>, #/lists/<id>/active, …           any other list
//   #/today, #/upcoming (and /active, /completed)  due-date views across every list
// The path says which page: the list, the sign-in callback, the signed-out page, an invite.

import { CALLBACK_PATH, SIGNED_OUT_PATH } from './auth.js';

export const FILTERS = Object.freeze(['all', 'active', 'completed']);
export const SMART_VIEWS = Object.freeze(['today', 'upcoming']);
export const INVITE_PATH = '/invite/';

/**
 * What a hash shows: {listId, smart, filter}. listId null and smart null is the default list;
 * anything unknown is the default list, all to-dos.
 */
export function routeFromHash(hash = '') {
	const segments = hash.replace(/^#!?\/?/, '').split('/').filter(Boolean).map(decodeSegment);
	let listId = null;
	let smart = null;
	if (segments[0] === 'lists' && segments[1]) {
		listId = segments[1];
		segments.splice(0, 2);
	} else if (SMART_VIEWS.includes(segments[0])) {
		smart = segments.shift();
	}
	const filter = segments.length === 1 && FILTERS.includes(segments[0]) ? segments[0] : 'all';
	return { listId, smart, filter };
}

/** The hash of a route; the inverse of routeFromHash. */
export function hashForRoute({ listId = null, smart = null, filter = 'all' } = {}) {
	const scope = listId ? `lists/${encodeURIComponent(listId)}` : SMART_VIEWS.includes(smart) ? smart : '';
	const suffix = filter !== 'all' && FILTERS.includes(filter) ? filter : '';
	return `#/${[scope, suffix].filter(Boolean).join('/')}`;
}

/** '#/active' -> 'active'; anything unknown -> 'all'. */
export function filterFromHash(hash = '') {
	return routeFromHash(hash).filter;
}

/** Which page a path shows: 'callback', 'signed-out', 'invite' or 'list'. */
export function pageFromPath(pathname = '/') {
	if (pathname === CALLBACK_PATH) return 'callback';
	if (pathname === SIGNED_OUT_PATH) return 'signed-out';
	if (inviteTokenFromPath(pathname)) return 'invite';
	return 'list';
}

/** '/invite/abc' -> 'abc'; null for any other path. */
export function inviteTokenFromPath(pathname = '/') {
	if (!pathname.startsWith(INVITE_PATH)) return null;
	const token = pathname.slice(INVITE_PATH.length);
	return token && !token.includes('/') ? decodeSegment(token) : null;
}

/** Calls onChange(route) now and on every hash change; returns a function that stops it. */
export function startRouter(target, onChange, getHash = () => target.location.hash) {
	const listener = () => onChange(routeFromHash(getHash()));
	target.addEventListener('hashchange', listener);
	listener();
	return () => target.removeEventListener('hashchange', listener);
}

function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
