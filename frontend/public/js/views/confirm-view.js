// A question the user answers before something that cannot be undone: a native modal <dialog>
// (Escape or Cancel says no). DOM only.

export class ConfirmView {
	constructor(root = document) {
		this.$dialog = root.querySelector('dialog.confirm');
		this.$title = this.$dialog.querySelector('#confirm-title');
		this.$text = this.$dialog.querySelector('.confirm-text');
		this.$yes = this.$dialog.querySelector('.confirm-yes');
		this.$no = this.$dialog.querySelector('.confirm-no');
	}

	/** Resolves true when the user confirms, false otherwise. */
	ask({ title, text, confirm }) {
		const returnFocus = document.activeElement;
		this.$title.textContent = title;
		this.$text.textContent = text;
		this.$yes.textContent = confirm;
		this.$dialog.returnValue = '';
		this.$dialog.showModal();
		this.$no.focus();
		return new Promise((resolve) => {
			this.$dialog.addEventListener(
				'close',
				() => {
					if (returnFocus && returnFocus.isConnected) returnFocus.focus();
					resolve(this.$dialog.returnValue === 'yes');
				},
				{ once: true },
			);
		});
	}
}
