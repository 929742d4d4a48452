// What the list shows, as pure functions of the store's state (store.js): the orders the API
// knows, the filter, the counts, which to-dos belong to the scope, the queries that load it and how
// a loaded answer is joined with what this tab changed meanwhile. No DOM, no requests.

export const SORTS = Object.freeze(['position', 'created_at', 'updated_at', 'due_date', 'priority', 'title']);
export const ORDERS = Object.freeze(['asc', 'desc']);
export const PRIORITIES = Object.freeze(['none', 'low', 'medium', 'high']);

/** The to-dos the filter (all, active, completed) lets through. */
export function visibleTodos({ todos, filter }) {
	if (filter === 'active') return todos.filter((todo) => !todo.completed);
	if (filter === 'completed') return todos.filter((todo) => todo.completed);
	return todos;
}

export function activeCount(todos) {
	return todos.filter((todo) => !todo.completed).length;
}

/** Whether a to-do with these fields belongs to the scope shown (a search: its title matches). */
export function inScope({ scope, query }, fields) {
	if (query) return String(fields.title ?? '').toLowerCase().includes(query.toLowerCase());
	if (scope.due.length > 0) return Boolean(fields.due_date);
	return !scope.listId || !fields.list_id || fields.list_id === scope.listId;
}

/** What the list shows (scope, search, order), as one key: the snapshot's, and an undo's place. */
export function viewKey({ scope, query, sort, order }) {
	return JSON.stringify([scope.listId, scope.due, query, sort, order]);
}

/** The stats query of the scope: one list, or every readable list. */
export function statsParams({ listId }) {
	return listId ? { list_id: listId } : {};
}

/** The queries of GET /todos that load the scope: one per `due` value (none: one query). */
export function todoQueries({ scope, query, sort, order }) {
	const params = { list_id: scope.listId || undefined, q: query || undefined, sort, order };
	return scope.due.length === 0 ? [params] : scope.due.map((due) => ({ ...params, due }));
}

/** The answers of those queries joined in their order, each to-do once. */
export function joinAnswers(answers) {
	const seen = new Set();
	return answers.flat().filter((todo) => !seen.has(todo.id) && seen.add(todo.id));
}

/**
 * A loaded list is a snapshot from when the request left: what this tab changed since stays (to-dos
 * still being created or created meanwhile, deletions, newer versions, writes still queued).
 * @param local the to-dos shown now
 * @param changes.deleted ids deleted while the load was under way
 * @param changes.created ids created (or restored) while it was under way
 * @param changes.hasWrite (id) => whether a write of that to-do is queued
 */
export function reconcile(local, loaded, { deleted, created, hasWrite }) {
	const mine = new Map(local.map((todo) => [todo.id, todo]));
	const result = loaded
		.filter((todo) => !deleted.has(todo.id))
		.map((todo) => {
			const shown = mine.get(todo.id);
			if (!shown) return todo;
			return shown.version > todo.version || hasWrite(todo.id) ? shown : todo;
		});
	const present = new Set(result.map((todo) => todo.id));
	for (const todo of local) {
		if (!present.has(todo.id) && (todo.pending || created.has(todo.id))) result.push(todo);
	}
	return result;
}
