// Kanbao's service worker: keeps the app and the deployment's pages so that Kanbao opens and
// searches with no network. It sits at the site's root (index.html copies it there) so that its
// scope is the whole app, and every URL is relative to that scope, so the site works under any
// sub-path.
//
// - install: fetches precache.json (written at build time by scripts/lib/precache.mjs: the
//   hashed wasm, JS and CSS, index.html, static/ with the pages, and a version hashed from their
//   contents) and stores every file it lists, then every page static/library.json lists, which
//   also covers pages a deployment added after the build.
// - activate: deletes this site's caches of earlier versions.
// - fetch: index.html (the site's root) and static/library.json go to the network first, so a
//   new deployment is picked up, and fall back to the cache; everything else comes from the
//   cache first, and what the network adds is kept.
'use strict';

const SCOPE = self.registration.scope;
// Several Kanbao sites can share an origin under different paths: each keeps its own caches.
const PREFIX = `kanbao:${SCOPE}:`;
const INDEX = new URL('index.html', SCOPE).href;
const LIBRARY = new URL('static/library.json', SCOPE).href;
let cacheName = null;

async function currentCache() {
  if (!cacheName) {
    // A worker restarted after install finds its cache by prefix: there is only one after
    // activate.
    const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX));
    cacheName = names[names.length - 1] ?? `${PREFIX}runtime`;
  }
  return caches.open(cacheName);
}

async function install() {
  const response = await fetch(new URL('precache.json', SCOPE), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  const { version, urls } = await response.json();
  cacheName = PREFIX + version;
  const cache = await caches.open(cacheName);
  await cache.addAll(urls.map((u) => new Request(new URL(u, SCOPE), { cache: 'no-cache' })));
  // The deployment's pages as static/library.json lists them now.
  const library = await cache.match(LIBRARY);
  if (library) {
    const { pages = [] } = await library.clone().json();
    const pageUrls = pages.map((p) => new URL(`static/${p.path}`, SCOPE).href);
    const missing = [];
    for (const url of pageUrls) if (!(await cache.match(url))) missing.push(url);
    await cache.addAll(missing);
  }
  await self.skipWaiting();
}

async function activate() {
  const keep = cacheName ?? (await caches.keys()).filter((n) => n.startsWith(PREFIX)).pop();
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== keep) await caches.delete(name);
  }
  cacheName = keep ?? null;
  await self.clients.claim();
}

async function networkFirst(request, key) {
  const cache = await currentCache();
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cache = await currentCache();
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
  return response;
}

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  if (url.href === SCOPE || url.href === INDEX) {
    // The app's routes live in the hash: every one of them is index.html.
    event.respondWith(networkFirst(request, INDEX));
  } else if (url.href === LIBRARY) {
    event.respondWith(networkFirst(request, LIBRARY));
  } else {
    event.respondWith(cacheFirst(request));
  }
});
