// Kanbao's service worker: keeps the app and the deployment's pages so that Kanbao opens and
// searches with no network. It sits at the site's root (index.html copies it there) so that its
// scope is the whole app, and every URL is relative to that scope, so the site works under any
// sub-path.
//
// - VERSION is written into this file at build time (scripts/lib/precache.mjs), hashed from the
//   contents of everything the build ships: every new build is a new sw.js, which is how the
//   browser learns of it.
// - install: fetches precache.json of the same version (the hashed wasm, JS and CSS,
//   index.html, static/ with the pages) and stores every file it lists, then every page
//   static/library.json lists, which also covers pages a deployment added after the build.
//   The cache is complete or absent: a failed install deletes what it stored, and the version
//   before it stays in charge with its own complete cache.
// - A new version waits: an open tab keeps the app, worker and files it started with. The app
//   tells the reader that a new version is ready; the reader's "refresh" sends `kanbao:update`,
//   and the new version takes over (it also does once no tab of the old one is open).
// - activate: deletes this site's caches of earlier versions.
// - fetch: the app's own files come from this version's cache; the deployment's data
//   (static/library.json and the pages, which a deployment may correct or add to without a
//   new build) go to the network first, and what it answers is kept for when it does not;
//   so do the parts of a packed archive's files read by Range (kept by file and range, and
//   offline a part asked for is sliced out of any kept part that covers it).
'use strict';

const VERSION = 'development';
const SCOPE = self.registration.scope;
// Several Kanbao sites can share an origin under different paths: each keeps its own caches.
const PREFIX = `kanbao:${SCOPE}:`;
const PRECACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', SCOPE).href;
const LIBRARY = new URL('static/library.json', SCOPE).href;
const STATIC = new URL('static/', SCOPE).href;
// What the network answered for the deployment's data and anything outside the precache
// (pages loaded with ?src=): kept across versions, always asked of the network first.
const RUNTIME = `${PREFIX}runtime`;

async function install() {
  try {
    const response = await fetch(new URL('precache.json', SCOPE), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`precache.json: HTTP ${response.status}`);
    const { version, urls } = await response.json();
    if (version !== VERSION) throw new Error(`precache.json is of version ${version}, not ${VERSION}`);
    const cache = await caches.open(PRECACHE);
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
  } catch (err) {
    // Nothing half-stored is ever used: the cache of a failed install goes.
    await caches.delete(PRECACHE);
    throw err;
  }
}

async function activate() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== PRECACHE && name !== RUNTIME) await caches.delete(name);
  }
  // The first version takes the tab that installed it, so that it works offline at once.
  await self.clients.claim();
}

async function networkFirst(request, key = request) {
  const range = request.headers.get('range');
  if (range) return rangeNetworkFirst(request, range);
  const runtime = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await runtime.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = (await runtime.match(key)) ?? (await (await caches.open(PRECACHE)).match(key));
    if (cached) return cached;
    throw err;
  }
}

/**
 * A Range request (an entry of a packed archive): the part the network answered (206) is kept
 * under the file's address and the range, so it reads offline as it did online; the Cache API
 * keeps no partial response as such. A whole file answered to a Range request is not kept.
 */
async function rangeNetworkFirst(request, range) {
  const runtime = await caches.open(RUNTIME);
  const key = new URL(request.url);
  key.hash = '';
  key.searchParams.set('kanbao-range', range);
  try {
    const response = await fetch(request);
    if (response.status === 206 && response.type === 'basic') {
      const body = await response.clone().arrayBuffer();
      await runtime.put(key.href, new Response(body, { headers: response.headers }));
    }
    return response;
  } catch (err) {
    const cached = await runtime.match(key.href);
    if (cached) return new Response(await cached.arrayBuffer(), { status: 206, headers: cached.headers });
    const part = await keptPart(runtime, request.url, range);
    if (part) return part;
    throw err;
  }
}

/** The first and last byte of a `bytes=first-last` range, or null. */
function byteRange(range) {
  const m = /^bytes=(\d+)-(\d+)$/.exec(range ?? '');
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * A part of `url` kept under another range that covers `range` (the app may read a file's
 * neighbouring parts together one time and apart another): the bytes asked for, sliced out.
 */
async function keptPart(runtime, url, range) {
  const want = byteRange(range);
  if (!want) return null;
  const file = new URL(url);
  file.hash = '';
  for (const request of await runtime.keys()) {
    const kept = new URL(request.url);
    const have = byteRange(kept.searchParams.get('kanbao-range'));
    kept.searchParams.delete('kanbao-range');
    if (!have || kept.href !== file.href || have[0] > want[0] || want[1] > have[1]) continue;
    const response = await runtime.match(request);
    const body = (await response.arrayBuffer()).slice(want[0] - have[0], want[1] - have[0] + 1);
    const headers = { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' };
    return new Response(body, { status: 206, headers });
  }
  return null;
}

async function precachedOrNetwork(request, key = request) {
  const cached = await (await caches.open(PRECACHE)).match(key, { ignoreSearch: true });
  return cached ?? networkFirst(request);
}

/** The deployment's data: its manifest and the page files under static/. */
function isData(href) {
  return href === LIBRARY || (href.startsWith(STATIC) && href.endsWith('.txt'));
}

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('message', (event) => {
  if (event.data?.type === 'kanbao:update') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  if (url.href === SCOPE || url.href === INDEX) {
    // The app's routes live in the hash: every one of them is index.html, of this version.
    event.respondWith(precachedOrNetwork(request, INDEX));
  } else if (isData(url.href)) {
    event.respondWith(networkFirst(request, url.href));
  } else {
    event.respondWith(precachedOrNetwork(request));
  }
});
