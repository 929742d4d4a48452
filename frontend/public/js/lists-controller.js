// What the user does with lists (the sidebar, the head of the list shown, the share dialog), and
// which list or due-date view the hash selects. It tells the TodoStore what to load (its scope)
// and the main controller what the caller may do there. No direct DOM access of its own.

import { dayAfterToday, todayIn } from './format.js';
import {
	deleteListQuestion,
	describeListError,
	leaveListQuestion,
	listGoneMessage,
	personName,
	SMART_VIEW_DUE,
} from './format-lists.js';
import { hashForRoute, startRouter } from './router.js';

export class ListsController {
	/**
	 * @param deps.lists ListsStore
	 * @param deps.store TodoStore, told which list or view to load
	 * @param deps.views {lists, listBar, confirm, shell}
	 * @param deps.share ShareController
	 * @param deps.trash TrashController, the trash of the list shown (editors)
	 * @param deps.window where hash changes happen
	 * @param deps.onChange called when what the to-do view may show changed (permissions, names)
	 * @param deps.onFailure (message, error, retry) for what the user must hear about
	 */
	constructor({ lists, store, views, share, trash = null, window, onChange, onFailure }) {
		Object.assign(this, { lists, store, views, share, trash, window, onChange, onFailure });
		this.route = { listId: null, smart: null, filter: 'all' };
		this.myId = null;
		this.membersByList = new Map(); // list id -> Map(user id -> user), once loaded
	}

	async start() {
		const { lists: sidebar, listBar } = this.views;
		sidebar.bind({
			onCreate: (name) => this.createList(name),
			onMove: (listId, offset) => this.reorder(() => this.lists.move(listId, offset)),
			onMoveBefore: (listId, beforeId) => this.reorder(() => this.lists.moveBefore(listId, beforeId)),
		});
		listBar.bind({
			onRename: (name) => this.renameList(name),
			onShare: () => this.share.open(this.selectedList, this.myId),
			onTrash: () => this.trash?.open(this.selectedList),
			onDelete: () => this.deleteList(),
			onLeave: () => this.leaveList(),
		});
		this.lists.addEventListener('change', () => this.render());
		await this.loadLists();
		startRouter(this.window, (route) => this.select(route));
	}

	setMe(id) {
		this.myId = id;
		this.onChange();
	}

	async loadLists() {
		try {
			await this.lists.load();
		} catch (error) {
			this.onFailure('Your lists could not be loaded.', error, () => this.loadLists().then(() => this.select(this.route)));
		}
	}

	// --- what is shown ------------------------------------------------------------------------

	/** The list shown: the one the hash names, else the default list; null in a due-date view. */
	get selectedList() {
		if (this.route.smart) return null;
		return this.route.listId ? this.lists.find(this.route.listId) : this.lists.defaultList;
	}

	select(route) {
		if (route.listId && this.lists.loaded && !this.lists.find(route.listId)) {
			this.views.shell.showInfo(listGoneMessage(null));
			this.window.location.hash = '#/';
			return;
		}
		this.route = route;
		this.store.setFilter(route.filter);
		const list = this.selectedList;
		this.store.setScope(route.smart ? { due: SMART_VIEW_DUE[route.smart] } : { listId: list ? list.id : null });
		this.render();
	}

	render() {
		if (this.route.listId && this.lists.loaded && !this.lists.find(this.route.listId)) return this.select(this.route);
		const list = this.selectedList;
		this.views.lists.render({ own: this.lists.own, shared: this.lists.shared, selectedListId: list ? list.id : null, smart: this.route.smart });
		this.views.listBar.render({ list, smart: this.route.smart, canEdit: Boolean(list && this.lists.canWrite(list.id)) });
		this.onChange();
	}

	/** What the to-do view may offer in the list or view shown (see TodoView.render). */
	todoViewOptions() {
		const list = this.selectedList;
		const fallbackListId = list ? list.id : this.lists.defaultList?.id;
		const canEdit = (todo) => Boolean(todo.pending) || !this.lists.loaded || this.lists.canWrite(todo.list_id ?? fallbackListId);
		const listRoute = { listId: list && !list.is_default ? list.id : null, smart: this.route.smart };
		const filterHashes = Object.fromEntries(['all', 'active', 'completed'].map((filter) => [filter, hashForRoute({ ...listRoute, filter })]));
		const writable = !this.lists.loaded || this.lists.canWrite(fallbackListId);
		return {
			filterHashes,
			canAdd: writable,
			bulk: !this.route.smart && writable,
			canEdit,
			people: (todo) => this.people(todo),
			placeholder: { today: 'Add to the Inbox, due today', upcoming: 'Add to the Inbox, due tomorrow' }[this.route.smart],
		};
	}

	/** The fields of a to-do added here: its list, and in a due-date view a due date. */
	newTodoFields() {
		const list = this.selectedList ?? this.lists.defaultList;
		const fields = list ? { list_id: list.id } : {};
		if (this.route.smart === 'today') fields.due_date = todayIn();
		if (this.route.smart === 'upcoming') fields.due_date = dayAfterToday(1);
		return fields;
	}

	/** Who added and completed a to-do of a shared list, by name; null elsewhere or until known. */
	people(todo) {
		const listId = todo.list_id ?? this.selectedList?.id;
		if (!listId || !this.lists.isShared(listId)) return null;
		const members = this.membersByList.get(listId);
		if (!members) {
			this.loadMembers(listId);
			return null;
		}
		const name = (id) => (id ? personName(members.get(id) ?? { id }, this.myId) : null);
		return { createdBy: name(todo.created_by), completedBy: todo.completed ? name(todo.completed_by) : null };
	}

	async loadMembers(listId) {
		if (this.membersByList.has(listId)) return;
		this.membersByList.set(listId, new Map());
		try {
			const members = await this.lists.members(listId);
			this.membersByList.set(listId, new Map(members.map((member) => [member.user.id, member.user])));
			this.onChange();
		} catch {
			this.membersByList.delete(listId); // names are a nicety; the next render asks again
		}
	}

	/** A request said the list is gone (deleted, or the caller removed from it): back to the Inbox. */
	async listGone() {
		const name = this.selectedList?.name;
		await this.loadLists();
		this.views.shell.showInfo(listGoneMessage(name));
		if (this.window.location.hash !== '#/') this.window.location.hash = '#/';
		else this.select({ listId: null, smart: null, filter: 'all' });
	}

	// --- changes ------------------------------------------------------------------------------

	async createList(name) {
		try {
			const created = await this.lists.create(name);
			this.views.lists.showError(null);
			this.window.location.hash = hashForRoute({ listId: created.id });
			return true;
		} catch (error) {
			this.views.lists.showError(`The list could not be created. ${describeListError(error)}`);
			return false;
		}
	}

	async renameList(name) {
		const list = this.selectedList;
		if (!list || name === list.name) return true;
		try {
			await this.lists.rename(list.id, name);
			return true;
		} catch (error) {
			this.onFailure(`The list could not be renamed.`, error, () => this.renameList(name), describeListError(error));
			return false;
		}
	}

	async reorder(move) {
		try {
			await move();
		} catch (error) {
			this.onFailure('The list could not be moved.', error, null);
		}
	}

	async deleteList() {
		const list = this.selectedList;
		if (!list) return;
		const confirmed = await this.views.confirm.ask({ title: 'Delete this list?', text: deleteListQuestion(list), confirm: 'Delete list' });
		if (confirmed) await this.removeList(list, { leavingAs: null }, `The list “${list.name}” was deleted.`);
	}

	async leaveList() {
		const list = this.selectedList;
		if (!list || !this.myId) return;
		const confirmed = await this.views.confirm.ask({ title: 'Leave this list?', text: leaveListQuestion(list), confirm: 'Leave list' });
		if (confirmed) await this.removeList(list, { leavingAs: this.myId }, `You left “${list.name}”.`);
	}

	async removeList(list, how, done) {
		try {
			await this.lists.remove(list.id, how);
			this.views.shell.showInfo(done);
			this.window.location.hash = '#/';
		} catch (error) {
			this.onFailure(`“${list.name}” could not be ${how.leavingAs ? 'left' : 'deleted'}.`, error, null, describeListError(error));
		}
	}
}
