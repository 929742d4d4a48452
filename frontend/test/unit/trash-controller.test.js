import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { TrashController } from '../../public/js/trash-controller.js';
import { todo } from './helpers.js';

const minutesAgo = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString();
const trashed = (id, title, deletedBy, minutes) => todo({ id, title, deleted_at: minutesAgo(minutes), deleted_by: deletedBy });

function setup({ shared = false, answers = [] } = {}) {
	const server = { trash: [trashed('a', 'Milk', 'me', 3), trashed('b', 'Eggs', 'bob', 60 * 5)], calls: [] };
	const api = {
		trash: async ({ listId, page, pageSize }) => {
			server.calls.push(`trash ${listId} ${page} ${pageSize}`);
			return { data: server.trash.map((t) => ({ ...t })), meta: { page, page_size: pageSize, total_count: server.trash.length, total_pages: 1 } };
		},
		restoreTodo: async (id) => {
			server.calls.push(`restore ${id}`);
			if (!server.trash.some((t) => t.id === id)) throw new ApiError({ status: 409, code: 'CONFLICT', message: 'not in the trash' });
			server.trash = server.trash.filter((t) => t.id !== id);
			return todo({ id });
		},
		deleteForGood: async (id) => {
			server.calls.push(`purge ${id}`);
			server.trash = server.trash.filter((t) => t.id !== id);
		},
		emptyTrash: async (listId) => {
			server.calls.push(`empty ${listId}`);
			const deleted = server.trash.length;
			server.trash = [];
			return { deleted };
		},
	};
	const lists = {
		isShared: () => shared,
		members: async () => [{ user: { id: 'me', name: 'Me' } }, { user: { id: 'bob', name: 'Bob' } }],
	};
	const shown = [];
	const view = {
		open() {},
		show: (items, { total, deletedBy, status }) => shown.push({ titles: items.map((t) => t.title), total, by: items.map(deletedBy), status }),
		showError: (message) => message && shown.push({ error: message }),
		bind() {},
	};
	const questions = [];
	const confirm = { ask: async (question) => (questions.push(question), answers.shift() ?? true) };
	let restored = 0;
	const trash = new TrashController({ api, lists, view, confirm, myId: () => 'me', onRestored: () => restored++ });
	return { trash, server, shown, questions, restored: () => restored };
}

const list = { id: 'l1', name: 'Groceries' };

describe('the trash of a list', () => {
	it('shows the list\'s deleted to-dos, most recent first, with who deleted them in a shared list', async () => {
		const { trash, server, shown } = setup({ shared: true });
		await trash.open(list);
		await new Promise((resolve) => setTimeout(resolve, 0));

		assert.deepEqual(server.calls, ['trash l1 1 50']);
		assert.deepEqual(shown.at(-1), { titles: ['Milk', 'Eggs'], total: 2, by: ['you', 'Bob'], status: null });
	});

	it('restores a to-do: it leaves the trash and the list shown is reloaded', async () => {
		const { trash, server, shown, restored } = setup();
		await trash.open(list);

		await trash.restore('a');

		assert.deepEqual(server.calls.at(-1), 'restore a');
		assert.deepEqual(shown.at(-1).titles, ['Eggs']);
		assert.equal(shown.at(-1).status, '“Milk” is back in the list.');
		assert.equal(restored(), 1);
	});

	it('says when a to-do is no longer in the trash, and drops it', async () => {
		const { trash, server, shown } = setup();
		await trash.open(list);
		server.trash = server.trash.filter((t) => t.id !== 'a');

		await trash.restore('a');

		assert.deepEqual(shown.at(-2).titles, ['Eggs']);
		assert.match(shown.at(-1).error, /“Milk” is no longer in the trash/);
	});

	it('deletes one for good only when the user confirms', async () => {
		const { trash, server, questions } = setup({ answers: [false, true] });
		await trash.open(list);

		await trash.deleteForGood('b');
		assert.equal(server.calls.includes('purge b'), false, 'Cancel keeps it');
		await trash.deleteForGood('b');

		assert.equal(server.calls.at(-1), 'purge b');
		assert.match(questions[0].text, /^Delete “Eggs” for good, with its steps and files\? This cannot be undone\.$/);
		assert.equal(questions[0].confirm, 'Delete for good');
	});

	it('empties the trash after asking, and says how many went', async () => {
		const { trash, server, shown, questions } = setup();
		await trash.open(list);

		await trash.empty();

		assert.equal(server.calls.at(-1), 'empty l1');
		assert.match(questions[0].text, /^Delete all 2 to-dos in the trash of “Groceries” for good/);
		assert.deepEqual(shown.at(-1), { titles: [], total: 0, by: [], status: 'Deleted 2 to-dos for good.' });
	});
});
