// The API's lists, members, invites and activity (shared api.md, part 2: "Lists", "Sharing",
// "Activity and audit"), on the request
// function of the API client (api.js), which adds the token, the request id and the error envelope.

const MERGE_PATCH_TYPE = 'application/merge-patch+json';

const listPath = (listId) => `/api/v1/lists/${encodeURIComponent(listId)}`;
const membersPath = (listId) => `${listPath(listId)}/members`;
const invitesPath = (listId) => `${listPath(listId)}/invites`;
const invitePath = (token) => `/api/v1/invites/${encodeURIComponent(token)}`;

/** @param send (method, path, {body, contentType, ifMatch}) => {data, version, requestId} */
export function listRoutes(send) {
	const data = async (...request) => (await send(...request)).data;
	return {
		/** The caller's lists, own and shared, in the caller's order. */
		async lists() {
			return (await data('GET', '/api/v1/lists')).data;
		},

		async createList(name) {
			return data('POST', '/api/v1/lists', { body: { name } });
		},

		/** Merge patch: `name` (owner), `position` (the caller's own order). */
		async patchList(listId, patch) {
			return data('PATCH', listPath(listId), { body: patch, contentType: MERGE_PATCH_TYPE });
		},

		/** Deletes the list with every to-do in it. */
		async deleteList(listId) {
			await send('DELETE', listPath(listId));
		},

		/** The owner first, then the others by when they joined. */
		async members(listId) {
			return (await data('GET', membersPath(listId))).data;
		},

		/** Adds a known user by e-mail (404 USER_NOT_FOUND for anyone who never signed in), or changes their role. */
		async addMember(listId, email, role) {
			return data('POST', membersPath(listId), { body: { email, role } });
		},

		async setMemberRole(listId, userId, role) {
			return data('PUT', `${membersPath(listId)}/${encodeURIComponent(userId)}`, { body: { role } });
		},

		/** The owner removes a member, or a member (userId = their own sub) leaves. */
		async removeMember(listId, userId) {
			await send('DELETE', `${membersPath(listId)}/${encodeURIComponent(userId)}`);
		},

		/** {id, role, expires_at, created_at, token, url}: the token and url are shown only now. */
		async createInvite(listId, role, expiresInDays) {
			return data('POST', invitesPath(listId), { body: { role, expires_in_days: expiresInDays } });
		},

		/** The unexpired, unrevoked invites, without their tokens. */
		async invites(listId) {
			return (await data('GET', invitesPath(listId))).data;
		},

		async revokeInvite(listId, inviteId) {
			await send('DELETE', `${invitesPath(listId)}/${encodeURIComponent(inviteId)}`);
		},

		/** What an invite is: {list: {id, name}, owner, role, expires_at}. */
		async invite(token) {
			return data('GET', invitePath(token));
		},

		/** Joins with the invite's role: the list as the caller now sees it. */
		async acceptInvite(token) {
			return data('POST', `${invitePath(token)}/accept`);
		},

		/** A page of the list's events, newest first, older than `before` (an event id): {data, next}. */
		async activity(listId, { before = null, limit = 30 } = {}) {
			const search = new URLSearchParams({ limit: String(limit) });
			if (before) search.set('before', before);
			return data('GET', `${listPath(listId)}/activity?${search}`);
		},
	};
}
