// The owner's share dialog: the members with their roles (change, remove), add by e-mail, and the
// invite links (create with a role and an expiry, copy the new one, revoke). A native modal
// <dialog>. DOM only.

import { inviteLine, ROLE_NAMES, userName } from '../format-lists.js';
import { element, showMessage, textElement } from './dom.js';

const MEMBER_ROLES = ['editor', 'viewer'];

export class ShareView {
	constructor(root = document) {
		this.$dialog = root.querySelector('dialog.share');
		const $ = (selector) => this.$dialog.querySelector(selector);
		this.$title = $('#share-title');
		this.$membersStatus = $('.members-status');
		this.$members = $('.member-list');
		this.$memberForm = $('.add-member-form');
		this.$email = $('.member-email');
		this.$memberRole = $('.member-role');
		this.$memberError = $('.member-error');
		this.$invitesStatus = $('.invites-status');
		this.$invites = $('.invite-list');
		this.$inviteForm = $('.create-invite-form');
		this.$inviteRole = $('.invite-role');
		this.$inviteDays = $('.invite-days');
		this.$inviteError = $('.invite-error');
		this.$newInvite = $('.new-invite');
		this.$inviteUrl = $('.invite-url');
		this.$copy = $('.invite-copy');
		this.$copied = $('.invite-copied');
		this.$close = $('.share-close');
		this.returnFocus = null;
	}

	get isOpen() {
		return this.$dialog.open;
	}

	open(listName) {
		this.returnFocus = document.activeElement;
		this.$title.textContent = `Share “${listName}”`;
		this.$email.value = '';
		this.showMemberError(null);
		this.showInviteError(null);
		this.$newInvite.hidden = true;
		this.$copied.textContent = '';
		this.showMembers(null);
		this.showInvites(null);
		if (!this.$dialog.open) this.$dialog.showModal();
		this.$email.focus();
	}

	close() {
		if (this.$dialog.open) this.$dialog.close();
	}

	/** null: loading; else [{user, role}] with the owner first. */
	showMembers(members, { myId = null, problem = null } = {}) {
		this.$membersStatus.textContent = problem ?? (members === null ? 'Loading people…' : '');
		this.$members.replaceChildren(...(members ?? []).map((member) => memberItem(member, myId)));
	}

	/** null: loading; else the unexpired invites. */
	showInvites(invites, { problem = null } = {}) {
		const none = invites && invites.length === 0 ? 'No invite links yet.' : '';
		this.$invitesStatus.textContent = problem ?? (invites === null ? 'Loading invite links…' : none);
		this.$invites.replaceChildren(
			...(invites ?? []).map((invite) => {
				const li = element('li', 'invite-item');
				li.dataset.id = invite.id;
				const line = inviteLine(invite);
				const revoke = textElement('button', 'invite-revoke button button-small button-secondary', 'Revoke', { type: 'button', 'aria-label': `Revoke the link: ${line}` });
				li.append(textElement('span', 'invite-line', line), revoke);
				return li;
			}),
		);
	}

	memberAdded() {
		this.$email.value = '';
		this.$email.focus();
	}

	showNewInvite(url) {
		this.$inviteUrl.value = url;
		this.$newInvite.hidden = false;
		this.$copied.textContent = '';
		this.$copy.focus();
	}

	showCopied(copied) {
		this.$copied.textContent = copied ? 'Link copied.' : 'Select the link and copy it (Ctrl+C).';
		if (!copied) this.$inviteUrl.select();
	}

	showMemberError(message) {
		showMessage(this.$memberError, message);
	}

	showInviteError(message) {
		showMessage(this.$inviteError, message);
	}

	bind({ onAddMember, onChangeRole, onRemoveMember, onCreateInvite, onRevokeInvite, onCopy }) {
		this.$memberForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const email = this.$email.value.trim();
			if (!email || !this.$email.checkValidity()) {
				this.showMemberError('Type the e-mail address of someone who has signed in here.');
				this.$email.focus();
				return;
			}
			onAddMember(email, this.$memberRole.value);
		});
		this.$members.addEventListener('change', (event) => {
			const li = event.target.closest('li[data-id]');
			if (li && event.target.matches('.member-role-select')) onChangeRole(li.dataset.id, event.target.value);
		});
		this.$members.addEventListener('click', (event) => {
			const li = event.target.closest('li[data-id]');
			if (li && event.target.matches('.member-remove')) onRemoveMember(li.dataset.id);
		});
		this.$inviteForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const days = Number(this.$inviteDays.value);
			if (!Number.isInteger(days) || days < 1 || days > 30) {
				this.showInviteError('An invite link is valid for 1 to 30 days.');
				this.$inviteDays.focus();
				return;
			}
			onCreateInvite(this.$inviteRole.value, days);
		});
		this.$invites.addEventListener('click', (event) => {
			const li = event.target.closest('li[data-id]');
			if (li && event.target.matches('.invite-revoke')) onRevokeInvite(li.dataset.id);
		});
		this.$copy.addEventListener('click', () => onCopy(this.$inviteUrl.value));
		this.$close.addEventListener('click', () => this.close());
		this.$dialog.addEventListener('close', () => {
			if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
		});
	}
}

function memberItem(member, myId) {
	const { user, role } = member;
	const name = userName(user) + (user.id === myId ? ' (you)' : '');
	const li = element('li', 'member-item');
	li.dataset.id = user.id;
	const who = element('span', 'member-who');
	who.append(textElement('span', 'member-name', name));
	if (user.email && user.email !== name) who.append(textElement('span', 'member-email-text', user.email));
	li.append(who);
	if (role === 'owner') {
		li.append(textElement('span', 'member-role-text', ROLE_NAMES.owner));
		return li;
	}
	const select = element('select', 'member-role-select', { 'aria-label': `Role of ${name}` });
	for (const value of MEMBER_ROLES) {
		const option = textElement('option', null, ROLE_NAMES[value], { value });
		option.selected = value === role;
		select.append(option);
	}
	const remove = textElement('button', 'member-remove button button-small button-secondary', 'Remove', { type: 'button', 'aria-label': `Remove ${name}` });
	li.append(select, remove);
	return li;
}
