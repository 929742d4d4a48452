import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { Controller, DEFAULT_MAX_ATTACHMENT_BYTES } from '../../public/js/controller.js';
import { ListsStore } from '../../public/js/lists-store.js';
import { OptimisticWrites } from '../../public/js/optimistic-writes.js';
import { TodoStore } from '../../public/js/store.js';
import { WriteQueue } from '../../public/js/write-queue.js';
import { todo } from './helpers.js';

/** Views that record what they are told (the controller never touches the DOM itself). */
function recordingViews() {
	const calls = [];
	const recorder = (name) =>
		new Proxy(
			{ newTodoText: '', isOpen: false, todoId: null },
			{
				get(target, property) {
					if (property in target) return target[property];
					return (...args) => calls.push([`${name}.${String(property)}`, ...args]);
				},
				set(target, property, value) {
					target[property] = value;
					return true;
				},
			},
		);
	const names = ['todo', 'details', 'panels', 'shell', 'lists', 'listBar', 'confirm', 'undo', 'steps', 'trash', 'activity', 'outbox'];
	return { calls, views: Object.fromEntries(names.map((name) => [name, recorder(name)])) };
}

function setup({ config = {}, api = {} } = {}) {
	const { calls, views } = recordingViews();
	const session = { drafts: [], signIns: 0, saveDraft(text) { this.drafts.push(text); }, takeDraft: () => null, signIn() { this.signIns++; }, signOut() {} };
	const inbox = { id: 'inbox', name: 'Inbox', is_default: true, role: 'owner', position: 1, member_count: 1 };
	const fullApi = {
		uploads: [],
		uploadAttachment(id, file) {
			this.uploads.push(file);
			return { promise: Promise.resolve({}), abort() {} };
		},
		lists: async () => [inbox],
		...api,
	};
	const writeQueue = new WriteQueue();
	const store = new TodoStore({ api: fullApi, writeQueue });
	const writes = new OptimisticWrites({ store, api: fullApi, writeQueue });
	store.state.todos = [todo({ id: 't1' })];
	const lists = new ListsStore({ api: fullApi });
	const window = Object.assign(new EventTarget(), { location: { hash: '#/' } });
	const controller = new Controller({ store, writes, writeQueue, api: fullApi, views, session, config, window, lists, share: { open() {} } });
	return { controller, calls, views, session, api: fullApi, store, writes };
}

describe('controller', () => {
	it('refuses a file over the limit before sending anything, and says how big both are', async () => {
		const { controller, calls, api } = setup();
		const file = { name: 'big.iso', size: DEFAULT_MAX_ATTACHMENT_BYTES + 1 };

		await controller.files.uploadFile('t1', file);

		assert.equal(api.uploads.length, 0);
		const shown = calls.filter(([name, message]) => name === 'details.showUploadError' && message);
		assert.match(shown[0][1], /“big.iso” is 10 MiB; files may be at most 10 MiB/);
	});

	it('takes the limit from the configuration when the server names one', async () => {
		const { controller, api } = setup({ config: { attachments: { max_bytes: 100 } } });
		await controller.files.uploadFile('t1', { name: 'small.txt', size: 100 });
		await controller.files.uploadFile('t1', { name: 'large.txt', size: 101 });
		assert.deepEqual(api.uploads.map((f) => f.name), ['small.txt']);
	});

	it('refuses a file when the to-do already holds as many as the server allows', async () => {
		const { controller, api, calls } = setup({ config: { attachments: { max_bytes: 100, max_per_todo: 2 } } });
		controller.files.attachments = [{ id: 'a1' }, { id: 'a2' }];

		await controller.files.uploadFile('t1', { name: 'third.txt', size: 1 });

		assert.equal(api.uploads.length, 0);
		const shown = calls.filter(([name, message]) => name === 'details.showUploadError' && message);
		assert.match(shown[0][1], /at most 2 files/);
	});

	it('keeps what the user typed and signs in again once, however many requests are refused', () => {
		const { controller, views, session } = setup();
		views.todo.newTodoText = 'half a thought';

		controller.reauthenticate('Refused title');
		controller.reauthenticate();

		assert.deepEqual(session.drafts, ['Refused title half a thought']);
		assert.equal(session.signIns, 1);
	});

	it('offers Retry for failures that may pass next time, not for refusals', () => {
		const { controller, calls } = setup();
		const retry = () => {};

		controller.showFailure('Could not save.', new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'busy', requestId: 'r1' }), retry);
		controller.showFailure('Could not save.', new ApiError({ status: 403, code: 'FORBIDDEN', message: 'no', requestId: 'r2' }), retry);

		const errors = calls.filter(([name]) => name === 'shell.showError').map(([, shown]) => shown);
		assert.equal(errors[0].retry, retry);
		assert.equal(errors[0].requestId, 'r1');
		assert.match(errors[0].message, /Could not save\. The service is busy/);
		assert.equal(errors[1].retry, null);
	});

	it('shows what the store reports: failures with retry, conflicts and notices; signs in again when asked', async () => {
		const { controller, calls, session, store } = setup({ api: { listAllTodos: async () => [], stats: async () => null, me: async () => ({ name: 'Ann' }) } });
		await controller.start();
		const retry = () => {};

		store.emit('failure', { error: new ApiError({ status: 500, code: 'INTERNAL_ERROR', message: 'boom', requestId: 'r1' }), message: 'Not saved.', retry });
		store.emit('conflict', { todo: todo({ id: 't1' }), message: 'Changed elsewhere.' });
		store.emit('notice', { message: 'Gone.' });
		store.emit('unauthorized', { error: new ApiError({ status: 401, code: 'INVALID_TOKEN', message: 'expired' }), draft: 'Half typed' });

		// each refused write on its own line, not in the one banner a second error would replace
		const [failure] = calls.filter(([name]) => name === 'outbox.addFailure').map(([, shown]) => shown);
		assert.match(failure.message, /^Not saved\. The server failed unexpectedly\./);
		assert.equal(failure.retry, retry);
		assert.deepEqual(calls.filter(([name]) => name === 'shell.showInfo').map(([, message]) => message), ['Changed elsewhere.', 'Gone.']);
		assert.deepEqual(session.drafts, ['Half typed']);
		assert.equal(session.signIns, 1);
	});

	it('sends what the user does in the list to the writes, and re-renders on every change', async () => {
		const { controller, calls, store, writes } = setup({ api: { listAllTodos: async () => [todo({ id: 't1' })], stats: async () => null, me: async () => ({ name: 'Ann' }) } });
		const sent = [];
		for (const name of ['add', 'toggle', 'rename', 'remove', 'toggleAll', 'clearCompleted', 'saveDetails']) {
			writes[name] = (...args) => sent.push([name, ...args]);
		}
		await controller.start();
		const [, handlers] = calls.find(([name]) => name === 'todo.bind');
		const [, detailsHandlers] = calls.find(([name]) => name === 'details.bind');
		handlers.onAdd('Call mum');
		handlers.onToggle('t1', true);
		handlers.onRename('t1', 'Buy oat milk');
		handlers.onRemove('t1');
		handlers.onToggleAll(false);
		handlers.onClearCompleted();
		detailsHandlers.onSave('t1', { notes: 'semi-skimmed' });

		assert.deepEqual(sent, [
			['add', 'Call mum', { list_id: 'inbox' }],
			['toggle', 't1', true],
			['rename', 't1', 'Buy oat milk'],
			['remove', 't1'],
			['toggleAll', false],
			['clearCompleted'],
			['saveDetails', 't1', { notes: 'semi-skimmed' }, null], // no dialog was opened: compared with the list
		]);
		const renders = calls.filter(([name]) => name === 'todo.render').length;
		store.changed();
		assert.equal(calls.filter(([name]) => name === 'todo.render').length, renders + 1);
	});
});
