// The trash of the list shown (its editors only): the to-dos deleted from it, most recent first,
// each restored or deleted for good (asked first), or all of them deleted for good at once. When
// to-dos come back, the list shown is reloaded (onRestored). No direct DOM access of its own.

import { personName } from './format-lists.js';
import { deleteForGoodQuestion, emptiedMessage, emptyTrashQuestion, restoreFailedMessage } from './format-trash.js';
import { describeError, quoted } from './format.js';

export const TRASH_PAGE_SIZE = 50;

export class TrashController {
	/**
	 * @param deps.api the API client
	 * @param deps.lists ListsStore (members, to name who deleted what in a shared list)
	 * @param deps.view TrashView
	 * @param deps.confirm ConfirmView
	 * @param deps.myId () => the caller's id ("you")
	 * @param deps.onUnauthorized () => sign in again
	 * @param deps.onRestored () => to-dos are back in the list
	 * @param deps.onOpen () => the trash opens (what could still be undone becomes final: restore it here)
	 */
	constructor({ api, lists, view, confirm, myId = () => null, onUnauthorized = () => {}, onRestored = () => {}, onOpen = () => {} }) {
		Object.assign(this, { api, lists, view, confirm, myId, onUnauthorized, onRestored, onOpen });
		this.list = null;
		this.items = [];
		this.total = 0;
		this.page = 0;
		this.more = false;
		this.names = new Map();
	}

	bind() {
		this.view.bind({
			onRestore: (id) => this.restore(id),
			onDeleteForGood: (id) => this.deleteForGood(id),
			onEmpty: () => this.empty(),
			onMore: () => this.loadMore(),
			onClose: () => {
				this.list = null;
			},
		});
	}

	async open(list) {
		if (!list) return;
		await this.onOpen();
		Object.assign(this, { list, items: [], total: 0, page: 0, more: false, names: new Map() });
		this.view.open(list.name);
		this.loadNames(list);
		await this.loadMore();
	}

	async loadMore() {
		const list = this.list;
		if (!list) return;
		try {
			const { data, meta } = await this.api.trash({ listId: list.id, page: this.page + 1, pageSize: TRASH_PAGE_SIZE });
			if (list !== this.list) return;
			const known = new Set(this.items.map((todo) => todo.id));
			this.items.push(...data.filter((todo) => !known.has(todo.id)));
			this.page = meta.page ?? this.page + 1;
			this.total = meta.total_count ?? this.items.length;
			this.more = this.page < (meta.total_pages ?? 0);
			this.render();
		} catch (error) {
			this.failed(error, `The trash could not be loaded. ${describeError(error)}`);
		}
	}

	/** Who deleted what, by name, in a shared list (the members); else only "you". */
	async loadNames(list) {
		if (!this.lists.isShared(list.id)) return;
		try {
			const members = await this.lists.members(list.id);
			if (list !== this.list) return;
			this.names = new Map(members.map((member) => [member.user.id, member.user]));
			this.render();
		} catch {
			// names are a nicety
		}
	}

	deletedBy(todo) {
		const id = todo.deleted_by;
		if (!id) return null;
		return personName(this.names.get(id) ?? { id }, this.myId());
	}

	render(status = null) {
		this.view.show(this.items, { total: this.total, more: this.more, deletedBy: (todo) => this.deletedBy(todo), status });
	}

	async restore(id) {
		const todo = this.items.find((each) => each.id === id);
		if (!todo) return;
		this.view.showError(null);
		try {
			await this.api.restoreTodo(id);
			this.drop(id, `${quoted(todo.title)} is back in the list.`);
			await this.onRestored();
		} catch (error) {
			if (error.code === 'CONFLICT' || error.isNotFound) this.drop(id);
			this.failed(error, `${restoreFailedMessage(todo.title, error)} ${describeError(error)}`);
		}
	}

	async deleteForGood(id) {
		const todo = this.items.find((each) => each.id === id);
		if (!todo) return;
		this.view.showError(null);
		const sure = await this.confirm.ask({ title: 'Delete for good?', text: deleteForGoodQuestion(todo.title), confirm: 'Delete for good' });
		if (!sure) return;
		try {
			await this.api.deleteForGood(id);
			this.drop(id, `${quoted(todo.title)} was deleted for good.`);
		} catch (error) {
			if (error.isNotFound) this.drop(id, `${quoted(todo.title)} was no longer in the trash.`);
			else this.failed(error, `${quoted(todo.title)} could not be deleted. ${describeError(error)}`);
		}
	}

	async empty() {
		const list = this.list;
		if (!list) return;
		this.view.showError(null);
		const sure = await this.confirm.ask({ title: 'Empty the trash?', text: emptyTrashQuestion(list.name, this.total), confirm: 'Empty trash' });
		if (!sure || list !== this.list) return;
		try {
			const { deleted } = await this.api.emptyTrash(list.id);
			Object.assign(this, { items: [], total: 0, page: 0, more: false });
			this.render(emptiedMessage(deleted));
		} catch (error) {
			this.failed(error, `The trash could not be emptied. ${describeError(error)}`);
		}
	}

	drop(id, status = null) {
		const before = this.items.length;
		this.items = this.items.filter((todo) => todo.id !== id);
		this.total = Math.max(0, this.total - (before - this.items.length));
		this.render(status);
	}

	failed(error, message) {
		if (error && error.needsSignIn) return this.onUnauthorized();
		this.view.showError(message);
	}
}
