// The page around the app: which page shows, who is signed in, error and info messages. DOM only.

export class ShellView {
	constructor(root = document) {
		this.root = root;
		this.pages = {
			list: root.querySelector('.page-list'),
			'signed-out': root.querySelector('.page-signed-out'),
			auth: root.querySelector('.page-auth'),
			invite: root.querySelector('.page-invite'),
		};
		this.$whoami = root.querySelector('.whoami');
		this.$whoamiName = root.querySelector('.whoami-name');
		this.$signOut = root.querySelector('.sign-out');
		this.$error = root.querySelector('.message-error');
		this.$info = root.querySelector('.message-info');
		this.$authProblem = root.querySelector('.auth-problem');
		this.$authActions = root.querySelector('.auth-actions');
		this.retry = null;
	}

	showPage(name) {
		for (const [key, page] of Object.entries(this.pages)) page.hidden = key !== name;
	}

	showUser(name) {
		this.$whoami.hidden = !name;
		this.$signOut.hidden = !name;
		this.$whoamiName.textContent = name ?? '';
	}

	/** An error with what happened, the support reference, and a retry button when one helps. */
	showError({ message, requestId = null, retry = null }) {
		this.$error.querySelector('.message-text').textContent = message;
		const reference = this.$error.querySelector('.message-reference');
		reference.textContent = requestId ? `Reference for support: ${requestId}` : '';
		reference.hidden = !requestId;
		this.retry = retry;
		this.$error.querySelector('.message-retry').hidden = !retry;
		this.$error.hidden = false;
	}

	hideError() {
		this.$error.hidden = true;
		this.retry = null;
	}

	showInfo(message) {
		this.$info.querySelector('.message-text').textContent = message;
		this.$info.hidden = false;
	}

	hideInfo() {
		this.$info.hidden = true;
	}

	showAuthProblem(message) {
		this.showPage('auth');
		this.$authProblem.textContent = message;
		this.$authProblem.hidden = false;
		this.$authActions.hidden = false;
		this.root.querySelector('#auth-title').textContent = 'Sign-in did not work';
	}

	bind({ onSignOut, onRetry }) {
		this.$signOut.addEventListener('click', () => onSignOut());
		this.$error.querySelector('.message-retry').addEventListener('click', () => {
			const retry = this.retry;
			this.hideError();
			if (retry) onRetry(retry);
		});
		this.$error.querySelector('.message-dismiss').addEventListener('click', () => this.hideError());
		this.$info.querySelector('.message-dismiss').addEventListener('click', () => this.hideInfo());
	}
}
