import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AccountController, confirmsErasure } from '../../public/js/account-controller.js';
import { fileNameFromDisposition } from '../../public/js/api-account.js';
import { ApiError, createApiClient } from '../../public/js/api.js';
import { errorBody, json, stubFetch } from './helpers.js';

const client = (fetch) => createApiClient({ fetch, getToken: () => 'tok', timeZone: 'UTC' });

describe('the export file name', () => {
	it('comes from Content-Disposition: filename*, else filename, else a fallback', () => {
		assert.equal(fileNameFromDisposition('attachment; filename="todo-export-2026-01-15.zip"'), 'todo-export-2026-01-15.zip');
		assert.equal(fileNameFromDisposition("attachment; filename=\"x.zip\"; filename*=UTF-8''caf%C3%A9.zip"), 'café.zip');
		assert.equal(fileNameFromDisposition('attachment; filename=plain.zip'), 'plain.zip');
		assert.equal(fileNameFromDisposition('attachment; filename="a \\"b\\".zip"'), 'a "b".zip');
		assert.equal(fileNameFromDisposition('attachment; filename="../../etc/passwd"'), 'passwd');
		assert.equal(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A"), 'todo-export.zip');
		assert.equal(fileNameFromDisposition(null), 'todo-export.zip');
		assert.equal(fileNameFromDisposition('attachment'), 'todo-export.zip');
	});
});

describe('api client: account', () => {
	it('downloads the export as a blob with its name, asking for a zip (or an error in JSON)', async () => {
		const zip = new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
			status: 200,
			headers: { 'Content-Type': 'application/zip', 'Content-Disposition': 'attachment; filename="todo-export-2026-01-15.zip"' },
		});
		const fetch = stubFetch(zip);

		const { blob, filename } = await client(fetch).exportAccount();

		assert.equal(filename, 'todo-export-2026-01-15.zip');
		assert.deepEqual([...new Uint8Array(await blob.arrayBuffer())], [0x50, 0x4b, 3, 4]);
		assert.equal(fetch.calls[0].url, '/api/v1/me/export');
		assert.equal(fetch.calls[0].init.method, 'GET');
		assert.equal(fetch.calls[0].headers.Accept, 'application/zip, application/json');
		assert.equal(fetch.calls[0].headers.Authorization, 'Bearer tok');
	});

	it('erases with the confirmation in the query, encoded', async () => {
		const fetch = stubFetch(new Response(null, { status: 204 }));

		await client(fetch).eraseAccount('user@idp/1');

		assert.equal(fetch.calls[0].url, '/api/v1/me?confirm=user%40idp%2F1');
		assert.equal(fetch.calls[0].init.method, 'DELETE');
	});

	it('reports a refused erasure with the server\'s code', async () => {
		const fetch = stubFetch(json(400, errorBody('VALIDATION_ERROR', 'Invalid input', { details: { confirm: ['must be the caller\'s own user id'] } })));
		await assert.rejects(client(fetch).eraseAccount('bob'), (error) => error.code === 'VALIDATION_ERROR' && 'confirm' in error.details);
	});
});

describe('the erasure confirmation', () => {
	it('matches only the user\'s own id, ignoring surrounding spaces', () => {
		assert.equal(confirmsErasure('alice', 'alice'), true);
		assert.equal(confirmsErasure('  alice ', 'alice'), true);
		assert.equal(confirmsErasure('Alice', 'alice'), false);
		assert.equal(confirmsErasure('alic', 'alice'), false);
		assert.equal(confirmsErasure('', 'alice'), false);
		assert.equal(confirmsErasure('', ''), false);
		assert.equal(confirmsErasure('alice', null), false);
	});
});

/** An AccountView stand-in that records what the controller asked of it. */
function fakeView() {
	return {
		calls: [],
		handlers: null,
		bind(handlers) {
			this.handlers = handlers;
		},
		showStatus(text) {
			this.calls.push(['status', text]);
		},
		saveFile(blob, name) {
			this.calls.push(['save', name]);
		},
		openErase(id) {
			this.calls.push(['open', id]);
		},
		closeErase() {
			this.calls.push(['close']);
		},
		setEraseEnabled(enabled) {
			this.calls.push(['enabled', enabled]);
		},
		showEraseError(message) {
			this.calls.push(['error', message]);
		},
	};
}

function account({ api, myId = 'alice' }) {
	const view = fakeView();
	const signOuts = [];
	const controller = new AccountController({ api, view, session: { signOut: async (options) => signOuts.push(options) }, myId: () => myId });
	controller.bind();
	return { controller, view, signOuts };
}

describe('AccountController', () => {
	it('saves the export under the server\'s name and says so', async () => {
		const blob = new Blob(['zip']);
		const { view } = account({ api: { exportAccount: async () => ({ blob, filename: 'todo-export-2026-01-15.zip' }) } });

		await view.handlers.onExport();

		assert.deepEqual(view.calls, [
			['status', 'Preparing your data…'],
			['save', 'todo-export-2026-01-15.zip'],
			['status', 'Your data was downloaded as todo-export-2026-01-15.zip.'],
		]);
	});

	it('says why an export failed', async () => {
		const error = new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'down' });
		const { view } = account({ api: { exportAccount: async () => Promise.reject(error) } });

		await view.handlers.onExport();

		assert.match(view.calls.at(-1)[1], /^Your data could not be downloaded\. The server could not be reached/);
	});

	it('enables the button only once the id is typed, then erases and signs out', async () => {
		const erased = [];
		const { view, signOuts } = account({ api: { eraseAccount: async (confirm) => erased.push(confirm) } });

		view.handlers.onErase();
		view.handlers.onConfirmInput('ali');
		await view.handlers.onEraseConfirm();
		assert.deepEqual(erased, []);
		view.handlers.onConfirmInput('alice');
		await view.handlers.onEraseConfirm();

		assert.deepEqual(erased, ['alice']);
		assert.deepEqual(signOuts, [{ discard: true }]);
		assert.deepEqual(view.calls.slice(0, 3), [['open', 'alice'], ['enabled', false], ['enabled', true]]);
		assert.deepEqual(view.calls.at(-1), ['close']);
	});

	it('keeps the dialog open with the reason when the erasure fails', async () => {
		const error = new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'busy' });
		const { view, signOuts } = account({ api: { eraseAccount: async () => Promise.reject(error) } });

		view.handlers.onErase();
		view.handlers.onConfirmInput('alice');
		await view.handlers.onEraseConfirm();

		assert.deepEqual(signOuts, []);
		assert.match(view.calls.find(([kind]) => kind === 'error')[1], /^Your account was not deleted\./);
		assert.deepEqual(view.calls.at(-1), ['enabled', true]);
	});

	it('offers no erasure before it knows who is signed in', () => {
		const { view } = account({ api: {}, myId: null });
		view.handlers.onErase();
		assert.deepEqual(view.calls, []);
	});
});
