// The user menu in the top bar (a menu button: Enter, Space or ↓ opens it on its first item, ↑ ↓
// move, Escape or Tab closes it) and the erasure dialog, whose button stays disabled until the
// typed confirmation matches. Saving a downloaded file (an object URL clicked as a link). DOM only.

export class AccountView {
	constructor(root = document) {
		this.root = root;
		this.$button = root.querySelector('.user-menu-button');
		this.$menu = root.querySelector('.user-menu-items');
		this.$items = [...this.$menu.querySelectorAll('[role="menuitem"]')];
		this.$status = root.querySelector('.account-status');
		this.$dialog = root.querySelector('dialog.erase');
		this.$form = this.$dialog.querySelector('.erase-form');
		this.$id = this.$dialog.querySelector('.erase-id');
		this.$confirm = this.$dialog.querySelector('.erase-confirm');
		this.$yes = this.$dialog.querySelector('.erase-yes');
		this.$cancel = this.$dialog.querySelector('.erase-cancel');
		this.$error = this.$dialog.querySelector('.erase-error');
	}

	get menuOpen() {
		return !this.$menu.hidden;
	}

	openMenu(focusIndex = 0) {
		this.$menu.hidden = false;
		this.$button.setAttribute('aria-expanded', 'true');
		this.$items[focusIndex].focus();
	}

	closeMenu({ focusButton = true } = {}) {
		if (!this.menuOpen) return;
		this.$menu.hidden = true;
		this.$button.setAttribute('aria-expanded', 'false');
		if (focusButton) this.$button.focus();
	}

	showStatus(text) {
		this.$status.textContent = text;
	}

	/** The dialog, empty, with the id the user has to type; focus in its field. */
	openErase(userId) {
		this.$id.textContent = userId;
		this.$confirm.value = '';
		this.setEraseEnabled(false);
		this.showEraseError(null);
		this.$dialog.showModal();
		this.$confirm.focus();
	}

	closeErase() {
		if (this.$dialog.open) this.$dialog.close();
	}

	setEraseEnabled(enabled) {
		this.$yes.disabled = !enabled;
	}

	showEraseError(message) {
		this.$error.textContent = message ?? '';
		this.$error.hidden = !message;
	}

	/** Hands the blob to the browser as a download named {@code filename}. */
	saveFile(blob, filename) {
		const url = URL.createObjectURL(blob);
		const link = this.root.createElement('a');
		link.href = url;
		link.download = filename;
		link.hidden = true;
		this.root.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 60_000);
	}

	bind({ onExport, onErase, onConfirmInput, onEraseConfirm }) {
		this.$button.addEventListener('click', () => (this.menuOpen ? this.closeMenu() : this.openMenu()));
		this.$button.addEventListener('keydown', (event) => {
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				this.openMenu(event.key === 'ArrowUp' ? this.$items.length - 1 : 0);
			}
		});
		this.$menu.addEventListener('keydown', (event) => {
			const index = this.$items.indexOf(this.root.activeElement);
			if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
				event.preventDefault();
				const step = event.key === 'ArrowDown' ? 1 : -1;
				this.$items[(index + step + this.$items.length) % this.$items.length].focus();
			} else if (event.key === 'Home' || event.key === 'End') {
				event.preventDefault();
				this.$items[event.key === 'Home' ? 0 : this.$items.length - 1].focus();
			} else if (event.key === 'Escape') {
				event.preventDefault();
				this.closeMenu();
			} else if (event.key === 'Tab') {
				this.closeMenu({ focusButton: false });
			}
		});
		this.root.addEventListener('click', (event) => {
			if (this.menuOpen && !event.target.closest('.user-menu')) this.closeMenu({ focusButton: false });
		});
		this.$items[0].addEventListener('click', () => {
			this.closeMenu();
			onExport();
		});
		this.$items[1].addEventListener('click', () => {
			this.closeMenu({ focusButton: false });
			onErase();
		});
		this.$confirm.addEventListener('input', () => onConfirmInput(this.$confirm.value));
		this.$form.addEventListener('submit', (event) => {
			event.preventDefault();
			if (!this.$yes.disabled) onEraseConfirm();
		});
		this.$cancel.addEventListener('click', () => this.closeErase());
		this.$dialog.addEventListener('close', () => this.$button.focus());
	}
}
