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
// - fetch: what the precache holds comes from it; index.html (the site's root) and
//   static/library.json go to the network first, so that a new deployment is picked up, and so
//   does anything else (a page loaded with ?src=); what the network answers is kept for when
//   it does not answer.
'use strict';

const SCOPE = self.registration.scope;
// Several Kanbao sites can share an origin under different paths: each keeps its own caches.
const PREFIX = `kanbao:${SCOPE}:`;
const INDEX = new URL('index.html', SCOPE).href;
const LIBRARY = new URL('static/library.json', SCOPE).href;
// What the network answered for anything outside the precache (index.html, library.json, pages
// loaded with ?src=): kept across versions, always asked of the network first.
const RUNTIME = `${PREFIX}runtime`;
let precacheName = null;

/** The cache of this version's files (one after activate). */
async function precache() {
  if (!precacheName) {
    const names = (await caches.keys()).filter((n) => n.startsWith(PREFIX) && n !== RUNTIME);
    precacheName = names[names.length - 1] ?? `${PREFIX}none`;
  }
  return caches.open(precacheName);
}

async function install() {
  const response = await fetch(new URL('precache.json', SCOPE), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
  const { version, urls } = await response.json();
  precacheName = PREFIX + version;
  const cache = await caches.open(precacheName);
  await cache.addAll(urls.map((u) => new Request(new URL(u, SCOPE), { cache: 'no-cache' })));
  // The deployment's pages as static/library.json lists them now: a deployment may have
  // added pages after the build.
  const library = await cache.match(LIBRARY);
  if (library) {
    const { pages = [] } = await library.json();
    const missing = [];
    for (const p of pages) {
      const url = new URL(`static/${p.path}`, SCOPE).href;
      if (!(await cache.match(url))) missing.push(url);
    }
    await cache.addAll(missing);
  }
  await self.skipWaiting();
}

async function activate() {
  await precache();
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== precacheName && name !== RUNTIME) await caches.delete(name);
  }
  await self.clients.claim();
}

async function networkFirst(request, key = request) {
  const runtime = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await runtime.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = (await runtime.match(key)) ?? (await (await precache()).match(key));
    if (cached) return cached;
    throw err;
  }
}

async function precachedOrNetwork(request) {
  const cached = await (await precache()).match(request, { ignoreSearch: true });
  return cached ?? networkFirst(request);
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
    event.respondWith(precachedOrNetwork(request));
  }
});
