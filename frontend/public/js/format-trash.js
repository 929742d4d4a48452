// Text for people about deleting, undoing and the trash. No DOM access.

import { describeError, quoted, timeAgo } from './format.js';

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;

/** The undo notice after deleting a to-do (it went to the trash). */
export function deletedMessage(title) {
	return `Deleted ${quoted(title)}.`;
}

export function clearedMessage(count) {
	return `Cleared ${plural(count, 'completed to-do', 'completed to-dos')}.`;
}

export function fileDeletedMessage(filename) {
	return `Deleted the file ${quoted(filename)}.`;
}

/** Why a to-do did not come back from the trash. */
export function restoreFailedMessage(title, error) {
	if (error && error.code === 'CONFLICT') return `${quoted(title)} is no longer in the trash (restored elsewhere, perhaps).`;
	if (error && error.isNotFound) return `${quoted(title)} was deleted for good meanwhile; it cannot come back.`;
	return `${quoted(title)} could not be restored.`;
}

export function fileDeleteFailedMessage(filename, error) {
	return `The file ${quoted(filename)} could not be deleted. ${describeError(error)}`;
}

/** The trash's status line: how many to-dos are in it. */
export function trashSummary(total) {
	if (!total) return 'The trash is empty.';
	return `${plural(total, 'to-do', 'to-dos')} in the trash. Restore them, or delete them for good.`;
}

/** 'Deleted 3 min ago by Bob' ('by you'; nobody named once that account is erased). */
export function deletedLine(todo, deletedBy, now = Date.now()) {
	const when = timeAgo(todo.deleted_at, now);
	return deletedBy ? `Deleted ${when} by ${deletedBy}` : `Deleted ${when}`;
}

export function deleteForGoodQuestion(title) {
	return `Delete ${quoted(title)} for good, with its steps and files? This cannot be undone.`;
}

export function emptyTrashQuestion(listName, total) {
	const what = total ? `all ${plural(total, 'to-do', 'to-dos')} in the trash of` : 'everything in the trash of';
	return `Delete ${what} ${quoted(listName)} for good, with their steps and files? This cannot be undone.`;
}

export function emptiedMessage(deleted) {
	return deleted === 0 ? 'The trash was already empty.' : `Deleted ${plural(deleted, 'to-do', 'to-dos')} for good.`;
}
