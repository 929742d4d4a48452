// Composition root: builds the API client, auth, store and its writes, views and controller, and
// decides which page to show (the list, the sign-in callback, the signed-out page).

import { createApiClient } from './api.js';
import { createAuth } from './auth.js';
import { Controller } from './controller.js';
import { describeError } from './format.js';
import { OptimisticWrites } from './optimistic-writes.js';
import { pageFromPath } from './router.js';
import { TodoStore } from './store.js';
import { DetailsView } from './views/details-view.js';
import { PanelsView } from './views/panels-view.js';
import { ShellView } from './views/shell-view.js';
import { TodoView } from './views/todo-view.js';
import { WriteQueue } from './write-queue.js';

const DRAFT_KEY = 'todo.draft';

async function main() {
	const storage = window.sessionStorage;
	const auth = createAuth({ storage, origin: window.location.origin });
	const api = createApiClient({
		getToken: () => auth.token(),
		onActivity: (count) => {
			document.body.dataset.requests = String(count);
			document.querySelector('.todoapp').setAttribute('aria-busy', String(count > 0));
		},
	});
	const shell = new ShellView(document);
	const page = pageFromPath(window.location.pathname);

	if (page === 'signed-out') {
		shell.showPage('signed-out');
		document.querySelector('.sign-in-again').focus();
		return;
	}

	let config;
	try {
		config = await api.config();
	} catch (error) {
		shell.showAuthProblem(`The service could not be reached to start sign-in. ${describeError(error)}`);
		return;
	}
	const oidc = { issuer: config.oidc.issuer, clientId: config.oidc.client_id, scope: config.oidc.scope };

	const session = {
		async signIn() {
			const returnTo = page === 'list' ? window.location.pathname + window.location.hash : '/';
			auth.forget();
			try {
				window.location.assign(await auth.authorizationUrl({ ...oidc, returnTo }));
			} catch (error) {
				shell.showAuthProblem(error.message);
			}
		},
		async signOut() {
			window.location.assign(await auth.signOutUrl(oidc));
		},
		saveDraft(text) {
			storage.setItem(DRAFT_KEY, text);
		},
		takeDraft() {
			const text = storage.getItem(DRAFT_KEY);
			storage.removeItem(DRAFT_KEY);
			return text;
		},
	};

	if (page === 'callback') {
		shell.showPage('auth');
		try {
			const returnTo = await auth.completeSignIn(window.location.href);
			// drop code and state from the address bar and history
			window.history.replaceState(null, '', returnTo.startsWith('/') ? returnTo : '/');
		} catch (error) {
			shell.showAuthProblem(error.message);
			return;
		}
	} else if (!auth.token()) {
		shell.showPage('auth');
		await session.signIn();
		return;
	}

	const writeQueue = new WriteQueue();
	const store = new TodoStore({ api, writeQueue });
	const writes = new OptimisticWrites({ store, api, writeQueue });
	const views = {
		todo: new TodoView(document),
		details: new DetailsView(document),
		panels: new PanelsView(document),
		shell,
	};
	const controller = new Controller({ store, writes, api, views, session, config, window });
	await controller.start();
}

main();
