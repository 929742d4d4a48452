// The service worker: keeps the app shell (the page, its scripts, styles and icons; the page
// names what it loaded, so that a new module needs no list here) so that the
// app opens without the server. Network first, so a new release is used as soon as it is there;
// the cache answers only when the network cannot. Never anything under /api/ or from another
// origin: the user's data lives in IndexedDB, under the user's id, and is cleared on sign-out.

const CACHE = 'todo-shell-v1';
const SHELL = ['/', '/index.html', '/manifest.webmanifest', '/favicon.svg', '/icons/icon.svg', '/icons/icon-192.png'];

self.addEventListener('install', (event) => {
	// the API never reaches this worker (static routing, where the browser has it): a request
	// through a worker's fetch event is dropped when it is sent with keepalive as the page goes
	// (Chromium), which lost the file deletes sent on pagehide
	if (event.addRoutes) {
		event.addRoutes([{ condition: { urlPattern: new URLPattern({ pathname: '/api/*' }) }, source: 'network' }]).catch(() => {});
	}
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
			.then(() => self.clients.claim()),
	);
});

function isShellRequest(request) {
	const url = new URL(request.url);
	return request.method === 'GET' && url.origin === self.location.origin && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/docs') && !url.pathname.startsWith('/redoc');
}

async function networkFirst(request) {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') await cache.put(request.mode === 'navigate' ? '/index.html' : request, response.clone());
		return response;
	} catch (error) {
		// the app's own routes (/auth/callback, /lists…) are all index.html
		const cached = await cache.match(request.mode === 'navigate' ? '/index.html' : request, { ignoreSearch: request.mode === 'navigate' });
		if (cached) return cached;
		throw error;
	}
}

// The page names the files it loaded before this worker controlled it (the first visit): kept too.
self.addEventListener('message', (event) => {
	const urls = (event.data && event.data.keep) || [];
	const shell = urls.filter((url) => isShellRequest(new Request(url)));
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(shell)));
});

self.addEventListener('fetch', (event) => {
	if (isShellRequest(event.request)) event.respondWith(networkFirst(event.request));
});
