// What happened in a shared list, as sentences for people: "Bob completed “Buy milk”". The actor
// is named (name, else e-mail; "you" for the caller; "Someone" once their account is erased), the
// to-do by the title it had (from the event's changes, else the titles known, else "a to-do").
// No DOM access.

import { formatDate, quoted } from './format.js';

/** The actor of an event as the caller reads it. */
export function actorName(actor, myId) {
	if (!actor || !actor.id) return 'Someone';
	if (myId && actor.id === myId) return 'you';
	return actor.name || actor.email || 'Someone';
}

const newValue = (change) => (Array.isArray(change) ? change[1] : undefined);
const oldValue = (change) => (Array.isArray(change) ? change[0] : undefined);
const either = (change) => (Array.isArray(change) ? change[1] ?? change[0] ?? null : change ?? null);
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const ROLE_PHRASES = { editor: 'an editor', viewer: 'a viewer' };
const FIELD_NAMES = { notes: 'the notes', due_date: 'the due date', priority: 'the priority', position: 'the place', list_id: 'the list' };

/** The step a step event is about, with the title it names (null when it names none): {id, title}. */
export function stepInEvent(event) {
	const changes = event.changes || {};
	if (!String(event.action).startsWith('step.') || !changes.step_id) return null;
	return { id: either(changes.step_id), title: either(changes.title) };
}

/** The title an event gives its to-do itself (to-do events that carry `title`), else null. */
export function titleInEvent(event) {
	if (!String(event.action).startsWith('todo.')) return null;
	return either((event.changes || {}).title);
}

/** "and"-joined: ['a', 'b', 'c'] -> 'a, b and c'. */
function joined(parts) {
	return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * @param event an activity event ({action, actor, todo_id, changes, list_id})
 * @param context.myId the caller's id
 * @param context.titleOf (todo id) => its title when known, else null
 * @param context.userName (user id) => how to name someone the event is about (a member), else null
 * @param context.stepTitleOf (step id) => a step's title when another event named it, else null
 */
export function activitySentence(event, { myId = null, titleOf = () => null, userName = () => null, stepTitleOf = () => null } = {}) {
	const changes = event.changes || {};
	const who = actorName(event.actor, myId);
	const title = titleInEvent(event) ?? (event.todo_id ? titleOf(event.todo_id) : null);
	const todo = title ? quoted(title) : 'a to-do';
	const step = either(changes.title) ?? (changes.step_id ? stepTitleOf(either(changes.step_id)) : null);
	const file = either(changes.filename);
	const what = sentenceBody(event.action, { changes, todo, step, file, member: memberOf(changes, userName, myId) });
	return capitalised(`${who} ${what}`);
}

function sentenceBody(action, { changes, todo, step, file, member }) {
	const role = ROLE_PHRASES[newValue(changes.role)];
	switch (action) {
		case 'todo.created': return `added ${todo}`;
		case 'todo.updated': return todoUpdated(changes, todo);
		case 'todo.completed': return `completed ${todo}`;
		case 'todo.reopened': return `reopened ${todo}`;
		case 'todo.moved': return `moved ${todo} into this list`;
		case 'todo.deleted': return `deleted ${todo}`;
		case 'todo.restored': return `restored ${todo} from the trash`;
		case 'todo.purged': return `deleted ${todo} for good`;
		case 'step.created': return step ? `added the step ${quoted(step)} to ${todo}` : `added a step to ${todo}`;
		case 'step.updated': return stepUpdated(changes, todo, step);
		case 'step.deleted': return step ? `deleted the step ${quoted(step)} of ${todo}` : `deleted a step of ${todo}`;
		case 'attachment.added': return file ? `attached ${quoted(file)} to ${todo}` : `attached a file to ${todo}`;
		case 'attachment.deleted': return file ? `removed the file ${quoted(file)} from ${todo}` : `removed a file from ${todo}`;
		case 'list.created': return newValue(changes.name) ? `created the list ${quoted(newValue(changes.name))}` : 'created the list';
		case 'list.renamed': return changes.name ? `renamed the list ${quoted(oldValue(changes.name))} to ${quoted(newValue(changes.name))}` : 'renamed the list';
		case 'list.deleted': return 'deleted the list';
		case 'member.added': return `added ${member ?? 'someone'} to the list${role ? ` as ${role}` : ''}`;
		case 'member.changed': return role ? `made ${member ?? 'someone'} ${role}` : `changed the role of ${member ?? 'someone'}`;
		case 'member.removed': return `removed ${member ?? 'someone'} from the list`;
		case 'member.left': return 'left the list';
		case 'invite.created': return `created an invite link${role ? ` for ${role === 'an editor' ? 'editors' : 'viewers'}` : ''}`;
		case 'invite.revoked': return 'revoked an invite link';
		case 'invite.accepted': return `joined the list with an invite link${role ? ` as ${role}` : ''}`;
		default: return `made a change (${action})`;
	}
}

function todoUpdated(changes, todo) {
	if (changes.title) return `renamed ${quoted(oldValue(changes.title) ?? '')} to ${quoted(newValue(changes.title) ?? '')}`;
	const fields = Object.keys(changes).filter((field) => field !== 'version' && field !== 'updated_at');
	if (fields.length === 1) {
		const [field] = fields;
		const value = newValue(changes[field]);
		if (field === 'due_date') return value ? `set ${todo} due ${formatDate(value)}` : `removed the due date of ${todo}`;
		if (field === 'priority') return value && value !== 'none' ? `set the priority of ${todo} to ${value}` : `removed the priority of ${todo}`;
		if (field === 'position') return `moved ${todo} in the list`;
	}
	const named = fields.map((field) => FIELD_NAMES[field] ?? field.replace(/_/g, ' '));
	return named.length ? `changed ${joined(named)} of ${todo}` : `changed ${todo}`;
}

function stepUpdated(changes, todo, step) {
	const which = step ? `the step ${quoted(step)}` : 'a step';
	if (changes.completed) return `${newValue(changes.completed) ? 'ticked' : 'unticked'} ${which} of ${todo}`;
	if (changes.title) return `renamed the step ${quoted(oldValue(changes.title) ?? '')} of ${todo} to ${quoted(newValue(changes.title) ?? '')}`;
	if (changes.position) return `reordered the steps of ${todo}`;
	return `changed a step of ${todo}`;
}

/** The member a member event is about, named; its changes may name them by id or as a user. */
function memberOf(changes, userName, myId) {
	for (const key of ['user', 'member', 'user_id', 'member_id', 'email']) {
		const value = either(changes[key]);
		if (!value) continue;
		if (typeof value === 'object') return value.id && value.id === myId ? 'you' : value.name || value.email || userName(value.id) || null;
		if (value === myId) return 'you';
		return userName(value) ?? value;
	}
	return null;
}
