// Signing out on a shared device: what is still waiting in the outbox is sent first (a few
// seconds at most); what could not be sent is listed and the user decides whether to lose it;
// then everything this user kept in the browser (outbox, lists and to-dos seen, sync cursor) is
// dropped, so that the next person to sign in here never sees it. No DOM (the question goes
// through the confirm view).

import { quoted } from './format.js';

const FLUSH_WAIT_MS = 5000;

/**
 * @returns {Promise<boolean>} true when it is fine to sign out (nothing lost, or the user agreed)
 */
export async function clearLocalDataForSignOut({ writes, outbox, data, confirm, wait = FLUSH_WAIT_MS }) {
	writes.connectivity.retryNow();
	await Promise.race([writes.settled(), new Promise((resolve) => setTimeout(resolve, wait))]);
	const waiting = await outbox.allWaiting();
	if (waiting.length > 0) {
		const agreed = await confirm.ask({
			title: 'Sign out and lose unsaved changes?',
			text: `${waitingSummary(waiting)} could not be saved yet: the server cannot be reached. Signing out deletes them from this device.`,
			confirm: 'Sign out and lose them',
		});
		if (!agreed) return false;
	}
	await outbox.clear();
	await data.forget();
	return true;
}

/** "2 changes (“Buy milk” added, “Pay rent” changed)". */
export function waitingSummary(entries) {
	const what = entries.map((entry) => `${quoted(entry.title ?? entry.fields?.title ?? '')} ${entry.kind === 'create' ? 'added' : entry.kind === 'delete' ? 'deleted' : 'changed'}`);
	return `${entries.length === 1 ? '1 change' : `${entries.length} changes`} (${what.join(', ')})`;
}
