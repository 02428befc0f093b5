// The member app's service worker (scope /app/). Pages: network first, the last answer kept
// for when the network is gone, so Today still opens offline. Assets: cache first, fetched
// again in the background. Signing out forgets the pages, so the next person on this device
// cannot read them.
'use strict';
const VERSION = 'v3';
const PAGES = `upcoach-pages-${VERSION}`;
const ASSETS = `upcoach-assets-${VERSION}`;
const HOME = '/app/';
// Assets are named by their content's hash, so a cached one is never stale.
const ASSET_PATHS = ['/app/assets/', '/css/', '/webjars/'];

self.addEventListener('install', (event) => {
	event.waitUntil(caches.open(PAGES)
		.then((cache) => cache.add(HOME))
		.then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
	event.waitUntil(caches.keys()
		.then((keys) => Promise.all(keys.filter((key) => key !== PAGES && key !== ASSETS).map((key) => caches.delete(key))))
		.then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) {
		return;
	}
	if (request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(caches.delete(PAGES));
		return;
	}
	if (request.method !== 'GET' || url.pathname.startsWith('/api/')) {
		return;
	}
	if (request.mode === 'navigate' || request.headers.get('HX-Request')) {
		event.respondWith(networkFirst(request));
	}
	else if (ASSET_PATHS.some((path) => url.pathname.startsWith(path))) {
		event.respondWith(cacheFirst(request));
	}
});

async function networkFirst(request) {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		// Only the member's own pages; a redirect to the sign-in page is not kept.
		if (response.ok && !response.redirected && new URL(response.url).pathname.startsWith('/app/')) {
			await cache.put(request, response.clone());
		}
		return response;
	}
	catch (offline) {
		return (await cache.match(request)) || (await cache.match(HOME)) || Response.error();
	}
}

async function cacheFirst(request) {
	const cache = await caches.open(ASSETS);
	const cached = await cache.match(request);
	const fresh = fetch(request).then((response) => {
		if (response.ok) {
			cache.put(request, response.clone());
		}
		return response;
	});
	if (cached) {
		fresh.catch(() => undefined);
		return cached;
	}
	return fresh;
}
