import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../public/js/api.js';
import { Controller, DEFAULT_MAX_ATTACHMENT_BYTES } from '../../public/js/controller.js';
import { TodoStore } from '../../public/js/store.js';
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
	return { calls, views: { todo: recorder('todo'), details: recorder('details'), panels: recorder('panels'), shell: recorder('shell') } };
}

function setup({ config = {}, api = {} } = {}) {
	const { calls, views } = recordingViews();
	const session = { drafts: [], signIns: 0, saveDraft(text) { this.drafts.push(text); }, takeDraft: () => null, signIn() { this.signIns++; }, signOut() {} };
	const fullApi = { uploads: [], uploadAttachment(id, file) { this.uploads.push(file); return { promise: Promise.resolve({}), abort() {} }; }, ...api };
	const store = new TodoStore(fullApi);
	store.state.todos = [todo({ id: 't1' })];
	const controller = new Controller({ store, api: fullApi, views, session, config, window: new EventTarget() });
	return { controller, calls, views, session, api: fullApi, store };
}

describe('controller', () => {
	it('refuses a file over the limit before sending anything, and says how big both are', async () => {
		const { controller, calls, api } = setup();
		const file = { name: 'big.iso', size: DEFAULT_MAX_ATTACHMENT_BYTES + 1 };

		await controller.uploadFile('t1', file);

		assert.equal(api.uploads.length, 0);
		const shown = calls.filter(([name, message]) => name === 'details.showUploadError' && message);
		assert.match(shown[0][1], /“big.iso” is 10 MiB; files may be at most 10 MiB/);
	});

	it('takes the limit from the configuration when the server names one', async () => {
		const { controller, api } = setup({ config: { attachments: { max_bytes: 100 } } });
		await controller.uploadFile('t1', { name: 'small.txt', size: 100 });
		await controller.uploadFile('t1', { name: 'large.txt', size: 101 });
		assert.deepEqual(api.uploads.map((f) => f.name), ['small.txt']);
	});

	it('refuses a file when the to-do already holds as many as the server allows', async () => {
		const { controller, api, calls } = setup({ config: { attachments: { max_bytes: 100, max_per_todo: 2 } } });
		controller.attachments = [{ id: 'a1' }, { id: 'a2' }];

		await controller.uploadFile('t1', { name: 'third.txt', size: 1 });

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
});
