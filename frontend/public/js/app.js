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
import { Connectivity } from './connectivity.js';
import { openLocalData, userData } from './local-data.js';
import { Outbox } from './outbox.js';
import { clearLocalDataForSignOut } from './sign-out.js';
import { SyncClient } from './sync-client.js';
import { OutboxView } from './views/outbox-view.js';

const DRAFT_KEY = 'todo.draft';
const CONFIG_KEY = 'todo.config';
const RENEWED_KEY = 'todo.auth.renewedAt';
const ORPHAN_CHECK_MS = 15000;

async function main() {
	const storage = window.sessionStorage;
	const auth = createAuth({ storage, tokenStorage: window.localStorage, origin: window.location.origin });
	// offline, an expired token is still the user's: the server says when it is refused
	let offlineStart = false;
	const api = createApiClient({
		getToken: () => auth.token() ?? (offlineStart ? auth.storedToken() : null),
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

	registerServiceWorker();

	let config;
	try {
		config = await api.config();
		window.localStorage.setItem(CONFIG_KEY, JSON.stringify(config));
	} catch (error) {
		config = error.status === 0 ? JSON.parse(window.localStorage.getItem(CONFIG_KEY) ?? 'null') : null;
		offlineStart = Boolean(config && auth.storedToken());
		if (!offlineStart) {
			shell.showAuthProblem(`The service could not be reached to start sign-in. ${describeError(error)}`);
			return;
		}
	}
	let local = null; // the user's local data, once signed in: cleared on sign-out
	const oidc = { issuer: config.oidc.issuer, clientId: config.oidc.client_id, scope: config.oidc.scope };

	const session = {
		async signIn() {
			// the list (with its hash) or the invite page is where the user comes back to
			const returnTo = page === 'list' || page === 'invite' ? window.location.pathname + window.location.search + window.location.hash : '/';
			// the provider's session may still be valid: a new token without the form, and the page again
			// (once a minute at most: a renewed token the API refuses too needs the form)
			const lastRenewal = Number(storage.getItem(RENEWED_KEY) ?? 0);
			if (Date.now() - lastRenewal > 60_000 && (await auth.renew(oidc))) {
				storage.setItem(RENEWED_KEY, String(Date.now()));
				return window.location.reload();
			}
			auth.forget();
			try {
				window.location.assign(await auth.authorizationUrl({ ...oidc, returnTo }));
			} catch (error) {
				shell.showAuthProblem(error.message);
			}
		},
		// discard: the account is gone, so what waits in the outbox has nowhere to go
		async signOut({ discard = false } = {}) {
			if (local && discard) await Promise.all([local.outbox.clear(), local.data.forget()]);
			else if (local && !(await clearLocalDataForSignOut({ ...local, confirm: new ConfirmView(document) }))) return;
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
	} else if (!auth.token() && !offlineStart && !(await auth.renew(oidc))) {
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

	// what this user keeps in the browser: the outbox, the last lists and to-dos seen, the sync cursor
	const data = userData(await openLocalData(window.indexedDB), (auth.claims() ?? auth.storedClaims()).sub);
	const outbox = await Outbox.open(data, { locks: navigator.locks });
	const connectivity = new Connectivity({ window });
	local = { outbox, data };
	const writeQueue = new WriteQueue();
	const snapshots = { read: (key) => data.get(`view/${key}`), write: (key, value) => data.put(`view/${key}`, value) };
	const store = new TodoStore({ api, writeQueue, pending: outbox, snapshots });
	const writes = new OptimisticWrites({ store, api, writeQueue, outbox, connectivity });
	local.writes = writes;
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
		outbox: new OutboxView(document),
		shell,
	};
	const lists = new ListsStore({ api, snapshot: { read: () => data.get('lists'), write: (value) => data.put('lists', value) } });
	const share = new ShareController({ api, lists, view: new ShareView(document), origin: window.location.origin, clipboard: window.navigator.clipboard });
	share.bind();
	controller = new Controller({ store, writes, writeQueue, api, views, session, config, window, lists, share });
	const sync = new SyncClient({ api, data, connectivity, document, window, onPage: (syncPage) => controller.applySync(syncPage) });
	views.outbox.bind({ onRetryNow: () => (connectivity.retryNow(), sync.now()) });
	outbox.addEventListener('change', (event) => views.outbox.showWaiting(event.detail));
	connectivity.addEventListener('change', (event) => {
		views.outbox.showConnection(event.detail.online);
		if (event.detail.online) sync.now(); // what changed elsewhere during the outage, at once
		// opened offline: once the server answers, the server's lists and to-dos replace the copies
		if (event.detail.online && store.state.offline) {
			store.load();
			controller.lists.loadLists();
		}
	});
	views.outbox.showWaiting(outbox.count);
	views.outbox.showConnection(!offlineStart);
	if (offlineStart) connectivity.lost();
	await controller.start();
	writes.resume();
	sync.start();
	window.setInterval(() => writes.adoptOrphans(), ORPHAN_CHECK_MS);
}

/** The service worker keeps the app shell for offline starts; it is told what this page loaded. */
function registerServiceWorker() {
	if (!('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register('/sw.js').catch(() => {});
	navigator.serviceWorker.ready.then((registration) => {
		const loaded = performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => url.startsWith(window.location.origin));
		registration.active?.postMessage({ keep: [...new Set(loaded)] });
	});
}

main();
