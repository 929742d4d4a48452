// The API's trash (shared api.md, part 2: "Trash"), on the request function of the API client
// (api.js), which adds the token, the request id and the error envelope.

const todoPath = (id) => `/api/v1/todos/${encodeURIComponent(id)}`;

function query(params) {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
	const text = search.toString();
	return text ? `?${text}` : '';
}

/** @param send (method, path, {body, contentType}) => {data, version, requestId} */
export function trashRoutes(send) {
	const data = async (...request) => (await send(...request)).data;
	return {
		/** One page of a list's trash, most recently deleted first: {data, meta}; each has deleted_at, deleted_by. */
		async trash({ listId, page = 1, pageSize = 50 } = {}) {
			return data('GET', `/api/v1/trash${query({ list_id: listId, page, page_size: pageSize })}`);
		},

		/** Takes a to-do out of the trash, back at its old position: the to-do (409 CONFLICT when not in the trash). */
		async restoreTodo(id) {
			return data('POST', `${todoPath(id)}/restore`);
		},

		/** Deletes one trashed to-do for good, with its steps and files. */
		async deleteForGood(id) {
			await send('DELETE', `/api/v1/trash/${encodeURIComponent(id)}`);
		},

		/** Empties a list's trash for good: {deleted}. */
		async emptyTrash(listId) {
			return data('DELETE', `/api/v1/trash${query({ list_id: listId })}`);
		},
	};
}
