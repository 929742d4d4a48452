// The owner's share dialog: loads the list's members and invite links, and turns what the owner
// does there into API calls. After a change of members the lists are reloaded (member_count).
// No direct DOM access of its own.

import { describeListError, userName } from './format-lists.js';

export class ShareController {
	/**
	 * @param deps.api the API client
	 * @param deps.lists ListsStore
	 * @param deps.view ShareView
	 * @param deps.origin this app's origin, to turn an invite's path into a link to send
	 * @param deps.clipboard navigator.clipboard (may be missing)
	 */
	constructor({ api, lists, view, origin, clipboard }) {
		Object.assign(this, { api, lists, view, origin, clipboard });
		this.listId = null;
		this.myId = null;
		this.members = [];
	}

	bind() {
		this.view.bind({
			onAddMember: (email, role) => this.addMember(email, role),
			onChangeRole: (userId, role) => this.changeRole(userId, role),
			onRemoveMember: (userId) => this.removeMember(userId),
			onCreateInvite: (role, days) => this.createInvite(role, days),
			onRevokeInvite: (inviteId) => this.revokeInvite(inviteId),
			onCopy: (url) => this.copy(url),
		});
	}

	async open(list, myId) {
		if (!list) return;
		this.listId = list.id;
		this.myId = myId;
		this.view.open(list.name);
		await Promise.all([this.loadMembers(), this.loadInvites()]);
	}

	async loadMembers() {
		const listId = this.listId;
		try {
			const members = await this.api.members(listId);
			if (listId !== this.listId) return;
			this.members = members;
			this.view.showMembers(members, { myId: this.myId });
		} catch (error) {
			this.view.showMembers([], { problem: `The people could not be loaded. ${describeListError(error)}` });
		}
	}

	async loadInvites() {
		const listId = this.listId;
		try {
			const invites = await this.api.invites(listId);
			if (listId === this.listId) this.view.showInvites(invites);
		} catch (error) {
			this.view.showInvites([], { problem: `The invite links could not be loaded. ${describeListError(error)}` });
		}
	}

	/** Members changed: the dialog, the list's member count and the names of its to-dos follow. */
	async membersChanged() {
		this.lists.forgetMembers(this.listId);
		await Promise.all([this.loadMembers(), this.lists.load().catch(() => {})]);
	}

	async addMember(email, role) {
		this.view.showMemberError(null);
		try {
			await this.api.addMember(this.listId, email, role);
			this.view.memberAdded();
			await this.membersChanged();
		} catch (error) {
			this.view.showMemberError(`${email} could not be added. ${describeListError(error)}`);
		}
	}

	async changeRole(userId, role) {
		this.view.showMemberError(null);
		try {
			await this.api.setMemberRole(this.listId, userId, role);
		} catch (error) {
			this.view.showMemberError(`The role of ${this.nameOf(userId)} could not be changed. ${describeListError(error)}`);
		}
		await this.membersChanged();
	}

	async removeMember(userId) {
		this.view.showMemberError(null);
		try {
			await this.api.removeMember(this.listId, userId);
		} catch (error) {
			if (!error.isNotFound) this.view.showMemberError(`${this.nameOf(userId)} could not be removed. ${describeListError(error)}`);
		}
		await this.membersChanged();
	}

	async createInvite(role, days) {
		this.view.showInviteError(null);
		try {
			const invite = await this.api.createInvite(this.listId, role, days);
			this.view.showNewInvite(new URL(invite.url, this.origin).href);
			await this.loadInvites();
		} catch (error) {
			this.view.showInviteError(`The invite link could not be created. ${describeListError(error)}`);
		}
	}

	async revokeInvite(inviteId) {
		this.view.showInviteError(null);
		try {
			await this.api.revokeInvite(this.listId, inviteId);
		} catch (error) {
			if (!error.isNotFound) this.view.showInviteError(`The invite link could not be revoked. ${describeListError(error)}`);
		}
		await this.loadInvites();
	}

	async copy(url) {
		try {
			await this.clipboard.writeText(url);
			this.view.showCopied(true);
		} catch {
			this.view.showCopied(false);
		}
	}

	nameOf(userId) {
		const member = this.members.find((each) => each.user.id === userId);
		return member ? userName(member.user) : userId;
	}
}
