// The caller's own account: "Download my data" (the export zip, saved under the name the server
// gives) and "Delete my account" (a dialog with typed confirmation; then the erasure, then sign-out).
// No DOM: the view does that.

import { describeError } from './format.js';

/** Whether what the user typed confirms the erasure of account {@code userId}. */
export function confirmsErasure(typed, userId) {
	return Boolean(userId) && typeof typed === 'string' && typed.trim() === userId;
}

export class AccountController {
	/**
	 * @param deps.api {exportAccount(), eraseAccount(confirm)}
	 * @param deps.view an AccountView
	 * @param deps.session {signOut({ discard })}
	 * @param deps.myId () => the signed-in user's id (null until GET /api/v1/me answered)
	 */
	constructor({ api, view, session, myId }) {
		Object.assign(this, { api, view, session, myId });
		this.typed = '';
	}

	get userId() {
		return this.myId();
	}

	bind() {
		this.view.bind({
			onExport: () => this.exportData(),
			onErase: () => this.openErase(),
			onConfirmInput: (text) => {
				this.typed = text;
				this.view.setEraseEnabled(confirmsErasure(text, this.userId));
			},
			onEraseConfirm: () => this.erase(),
		});
	}

	async exportData() {
		this.view.showStatus('Preparing your data…');
		try {
			const { blob, filename } = await this.api.exportAccount();
			this.view.saveFile(blob, filename);
			this.view.showStatus(`Your data was downloaded as ${filename}.`);
		} catch (error) {
			this.view.showStatus(`Your data could not be downloaded. ${describeError(error)}`);
		}
	}

	openErase() {
		if (!this.userId) return;
		this.typed = '';
		this.view.openErase(this.userId);
	}

	async erase() {
		if (!confirmsErasure(this.typed, this.userId)) return;
		this.view.setEraseEnabled(false);
		try {
			await this.api.eraseAccount(this.userId);
		} catch (error) {
			this.view.showEraseError(`Your account was not deleted. ${describeError(error)}`);
			this.view.setEraseEnabled(true);
			return;
		}
		this.view.closeErase();
		await this.session.signOut({ discard: true });
	}
}
