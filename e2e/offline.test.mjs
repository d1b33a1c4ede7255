// Offline: once the service worker has stored the app and the deployment's pages, Kanbao opens,
// lists and searches with the server gone and the browser offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, cpSync, rmSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { start, withPage, waitForApp, siteWithPages, DIST, ROOT } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

const SAMPLE_TITLES = [
  '“合纵连横”走在前 “港城标兵”作表率',
  '烟台自然博物馆获评 国家自然资源科普基地',
  '58.44万粒“三无”减肥产品 夹藏进境被海关查获',
  '千名航天人奋战百亿级产业集群',
];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Stops a server at once: open keep-alive connections would hold `close` back. */
const stop = (server) => new Promise((ok) => {
  server.close(ok);
  server.closeAllConnections();
});

const titles = (page) => page.locator('.card-title').allTextContents();

/** Waits until the service worker controls the page and has stored everything it precaches. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const names = (await caches.keys())
      .filter((n) => n.startsWith(`kanbao:${registration.scope}:`) && !n.endsWith(':runtime'));
    const cache = await caches.open(names.at(-1));
    return { scope: registration.scope, names, cached: (await cache.keys()).map((r) => r.url) };
  });
}

test('the build lists its hashed files and a content version for the service worker', () => {
  const { version, urls } = JSON.parse(readFileSync(join(DIST, 'precache.json'), 'utf8'));
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.ok(urls.includes('index.html'));
  assert.ok(urls.includes('static/library.json'));
  assert.ok(urls.includes('static/samples/yantai-daily-2023-11.txt'));
  assert.ok(urls.some((u) => /^kanbao-web-[0-9a-f]+_bg\.wasm$/.test(u)), urls.join(' '));
  assert.ok(urls.some((u) => /^app-[0-9a-f]+\.css$/.test(u)), urls.join(' '));
  assert.ok(urls.every((u) => !u.startsWith('/') && !u.includes('://')), 'all URLs relative');
  assert.ok(!urls.includes('sw.js') && !urls.includes('precache.json'));
  // The version is inside the worker, so that a build with other files is a new worker.
  assert.match(readFileSync(join(DIST, 'sw.js'), 'utf8'), new RegExp(`^const VERSION = '${version}';$`, 'm'));
  const manifest = JSON.parse(readFileSync(join(DIST, 'static', 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    assert.ok(readFileSync(join(DIST, 'static', icon.src)).length > 0, icon.src);
  }
});

test('with the server stopped and the browser offline, the app still lists and searches', { timeout: 90_000 }, async (t) => {
  // A server of its own, so that it can be stopped halfway; served under a sub-path, as on an
  // intranet site.
  const server = await serve(join(DIST, '..'), 0);
  let serverOpen = true;
  const base = `http://127.0.0.1:${server.address().port}/dist/`;
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  try {
    await withPage(t, env, async (page, errors) => {
      await page.goto(base);
      await waitForApp(page);
      assert.deepEqual((await titles(page)).sort(), [...SAMPLE_TITLES].sort());
      const sw = await waitForServiceWorker(page);
      assert.equal(sw.scope, base);
      assert.equal(sw.names.length, 1);
      const { urls } = JSON.parse(readFileSync(join(DIST, 'precache.json'), 'utf8'));
      for (const u of urls) assert.ok(sw.cached.includes(new URL(u, base).href), `${u} cached`);

      await stop(server);
      serverOpen = false;
      await context.setOffline(true);
      // Nothing answers any more: a file the worker does not hold cannot be fetched.
      const uncached = await page.evaluate(() =>
        fetch('static/no-such-file.txt').then((r) => `HTTP ${r.status}`, (e) => e.name));
      assert.equal(uncached, 'TypeError');

      const response = await page.reload();
      assert.ok(response.fromServiceWorker(), 'index.html comes from the service worker');
      await waitForApp(page);
      assert.equal(await page.locator('main').getAttribute('data-status'), 'ready');
      assert.deepEqual((await titles(page)).sort(), [...SAMPLE_TITLES].sort());
      await page.fill('#search-input', '航天港');
      await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
      assert.deepEqual(await titles(page), ['千名航天人奋战百亿级产业集群']);

      // A deep link opened offline works too.
      const id = await page.locator('.card').first().getAttribute('data-id');
      await page.goto(`${base}#/a/${id}`);
      await page.waitForSelector('article.reader');
      assert.deepEqual(errors, []);
    }, { context });
  } finally {
    await context.close();
    if (serverOpen) await stop(server);
  }
});

/** The names of this site's precaches (without the runtime cache). */
const precaches = (page) => page.evaluate(async () =>
  (await caches.keys()).filter((n) => !n.endsWith(':runtime')).map((n) => n.split(':').at(-1)));

/** A copy of the build, served on its own server, so that a test can rebuild or stop it. */
async function servedCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'kanbao-sw-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serve(dir, 0);
  return { dir, server, base: `http://127.0.0.1:${server.address().port}/` };
}

/** A second build of the site in `dir`: one of its files changed, precache.mjs run again. */
function rebuild(dir, css) {
  appendFileSync(join(dir, 'static', 'app.css'), css);
  const run = spawnSync('node', [join(ROOT, 'scripts', 'lib', 'precache.mjs'), dir], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(readFileSync(join(dir, 'precache.json'), 'utf8')).version;
}

test('a new build is a new service worker: an open tab keeps its version until the reader refreshes', { timeout: 90_000 }, async (t) => {
  const { dir, server, base } = await servedCopy();
  const css = () => fetch('static/app.css').then((r) => r.text());
  try {
    await withPage(t, env, async (page) => {
      await page.goto(base);
      await waitForApp(page);
      await waitForServiceWorker(page);
      const first = JSON.parse(readFileSync(join(dir, 'precache.json'), 'utf8')).version;
      assert.deepEqual(await precaches(page), [first]);

      const second = rebuild(dir, '\n/* second build */\n');
      assert.notEqual(second, first);
      assert.match(readFileSync(join(dir, 'sw.js'), 'utf8'), new RegExp(`const VERSION = '${second}';`));
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await page.waitForSelector('.update-ready', { timeout: 20000 });
      assert.match(await page.locator('.update-ready').textContent(), /有新版本，刷新以使用/);
      // Both versions are stored whole; the open tab still gets the files it started with.
      assert.deepEqual((await precaches(page)).sort(), [first, second].sort());
      assert.ok(!(await page.evaluate(css)).includes('second build'));

      await Promise.all([page.waitForEvent('load'), page.click('.update-apply')]);
      await waitForApp(page);
      await page.waitForFunction(async () => (await caches.keys()).filter((n) => !n.endsWith(':runtime')).length === 1);
      assert.deepEqual(await precaches(page), [second]);
      assert.ok((await page.evaluate(css)).includes('second build'));
      assert.equal(await page.locator('.update-ready').count(), 0);
    });
  } finally {
    await stop(server);
  }
});

test('a build that fails to install leaves the working version, and offline use, intact', { timeout: 90_000 }, async (t) => {
  const { dir, server, base } = await servedCopy();
  let serverOpen = true;
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  try {
    await withPage(t, env, async (page) => {
      await page.goto(base);
      await waitForApp(page);
      await waitForServiceWorker(page);
      const first = JSON.parse(readFileSync(join(dir, 'precache.json'), 'utf8')).version;
      // A second build whose server lacks a file it lists.
      rebuild(dir, '\n/* broken build */\n');
      rmSync(join(dir, 'static', 'icons', 'kanbao-512.png'));
      const outcome = await page.evaluate(async () => {
        const r = await navigator.serviceWorker.ready;
        const settle = (w, ok) => {
          if (['redundant', 'installed', 'activated'].includes(w.state)) ok(w.state);
          else w.addEventListener('statechange', () => settle(w, ok));
        };
        const settled = new Promise((ok) => {
          // The browser may have found the new version already (a check of its own).
          const now = r.installing ?? r.waiting;
          if (now) settle(now, ok);
          else r.addEventListener('updatefound', () => settle(r.installing, ok));
          setTimeout(() => ok('no new version found'), 15000);
        });
        // Not awaited: the settled state, or the timeout, is the answer.
        r.update().catch(() => {});
        return settled;
      });
      assert.equal(outcome, 'redundant', 'the new version failed to install');
      assert.deepEqual(await precaches(page), [first], 'the failed install left no cache');
      assert.equal(await page.locator('.update-ready').count(), 0);

      await stop(server);
      serverOpen = false;
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      assert.equal(await page.locator('main').getAttribute('data-status'), 'ready');
      assert.deepEqual((await titles(page)).sort(), [...SAMPLE_TITLES].sort());
    }, { context });
  } finally {
    await context.close();
    if (serverOpen) await stop(server);
  }
});

test('pages a deployment lists after the build are kept for offline use too', { timeout: 90_000 }, async (t) => {
  const dir = await siteWithPages([{
    name: 'port.txt',
    paper: '烟台日报',
    text: '烟台港开通新航线\n\n本报讯(记者 王超)近日,烟台港开通至釜山的集装箱新航线。\n',
  }]);
  const server = await serve(dir, 0);
  let serverOpen = true;
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await withPage(t, env, async (page) => {
      await page.goto(base);
      await waitForApp(page);
      const sw = await waitForServiceWorker(page);
      assert.ok(sw.cached.includes(`${base}static/port.txt`), sw.cached.join(' '));
      await stop(server);
      serverOpen = false;
      await page.reload();
      await waitForApp(page);
      assert.deepEqual(await titles(page), ['烟台港开通新航线']);
    });
  } finally {
    if (serverOpen) await stop(server);
  }
});
