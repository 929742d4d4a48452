// One page of GET /api/v1/sync applied to the to-dos a store shows (its scope: one list, or the
// due-date views; its search and order). A list in position order takes the changes in place: a
// to-do changed elsewhere replaces the one shown, one added to the list is put at its place, one
// removed (or whose list was removed) goes; to-dos with writes still waiting keep the local state,
// and the outbox's writes stay applied on top. Views the page cannot be sorted into (a search,
// another order, the due-date views) are reloaded instead. No DOM.

/**
 * @returns {{gone: object[], reload: boolean, changed: boolean}} the to-dos that went, whether the
 *   view must be reloaded to place what changed, whether anything shown changed
 */
export function applySyncPage(store, { todos = [], removed = [] }) {
	const result = { gone: [], reload: false, changed: false };
	if (!store.state.loaded) return result;
	const removedTodos = new Set(removed.filter((r) => r.type === 'todo').map((r) => r.id));
	const removedLists = new Set(removed.filter((r) => r.type === 'list').map((r) => r.id));
	const busy = (id) => store.writeQueue.has(id) || (store.pending && store.pending.has(id));
	let shown = store.state.todos.filter((todo) => {
		const goes = removedTodos.has(todo.id) || (todo.list_id && removedLists.has(todo.list_id));
		if (goes && !todo.pending) result.gone.push(todo);
		return !goes || todo.pending;
	});
	const inPlace = isPositionView(store.state);
	for (const synced of todos) {
		const index = shown.findIndex((todo) => todo.id === synced.id);
		if (index >= 0) {
			if (busy(synced.id) || shown[index].version > synced.version) continue;
			if (!belongs(store.state.scope, synced)) {
				result.gone.push(shown[index]);
				shown = shown.filter((todo) => todo.id !== synced.id);
			} else if (!inPlace && (shown[index].position !== synced.position || shown[index].title !== synced.title)) {
				result.reload = true;
			} else if (JSON.stringify(shown[index]) !== JSON.stringify(synced)) {
				shown[index] = synced;
				result.changed = true;
			}
		} else if (belongs(store.state.scope, synced)) {
			if (inPlace) shown.push(synced);
			else result.reload = true;
			result.changed = true;
		}
	}
	if (result.gone.length > 0) result.changed = true;
	if (!result.changed) return result;
	if (inPlace) shown.sort((a, b) => (a.pending ? Infinity : a.position) - (b.pending ? Infinity : b.position));
	store.state.todos = store.withPending(shown);
	return result;
}

/** Whether a to-do from the sync belongs to the scope (due-date views: any to-do may). */
function belongs(scope, todo) {
	if (scope.due.length > 0) return true;
	return !scope.listId || todo.list_id === scope.listId;
}

function isPositionView({ scope, query, sort, order }) {
	return scope.due.length === 0 && !query && sort === 'position' && order === 'asc';
}
