// The API's steps, a to-do's checklist (shared api.md, part 2: "Steps"), on the request function of
// the API client (api.js). Steps do not change their to-do's version.

const MERGE_PATCH_TYPE = 'application/merge-patch+json';

const stepsPath = (todoId) => `/api/v1/todos/${encodeURIComponent(todoId)}/steps`;
const stepPath = (todoId, stepId) => `${stepsPath(todoId)}/${encodeURIComponent(stepId)}`;

/** @param send (method, path, {body, contentType}) => {data, version, requestId} */
export function stepRoutes(send) {
	const data = async (...request) => (await send(...request)).data;
	return {
		/** A to-do's steps in their order. */
		async steps(todoId) {
			return (await data('GET', stepsPath(todoId))).data ?? [];
		},

		/** {title}, optionally completed and position (default: last); the 101st step is 400 VALIDATION_ERROR. */
		async createStep(todoId, fields) {
			return data('POST', stepsPath(todoId), { body: fields });
		},

		/** Merge patch of title, completed, position. */
		async patchStep(todoId, stepId, patch) {
			return data('PATCH', stepPath(todoId, stepId), { body: patch, contentType: MERGE_PATCH_TYPE });
		},

		async deleteStep(todoId, stepId) {
			await send('DELETE', stepPath(todoId, stepId));
		},
	};
}
