// What a 412 means for one write: the to-do changed on the server since the version the write was
// made on. The fields this write changes are compared with their values in that base version:
// those the other side did not touch are re-applied on the new version without asking; those both
// sides changed, to different values, are for the user to choose. Pure functions, no DOM.

/**
 * @param patch   the fields the write changes
 * @param base    their values when the write was made
 * @param current the to-do as the server holds it now
 * @returns {{resend: object, ask: Array<{field, mine, theirs}>}} what to send again on the current
 *   version without asking, and the fields both sides changed
 */
export function mergeOnConflict(patch, base, current) {
	const resend = {};
	const ask = [];
	for (const [field, mine] of Object.entries(patch)) {
		const theirs = current[field] ?? null;
		if (same(theirs, mine)) continue; // both sides want the same value: nothing to do
		if (same(theirs, base[field] ?? null)) resend[field] = mine;
		else ask.push({ field, mine, theirs });
	}
	return { resend, ask };
}

function same(a, b) {
	return (a ?? null) === (b ?? null);
}
