// The page of an invite link (/invite/<token>): shows what the invite is, joins on the user's
// word, then opens the list. The user is signed in by then (app.js keeps the invite's URL through
// the sign-in). No direct DOM access of its own.

import { describeListError, inviteExpiry, inviteSummary } from './format-lists.js';
import { hashForRoute } from './router.js';

/**
 * @param deps.api the API client
 * @param deps.view InviteView
 * @param deps.token the invite's token, from the path
 * @param deps.navigate (url) => void, where to go once joined
 * @param deps.onUnauthorized a 401/403: sign in again (the invite's URL is kept)
 */
export async function showInvitePage({ api, view, token, navigate, onUnauthorized }) {
	const fail = (error, options) => {
		if (error.needsSignIn) return onUnauthorized();
		view.showProblem(describeListError(error), options);
	};
	view.bind({
		async onAccept() {
			view.showJoining();
			try {
				const list = await api.acceptInvite(token);
				navigate(`/${hashForRoute({ listId: list.id })}`);
			} catch (error) {
				fail(error, { keepInvite: error.isTransient });
			}
		},
	});
	try {
		const preview = await api.invite(token);
		view.showInvite({ summary: inviteSummary(preview), expiry: inviteExpiry(preview.expires_at) });
	} catch (error) {
		fail(error);
	}
}
