import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { AttachmentsController } from '../../public/js/attachments-controller.js';
import { UndoOffers } from '../../public/js/undo.js';
import { todo } from './helpers.js';

const receipt = { id: 'f1', todo_id: 't1', filename: 'receipt.pdf', size_bytes: 10 };
const photo = { id: 'f2', todo_id: 't1', filename: 'photo.jpg', size_bytes: 20 };

function setup() {
	const server = { files: [receipt, photo], deletes: [] };
	const api = {
		listAttachments: async () => server.files.map((file) => ({ ...file })),
		deleteAttachment: async (todoId, id, options) => {
			server.deletes.push({ todoId, id, ...options });
			server.files = server.files.filter((file) => file.id !== id);
		},
		uploadAttachment: () => ({ promise: Promise.resolve({}), abort() {} }),
		getTodo: async (id) => todo({ id, attachment_count: server.files.length }),
	};
	const shown = [];
	const details = {
		todoId: 't1',
		showAttachments: (files, problem) => shown.push(problem ?? files.map((file) => file.filename)),
		showUploadError: (message) => shown.push(message),
		showUploading() {},
		showProgress() {},
		clearFile() {},
	};
	const store = {
		todos: [todo({ id: 't1', attachment_count: 2 })],
		find(id) {
			return this.todos.find((t) => t.id === id) ?? null;
		},
		amend(id, fields) {
			this.todos = this.todos.map((t) => (t.id === id ? { ...t, ...fields } : t));
		},
		refreshTodo: async (id) => {
			store.amend(id, await api.getTodo(id));
		},
	};
	const timers = [];
	const undo = new UndoOffers({ setTimer: (fn) => timers.push(fn), clearTimer() {} });
	const files = new AttachmentsController({ api, store, details, undo, config: {}, onUnauthorized() {}, onFailure() {} });
	return { files, server, shown, store, undo, timers };
}

describe('deleting a file with undo', () => {
	it('hides it at once and sends nothing while the notice shows', async () => {
		const { files, server, shown, store, undo } = setup();
		await files.opened('t1');

		files.delete('t1', 'f1');

		assert.deepEqual(shown.at(-1), ['photo.jpg']);
		assert.equal(store.find('t1').attachment_count, 1, 'the chip counts it gone');
		assert.equal(undo.message, 'Deleted the file “receipt.pdf”.');
		assert.deepEqual(server.deletes, []);
	});

	it('undo shows it again and never sends the delete', async () => {
		const { files, server, shown, store, undo, timers } = setup();
		await files.opened('t1');
		files.delete('t1', 'f1');

		await undo.undo();
		await new Promise((resolve) => setTimeout(resolve, 0));
		timers.forEach((fn) => fn());

		assert.deepEqual(shown.at(-1), ['receipt.pdf', 'photo.jpg']);
		assert.equal(store.find('t1').attachment_count, 2);
		assert.deepEqual(server.deletes, []);
	});

	it('sends the delete when the notice expires, then counts the files the server has', async () => {
		const { files, server, store, timers } = setup();
		await files.opened('t1');
		files.delete('t1', 'f1');

		timers.forEach((fn) => fn());
		await files.sendWaitingDeletes();
		await new Promise((resolve) => setTimeout(resolve, 0));

		assert.deepEqual(server.deletes, [{ todoId: 't1', id: 'f1', keepalive: false }]);
		assert.equal(store.find('t1').attachment_count, 1);
	});

	it('sends it with keepalive when the page is hidden or left before the notice expires', async () => {
		const { files, server, undo } = setup();
		await files.opened('t1');
		files.delete('t1', 'f1');

		await undo.settle({ leaving: true });

		assert.deepEqual(server.deletes, [{ todoId: 't1', id: 'f1', keepalive: true }]);
	});

	it('sends a waiting delete before an upload, which the server would count against the limit', async () => {
		const { files, server } = setup();
		await files.opened('t1');
		files.delete('t1', 'f1');

		await files.uploadFile('t1', { name: 'new.txt', size: 1 });

		assert.deepEqual(server.deletes.map((d) => d.id), ['f1']);
	});

	it('keeps a file deleted a moment ago out of a reload of the list', async () => {
		const { files, shown } = setup();
		await files.opened('t1');
		files.delete('t1', 'f1');

		await files.load('t1');

		assert.deepEqual(shown.at(-1), ['photo.jpg']);
	});

	it('says so when the server refuses the delete, and shows the file again', async () => {
		const { files, server, shown, undo } = setup();
		files.api.deleteAttachment = async () => {
			throw new ApiError({ status: 403, code: 'FORBIDDEN', message: 'no' });
		};
		await files.opened('t1');
		files.delete('t1', 'f1');

		await undo.settle();

		assert.ok(shown.some((line) => typeof line === 'string' && /The file “receipt.pdf” could not be deleted/.test(line)));
		assert.deepEqual(shown.at(-1), ['receipt.pdf', 'photo.jpg']);
		assert.equal(server.files.length, 2);
	});
});
