// The page of an invite link: what the invite is, a button to join, or why it cannot be used.
// DOM only.

import { showMessage } from './dom.js';

export class InviteView {
	constructor(root = document) {
		this.$loading = root.querySelector('.invite-loading');
		this.$details = root.querySelector('.invite-details');
		this.$summary = root.querySelector('.invite-summary');
		this.$expiry = root.querySelector('.invite-expiry');
		this.$accept = root.querySelector('.invite-accept');
		this.$problem = root.querySelector('.invite-problem');
		this.$home = root.querySelector('.invite-home');
	}

	showInvite({ summary, expiry }) {
		this.$loading.hidden = true;
		this.$summary.textContent = summary;
		this.$expiry.textContent = expiry;
		this.$details.hidden = false;
		this.$accept.disabled = false;
		this.$accept.focus();
	}

	showJoining() {
		this.$accept.disabled = true;
		this.$accept.textContent = 'Joining…';
	}

	/** The invite cannot be used (or joining failed): why, and the way to the user's own lists. */
	showProblem(message, { keepInvite = false } = {}) {
		this.$loading.hidden = true;
		this.$details.hidden = !keepInvite;
		this.$accept.disabled = false;
		this.$accept.textContent = 'Join the list';
		showMessage(this.$problem, message);
		this.$home.hidden = keepInvite;
	}

	bind({ onAccept }) {
		this.$accept.addEventListener('click', () => onAccept());
	}
}
