// Text for people about lists, sharing and invites. No DOM access.

import { describeError, formatDate, quoted } from './format.js';

export const SMART_VIEW_NAMES = Object.freeze({ today: 'Today', upcoming: 'Upcoming' });

export const ROLE_NAMES = Object.freeze({ owner: 'Owner', editor: 'Can edit', viewer: 'Can view', admin: 'Administrator' });

/** The API's due values a due-date view shows together. */
export const SMART_VIEW_DUE = Object.freeze({ today: ['overdue', 'today'], upcoming: ['upcoming'] });

export function smartViewSummary(smart) {
	if (smart === 'today') return 'Overdue and due today, in every list.';
	if (smart === 'upcoming') return 'Due after today, in every list.';
	return '';
}

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** Whose list it is and who else is in it, as its head says it. */
export function sharingSummary(list) {
	if (list.role === 'owner') {
		const others = (list.member_count ?? 1) - 1;
		return others > 0 ? `Shared with ${plural(others, 'other person', 'other people')}.` : '';
	}
	const owner = userName(list.owner);
	if (list.role === 'viewer') return `${owner}’s list, shared with you to view: you cannot change it.`;
	if (list.role === 'admin') return `${owner}’s list (you see it as an administrator).`;
	return `${owner}’s list, shared with you: you can add and change its to-dos.`;
}

/** A user as other users see them: name, else e-mail, else id. */
export function userName(user) {
	if (!user) return 'Someone';
	return user.name || user.email || user.id;
}

/** A person in a shared list: as userName says, and the caller is "you". */
export function personName(user, myId) {
	if (!user) return null;
	return user.id === myId ? 'you' : userName(user);
}

export function deleteListQuestion(list) {
	const count = list.todo_count ?? 0;
	const todos = count === 0 ? 'It holds no to-dos.' : `Its ${plural(count, 'to-do', 'to-dos')} will be deleted with it.`;
	return `Delete the list ${quoted(list.name)}? ${todos} This cannot be undone.`;
}

export function leaveListQuestion(list) {
	return `Leave ${quoted(list.name)}? You will no longer see it; ${userName(list.owner)} can share it with you again.`;
}

/** What an invite link offers, as its page says it. */
export function inviteSummary(preview) {
	const role = preview.role === 'viewer' ? 'to view it' : 'to add and change its to-dos';
	return `${userName(preview.owner)} invites you to the list ${quoted(preview.list.name)}, ${role}.`;
}

export function inviteExpiry(expiresAt, timeZone = undefined) {
	return `The invite is valid until ${formatDate(expiresAt, { time: true, timeZone })}.`;
}

/** An invite in the owner's list of links. */
export function inviteLine(invite, timeZone = undefined) {
	return `${ROLE_NAMES[invite.role] ?? invite.role}, valid until ${formatDate(invite.expires_at, { time: true, timeZone })}`;
}

/** The errors of lists and sharing, with what to do about them; others as describeError says. */
export function describeListError(error) {
	switch (error && error.code) {
		case 'USER_NOT_FOUND':
			return 'No one with that e-mail has signed in here yet. Ask them to sign in once, then add them, or send them an invite link.';
		case 'INVITE_NOT_FOUND':
			return 'This invite link is not valid: it is unknown, has expired or was revoked. Ask the list’s owner for a new one.';
		case 'LIST_NOT_FOUND':
			return 'The list no longer exists, or it is no longer shared with you.';
		case 'CONFLICT':
			return 'That cannot be done with this list (the Inbox cannot be shared or deleted; an owner cannot leave their own list).';
		case 'FORBIDDEN':
			return 'Only the list’s owner may do that.';
		default:
			return describeError(error);
	}
}

/** Said when a list the user was looking at is gone (deleted, or they were removed from it). */
export function listGoneMessage(name) {
	return name ? `The list ${quoted(name)} no longer exists or is no longer shared with you.` : 'That list does not exist or is not shared with you.';
}

/** "Added by Bob · done by you" for a to-do in a shared list; null parts are left out. */
export function peopleLine({ createdBy, completedBy }) {
	const parts = [];
	if (createdBy) parts.push(`Added by ${createdBy}`);
	if (completedBy) parts.push(`${parts.length ? 'done' : 'Done'} by ${completedBy}`);
	return parts.join(' · ');
}
