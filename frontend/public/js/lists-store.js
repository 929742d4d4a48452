// The caller's lists, own and shared, as the server holds them, and the members of the shared ones
// (to put names to created_by / completed_by). No DOM access. An EventTarget: 'change' (detail:
// the lists) after every load or change. Writes are sent first and shown when the server has
// answered, except reordering, which shows at once and is undone if refused.

const WRITER_ROLES = new Set(['owner', 'editor', 'admin']);

export class ListsStore extends EventTarget {
	/**
	 * @param deps.api the API client
	 * @param deps.snapshot {read(), write(lists)}: the last lists seen, for an offline start
	 */
	constructor({ api, snapshot = null }) {
		super();
		this.api = api;
		this.snapshot = snapshot;
		this.lists = [];
		this.loaded = false;
		this.loadSequence = 0;
		this.membersByList = new Map();
	}

	changed() {
		this.dispatchEvent(new CustomEvent('change', { detail: this.lists }));
	}

	// --- reading ------------------------------------------------------------------------------

	find(id) {
		return this.lists.find((list) => list.id === id) ?? null;
	}

	get defaultList() {
		return this.lists.find((list) => list.is_default) ?? null;
	}

	/** The caller's own lists in their order (the default list among them). */
	get own() {
		return this.lists.filter((list) => list.role === 'owner');
	}

	/** Lists other people share with the caller, in the caller's order. */
	get shared() {
		return this.lists.filter((list) => list.role !== 'owner');
	}

	/** Whether the caller may add, change and delete to-dos in the list. */
	canWrite(listId) {
		const list = this.find(listId);
		return Boolean(list && WRITER_ROLES.has(list.role));
	}

	isShared(listId) {
		const list = this.find(listId);
		return Boolean(list && (list.member_count > 1 || list.role !== 'owner'));
	}

	// --- loading ------------------------------------------------------------------------------

	/** GET /lists; an answer older than the latest request is dropped. */
	async load() {
		const sequence = ++this.loadSequence;
		let lists;
		try {
			lists = await this.api.lists();
			this.snapshot?.write(lists).catch(() => {});
		} catch (error) {
			const kept = error.status === 0 && this.snapshot ? await this.snapshot.read().catch(() => null) : null;
			if (!kept) throw error;
			lists = kept; // offline: the lists as last seen
		}
		if (sequence !== this.loadSequence) return;
		this.lists = sortedForDisplay(lists);
		this.loaded = true;
		this.changed();
	}

	/** The members of a list, fetched once per list until forgotten: [{user, role, added_at}]. */
	async members(listId) {
		if (!this.membersByList.has(listId)) {
			const request = this.api.members(listId);
			this.membersByList.set(listId, request);
			request.catch(() => this.membersByList.delete(listId));
		}
		return this.membersByList.get(listId);
	}

	forgetMembers(listId) {
		this.membersByList.delete(listId);
	}

	// --- changes ------------------------------------------------------------------------------

	async create(name) {
		const created = await this.api.createList(name);
		this.lists = sortedForDisplay([...this.lists, created]);
		this.changed();
		return created;
	}

	async rename(listId, name) {
		const renamed = await this.api.patchList(listId, { name });
		this.replace(renamed);
		return renamed;
	}

	/** Deletes the list with its to-dos (owner), or leaves it (a member: their own membership). */
	async remove(listId, { leavingAs = null } = {}) {
		if (leavingAs) await this.api.removeMember(listId, leavingAs);
		else await this.api.deleteList(listId);
		this.drop(listId);
	}

	drop(listId) {
		this.lists = this.lists.filter((list) => list.id !== listId);
		this.forgetMembers(listId);
		this.changed();
	}

	replace(list) {
		this.lists = sortedForDisplay(this.lists.map((each) => (each.id === list.id ? list : each)));
		this.changed();
	}

	/** Moves a list one place up (-1) or down (+1) among its group (own or shared). */
	move(listId, offset) {
		const group = groupOf(this.lists, listId);
		const index = group.findIndex((list) => list.id === listId);
		const target = index + offset;
		if (index < 0 || target < 0 || target >= group.length) return Promise.resolve(false);
		return this.moveBefore(listId, offset < 0 ? group[target].id : group[target + 1]?.id ?? null);
	}

	/**
	 * Puts a list before another of its group (null: last of the group), numbering the caller's
	 * lists 1, 2, 3… in the order shown and sending only the positions that changed.
	 */
	async moveBefore(listId, beforeId) {
		const moving = this.find(listId);
		if (!moving || listId === beforeId) return false;
		const group = groupOf(this.lists, listId).filter((list) => list.id !== listId);
		const at = beforeId === null ? group.length : group.findIndex((list) => list.id === beforeId);
		if (at < 0) return false;
		group.splice(at, 0, moving);
		const others = this.lists.filter((list) => (list.role === 'owner') !== (moving.role === 'owner'));
		const ordered = moving.role === 'owner' ? [...group, ...others] : [...others, ...group];
		const before = this.lists;
		const renumbered = ordered.map((list, index) => ({ ...list, position: index + 1 }));
		this.lists = renumbered;
		this.changed();
		const changes = renumbered.filter((list) => before.find((old) => old.id === list.id).position !== list.position);
		try {
			await Promise.all(changes.map((list) => this.api.patchList(list.id, { position: list.position })));
			return true;
		} catch (error) {
			this.lists = before;
			this.changed();
			throw error;
		}
	}
}

/** Own lists first, then shared ones; each group in the caller's position order. */
export function sortedForDisplay(lists) {
	const byPosition = (a, b) => (a.position ?? Infinity) - (b.position ?? Infinity);
	const own = lists.filter((list) => list.role === 'owner').sort(byPosition);
	const shared = lists.filter((list) => list.role !== 'owner').sort(byPosition);
	return [...own, ...shared];
}

function groupOf(lists, listId) {
	const list = lists.find((each) => each.id === listId);
	if (!list) return [];
	return lists.filter((each) => (each.role === 'owner') === (list.role === 'owner'));
}
