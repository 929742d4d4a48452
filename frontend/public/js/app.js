// Composition root: builds the API client, auth, stores and writes, views and controllers, and
// decides which page to show (the list, the sign-in callback, the signed-out page, an invite).

import { AccountController } from './account-controller.js';
import { createApiClient } from './api.js';
import { createAuth } from './auth.js';
import { Controller } from './controller.js';
import { describeError } from './format.js';
import { showInvitePage } from './invite-page.js';
import { ListsStore } from './lists-store.js';
import { OptimisticWrites } from './optimistic-writes.js';
import { inviteTokenFromPath, pageFromPath } from './router.js';
import { ShareController } from './share-controller.js';
import { TodoStore } from './store.js';
import { AccountView } from './views/account-view.js';
import { ActivityView } from './views/activity-view.js';
import { ConfirmView } from './views/confirm-view.js';
import { DetailsView } from './views/details-view.js';
import { InviteView } from './views/invite-view.js';
import { ListBarView } from './views/list-bar-view.js';
import { ListsView } from './views/lists-view.js';
import { PanelsView } from './views/panels-view.js';
import { ShareView } from './views/share-view.js';
import { ShellView } from './views/shell-view.js';
import { StepsView } from './views/steps-view.js';
import { TodoView } from './views/todo-view.js';
import { TrashView } from './views/trash-view.js';
import { UndoView } from './views/undo-view.js';
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
			document.querySelector('.sidebar').setAttribute('aria-busy', String(count > 0));
		},
	});
	const shell = new ShellView(document);
	let page = pageFromPath(window.location.pathname);

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
			// the list (with its hash) or the invite page is where the user comes back to
			const returnTo = page === 'list' || page === 'invite' ? window.location.pathname + window.location.hash : '/';
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
			page = pageFromPath(window.location.pathname);
		} catch (error) {
			shell.showAuthProblem(error.message);
			return;
		}
	} else if (!auth.token()) {
		shell.showPage('auth');
		await session.signIn();
		return;
	}

	// the user menu: on the invite page its id comes from GET /api/v1/me, on the list page from the lists
	let inviteMe = null;
	let controller = null;
	const account = new AccountController({ api, view: new AccountView(document), session, myId: () => inviteMe ?? controller?.lists.myId ?? null });
	account.bind();

	if (page === 'invite') {
		shell.showPage('invite');
		shell.bind({ onSignOut: () => session.signOut(), onRetry: (retry) => retry() });
		api.me().then((me) => {
			inviteMe = me.id;
			shell.showUser(me.name || me.email || me.id);
		}, () => {});
		await showInvitePage({
			api,
			view: new InviteView(document),
			token: inviteTokenFromPath(window.location.pathname),
			navigate: (url) => window.location.assign(url),
			onUnauthorized: () => session.signIn(),
		});
		return;
	}

	const writeQueue = new WriteQueue();
	const store = new TodoStore({ api, writeQueue });
	const writes = new OptimisticWrites({ store, api, writeQueue });
	const views = {
		todo: new TodoView(document),
		details: new DetailsView(document),
		panels: new PanelsView(document),
		lists: new ListsView(document),
		listBar: new ListBarView(document),
		confirm: new ConfirmView(document),
		undo: new UndoView(document),
		steps: new StepsView(document),
		trash: new TrashView(document),
		activity: new ActivityView(document),
		shell,
	};
	const lists = new ListsStore({ api });
	const share = new ShareController({ api, lists, view: new ShareView(document), origin: window.location.origin, clipboard: window.navigator.clipboard });
	share.bind();
	controller = new Controller({ store, writes, writeQueue, api, views, session, config, window, lists, share });
	await controller.start();
}

main();
