// A packed archive (`kanbao build`, as it builds by default): a few pack files read by HTTP Range requests,
// searched exactly as the loose archive of the same pages, on the project's static server and
// on nginx; a server that ignores Range is named and nothing large downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, kanbao, archiveRecords, titleBigrams, DIST } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
let loose;
let packed;
const servers = [];

/** Serves `dir` on the project's static server; returns its address. */
async function served(dir, options) {
  const server = await serve(dir, 0, '127.0.0.1', options);
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'kanbao-packed-'));
  kanbao('gen', '--pages', '300', '--seed', '7', '-o', join(work, 'pages'));
  loose = join(work, 'loose');
  packed = join(work, 'packed');
  for (const [site, extra] of [[loose, ['--loose']], [packed, []]]) {
    cpSync(DIST, site, { recursive: true });
    kanbao('build', join(work, 'pages'), '-o', site, '--block-kib', '1', ...extra);
  }
  env = await start();
});
after(async () => {
  await env?.close();
  for (const s of servers) await new Promise((ok) => s.close(ok));
});

/** Files under `dir`, relative paths. */
const files = (dir) => readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());

/** A term common in the archive's titles: the most frequent two Han characters. */
function commonTerm() {
  const manifest = JSON.parse(readFileSync(join(loose, 'archive/index/manifest.json'), 'utf8'));
  assert.equal(manifest.packs, undefined, 'the loose archive is not packed');
  return titleBigrams(archiveRecords(loose))[0];
}

/** Searches `term` at `base`; returns the cards' titles once every card is in, and what was asked of the server. */
async function search(page, base, term) {
  const asked = [];
  page.on('request', (r) => asked.push({ path: new URL(r.url()).pathname, range: r.headers().range }));
  await page.goto(base + '#/?q=' + encodeURIComponent(term));
  await waitForApp(page);
  await page.waitForSelector('.archive-results[aria-busy="false"] .archive-summary:has-text("档案中找到")');
  const titles = await page.locator('.archive-list .card-title').allTextContents();
  const summary = await page.locator('.archive-summary').textContent();
  const fetched = Number(await page.locator('.archive-results').getAttribute('data-fetched'));
  return { titles, summary, asked, fetched };
}

test('a packed archive is a few files and searches exactly as the loose one, reading its entries by Range', async (t) => {
  const looseFiles = files(join(loose, 'archive')).length;
  const packedFiles = files(join(packed, 'archive')).length;
  assert.ok(packedFiles * 4 < looseFiles, `${packedFiles} files packed, ${looseFiles} loose`);
  t.diagnostic(`${packedFiles} files packed against ${looseFiles} loose`);
  const term = commonTerm();
  const looseBase = await served(loose);
  const packedBase = await served(packed);
  let expected;
  await withPage(t, env, async (page) => {
    expected = await search(page, looseBase, term);
  });
  await withPage(t, env, async (page) => {
    const got = await search(page, packedBase, term);
    assert.equal(got.titles.length, 20);
    assert.deepEqual(got.titles, expected.titles, 'the same cards, in the same order');
    assert.equal(got.summary, expected.summary);
    const archive = got.asked.filter((a) => a.path.includes('/archive/'));
    assert.ok(archive.some((a) => a.path.includes('/archive/packs/0000.pack')), 'entries come from the pack');
    assert.ok(archive.some((a) => a.path.endsWith('/archive/packs/directory.bin')), 'the directory is read');
    assert.ok(!archive.some((a) => /\/archive\/(cards|records|index\/(docs|positions|blocks))\//.test(a.path)), 'no loose file is asked for');
    for (const a of archive.filter((a) => a.path.includes('/packs/'))) {
      assert.match(a.range ?? '', /^bytes=\d+-\d+$/, `${a.path} is read by Range`);
    }
    // The blocks are placed by the shards that name them: no page of the directory that lists
    // only blocks is read.
    const { packs } = JSON.parse(readFileSync(join(packed, 'archive/index/manifest.json'), 'utf8'));
    assert.equal(packs.block_places, true);
    const blocks = packs.kinds.find((k) => k.dir === 'index/blocks');
    assert.ok(blocks.count > 0, 'the archive has blocks');
    const pageBytes = 16 * 12;
    const blocksEnd = Math.floor((blocks.first + blocks.count) / 16) * pageBytes;
    for (const a of archive.filter((a) => a.path.endsWith('/packs/directory.bin'))) {
      const first = Number(/^bytes=(\d+)-/.exec(a.range)[1]);
      assert.ok(first >= blocksEnd, `${a.range} reads the blocks' pages of the directory (they end at ${blocksEnd})`);
    }
    t.diagnostic(`bytes for "${term}": loose ${expected.fetched}, packed ${got.fetched}; requests: loose ${expected.asked.filter((a) => a.path.includes('/archive/')).length}, packed ${archive.length}`);
    // The directory adds a few small reads: packed costs little more than loose.
    assert.ok(got.fetched < expected.fetched * 1.25, `packed ${got.fetched} bytes, loose ${expected.fetched}`);
    // An article opens from its record in the pack.
    await page.locator('.archive-list .card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), expected.titles[0]);
  });
});

test('a server that ignores Range is named, the pack is not downloaded, and the library still lists', async (t) => {
  const base = await served(packed, { ranges: false });
  await withPage(t, env, async (page) => {
    const term = commonTerm();
    let packBytes = 0;
    page.on('response', async (r) => {
      if (r.url().includes('/archive/packs/')) packBytes += Number(r.headers()['content-length'] ?? 0);
    });
    await page.goto(base + '#/?q=' + encodeURIComponent(term));
    await waitForApp(page);
    const error = page.locator('.archive-results .error');
    await error.waitFor();
    const message = await error.textContent();
    assert.match(message, /服务器不支持按范围读取（HTTP Range）/);
    assert.match(message, /archive\/packs\//);
    // The library beside the archive still lists its articles.
    await page.goto(base + '#/');
    await page.waitForSelector('.article-list:not(.archive-list) .card');
    assert.ok((await page.locator('.article-list:not(.archive-list) .card').count()) > 0, 'the library still lists');
    t.diagnostic(`the whole-file answers announced ${packBytes} bytes; the download was stopped`);
  });
});

test('an archive of many shards reads where they are with each search, not when it opens', { timeout: 120_000 }, async (t) => {
  // Shards of 1 KiB: some two thousand of them, past what a packed archive places when it opens.
  const work = mkdtempSync(join(tmpdir(), 'kanbao-shards-'));
  kanbao('gen', '--pages', '400', '--seed', '7', '-o', join(work, 'pages'));
  const [manyLoose, manyPacked] = [join(work, 'loose'), join(work, 'packed')];
  for (const [site, extra] of [[manyLoose, ['--loose']], [manyPacked, []]]) {
    cpSync(DIST, site, { recursive: true });
    kanbao('build', join(work, 'pages'), '-o', site, '--shard-kib', '1', ...extra);
  }
  const manifest = JSON.parse(readFileSync(join(manyPacked, 'archive/index/manifest.json'), 'utf8'));
  const shards = manifest.doc_shards + manifest.position_shards;
  assert.ok(shards > 1536, `${shards} shards`);
  const term = titleBigrams(archiveRecords(manyLoose))[0];
  let expected;
  await withPage(t, env, async (page) => {
    expected = await search(page, await served(manyLoose), term);
  });
  const base = await served(manyPacked);
  await withPage(t, env, async (page) => {
    const asked = [];
    page.on('request', (r) => asked.push({ path: new URL(r.url()).pathname, range: r.headers().range }));
    await page.goto(base);
    await waitForApp(page);
    await page.waitForSelector('.archive-summary:has-text("档案中有")');
    const atOpening = asked.filter((a) => a.path.endsWith('/archive/packs/directory.bin'));
    assert.deepEqual(atOpening, [], 'no page of the directory is read when the archive opens');
    await page.evaluate((q) => { location.hash = '#/?q=' + encodeURIComponent(q); }, term);
    await page.waitForSelector('.archive-results[aria-busy="false"] .archive-summary:has-text("档案中找到")');
    const titles = await page.locator('.archive-list .card-title').allTextContents();
    assert.deepEqual(titles, expected.titles, 'the same cards, in the same order');
    assert.equal(await page.locator('.archive-summary').textContent(), expected.summary);
    const read = asked.filter((a) => a.path.endsWith('/archive/packs/directory.bin'));
    assert.ok(read.length > 0, "the search reads the pages placing its shards");
    t.diagnostic(`${shards} shards; the search read ${read.length} directory ranges`);
  });
});

/** A free port on loopback. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts nginx (Debian's) serving `root` on loopback; resolves to its address and a stop. */
async function nginx(root) {
  const dir = mkdtempSync(join(tmpdir(), 'kanbao-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(conf, `daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  types { application/wasm wasm; }
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`);
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + 'index.html')).ok) break;
    } catch {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  return { base, stop: () => new Promise((ok) => { child.once('exit', ok); child.kill('SIGTERM'); }) };
}

test('on nginx, a packed archive searches as the loose one', async (t) => {
  const term = commonTerm();
  const server = await nginx(packed);
  try {
    const range = await fetch(server.base + 'archive/packs/directory.bin', { headers: { range: 'bytes=0-11' } });
    assert.equal(range.status, 206, 'nginx answers Range requests');
    let expected;
    await withPage(t, env, async (page) => {
      expected = await search(page, await served(loose), term);
    });
    await withPage(t, env, async (page) => {
      const got = await search(page, server.base, term);
      assert.deepEqual(got.titles, expected.titles);
      assert.equal(got.summary, expected.summary);
    });
  } finally {
    await server.stop();
  }
});

test('offline, a packed archive answers the searches it answered online from the parts it kept', { timeout: 90_000 }, async (t) => {
  const term = commonTerm();
  const server = await serve(packed, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  try {
    await withPage(t, env, async (page, errors) => {
      await page.goto(base);
      await waitForApp(page);
      await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
      // A reader's next visit: everything now goes through the service worker.
      await page.reload();
      await waitForApp(page);
      const online = await search(page, base, term);
      assert.equal(online.titles.length, 20);
      // The parts read by Range are kept by file and range, as whole responses.
      const kept = await page.evaluate(async () => {
        const names = (await caches.keys()).filter((n) => n.endsWith(':runtime'));
        const cache = await caches.open(names[0]);
        return (await cache.keys()).map((r) => r.url).filter((u) => u.includes('/archive/packs/'));
      });
      assert.ok(kept.length > 0 && kept.every((u) => /kanbao-range=bytes/.test(u)), kept.join(' '));

      await new Promise((ok) => { server.close(ok); server.closeAllConnections(); });
      await context.setOffline(true);
      await page.reload();
      await waitForApp(page);
      const offline = await search(page, base, term);
      assert.deepEqual(offline.titles, online.titles, 'the same cards offline');
      assert.deepEqual(errors, []);
    }, { context });
  } finally {
    await context.close();
    server.close();
  }
});
