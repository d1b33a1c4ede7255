// Nothing lost, nothing injected: the reader's library survives large round trips, storage
// failures, damaged records and other tabs; leaving mid-import is caught; pages arrive by one
// checked path whatever their name; exports carry no markup; and only the origins a deployment
// lists may drive an embedded Kanbao.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, siteWithPages } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
const dir = mkdtempSync(join(tmpdir(), 'kanbao-safety-'));
const NEWS = '海港新闻\n\n本报讯(记者 王超 通讯员 李明)近日,烟台港开通至釜山的集装箱新航线。\n\n航线每周两班。\n';
const file = (name, content) => { const p = join(dir, name); writeFileSync(p, content); return p; };

before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function openLibrary(page, base = env.base) {
  await page.goto(base + '#/library');
  await waitForApp(page);
}
const pageNames = async (page) => (await page.locator('.page-name').allTextContents()).sort();
const saveDownload = async (page, selector) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await download.path());
};

/** A page of `bytes` or so: twenty reports, each of many paragraphs, numbered `n`. */
function bigPage(n, bytes) {
  const paragraph = `第${n}版的记者在港口看到，集装箱码头昼夜作业，吞吐量再创新高。`;
  const per = Math.ceil(bytes / 20 / Buffer.byteLength(paragraph + '\n\n'));
  const reports = Array.from({ length: 20 }, (_, k) =>
    `第${n}版第${k}条港口新闻\n\n本报讯(记者 王超)${paragraph}\n\n` + `${paragraph}\n\n`.repeat(per));
  return reports.join('\n');
}

test('a library exported at 41 MB imports again, exactly', async (t) => {
  const pages = Array.from({ length: 60 }, (_, n) => ({ name: `big-${n}.txt`, paper: '港城日报', text: bigPage(n, 700_000) }));
  const library = JSON.stringify({ schema: 'kanbao.library/1', pages });
  assert.ok(Buffer.byteLength(library) > 41_000_000, `${Buffer.byteLength(library)} bytes`);
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('kanbao-library.json', library)]);
    await page.waitForSelector('.notice:has-text("已导入 60 个版面")', { timeout: 120000 });
    const exported = JSON.parse((await saveDownload(page, '.export-library')).toString('utf8'));
    const imported = exported.pages.filter((p) => p.name.startsWith('big-'));
    assert.deepEqual(imported.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true })), pages);
    await page.click('.clear-imported');
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 1);
    await page.setInputFiles('#import-files', [file('exported.json', JSON.stringify(exported))]);
    await page.waitForFunction(() => [...document.querySelectorAll('.notice')]
      .filter((n) => n.textContent.includes('已导入 60 个版面')).length === 2, null, { timeout: 120000 });
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.page-row').count(), 61);
  });
});

test('stored pages that cannot be read at start are told as a failure to read, and the site\'s pages still show', async (t) => {
  await withPage(t, env, async (page) => {
    await page.addInitScript(() => {
      IDBObjectStore.prototype.getAll = function () { throw new DOMException('storage is blocked', 'UnknownError'); };
    });
    await openLibrary(page);
    const pages = page.locator('.notice-error', { hasText: '无法读取浏览器中保存的版面' });
    await pages.waitFor();
    assert.equal(
      (await pages.textContent()).match(/无法读取浏览器中保存的版面：浏览器存储无法读取（UnknownError: storage is blocked）/)?.length, 1,
    );
    // The collections are kept in the same storage, and said to be unreadable too.
    const collections = page.locator('.notice-error', { hasText: '无法读取收藏夹' });
    await collections.waitFor();
    assert.match(await collections.textContent(), /无法读取收藏夹：浏览器存储无法读取（UnknownError: storage is blocked）/);
    for (const text of await page.locator('.notice-error').allTextContents()) assert.doesNotMatch(text, /无法保存/);
    assert.deepEqual(await pageNames(page), ['yantai-daily-2023-11.txt']);
  });
});

test('a storage write that fails shows nothing as imported and keeps the library as it was', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('kept.txt', NEWS)]);
    await page.waitForSelector('.notice:has-text("已导入 kept.txt")');
    // Every write fails as a browser that blocks storage makes it fail.
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function () { throw new DOMException('storage is blocked', 'UnknownError'); };
    });
    await page.setInputFiles('#import-files', [file('lost.txt', NEWS.replace('海港', '空港'))]);
    await page.waitForSelector('.notice-error');
    assert.match(await page.locator('.notice-error').textContent(), /无法导入 lost.txt：无法保存到浏览器（UnknownError: storage is blocked），文库保持不变/);
    assert.equal(await page.locator('.notice:has-text("已导入 lost.txt")').count(), 0);
    assert.deepEqual(await pageNames(page), ['kept.txt', 'yantai-daily-2023-11.txt']);
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await pageNames(page), ['kept.txt', 'yantai-daily-2023-11.txt']);
  });
});

test('a database without the pages store is repaired, and pages are kept in it', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + 'static/app.css');
    await page.evaluate(() => new Promise((ok, fail) => {
      const req = indexedDB.open('kanbao', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('other');
      req.onsuccess = () => { req.result.close(); ok(); };
      req.onerror = () => fail(req.error);
    }));
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('news.txt', NEWS)]);
    await page.waitForSelector('.notice:has-text("已导入 news.txt")');
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await pageNames(page), ['news.txt', 'yantai-daily-2023-11.txt']);
  });
});

/** Puts records straight into the store, as damage or another program would leave them. */
async function putRecords(page, records) {
  await page.goto(env.base + 'static/app.css');
  await page.evaluate((records) => new Promise((ok, fail) => {
    const req = indexedDB.open('kanbao');
    req.onupgradeneeded = () => req.result.createObjectStore('pages', { keyPath: 'key' });
    req.onsuccess = () => {
      const tx = req.result.transaction('pages', 'readwrite');
      for (const r of records) tx.objectStore('pages').put(r);
      tx.oncomplete = () => { req.result.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
    req.onerror = () => fail(req.error);
  }), records);
}

test('damaged records are reported at start and can be removed; a page whose key does not match its text is removable', async (t) => {
  await withPage(t, env, async (page) => {
    await putRecords(page, [
      { key: 'broken-1', name: 7 },
      { key: 'moved', name: 'moved.txt', paper: null, text: NEWS },
    ]);
    await openLibrary(page);
    assert.match(await page.locator('.notice-error').textContent(), /浏览器中保存的 1 条记录已损坏/);
    assert.equal(await page.locator('.damaged-row').count(), 1);
    assert.equal(await page.locator('.damaged-key').textContent(), 'broken-1');
    await page.click('.remove-damaged');
    await page.waitForFunction(() => document.querySelectorAll('.damaged-row').length === 0);
    await page.locator('.page-row:has-text("moved.txt") .remove-page').click();
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 1);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.damaged-row').count(), 0);
    assert.equal(await page.locator('.notice-error').count(), 0);
    assert.deepEqual(await pageNames(page), ['yantai-daily-2023-11.txt']);
  });
});

test('two tabs share one library: an import and a clear in one show in the other', async (t) => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  try {
    await withPage(t, env, async (first) => {
      const second = await context.newPage();
      await openLibrary(first);
      await openLibrary(second);
      await first.setInputFiles('#import-files', [file('tab.txt', NEWS)]);
      await second.waitForFunction(() => [...document.querySelectorAll('.page-name')].some((n) => n.textContent === 'tab.txt'));
      // The export of a tab includes what the other imported.
      const exported = JSON.parse((await saveDownload(second, '.export-library')).toString('utf8'));
      assert.ok(exported.pages.some((p) => p.name === 'tab.txt'));
      await second.click('.clear-imported');
      await first.waitForFunction(() => document.querySelectorAll('.page-row').length === 1);
      assert.deepEqual(await pageNames(first), ['yantai-daily-2023-11.txt']);
    }, { context });
  } finally {
    await context.close();
  }
});

test('leaving during an import asks first, and the next start says the import did not finish', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    const files = Array.from({ length: 400 }, (_, i) => file(`leave-${i}.txt`, `第${i}号新闻\n\n本报讯(记者 王超)近日,第${i}号港口开通新航线。\n`));
    await page.click('h2'); // the reader has interacted with the page
    await page.setInputFiles('#import-files', files);
    await page.waitForSelector('progress#import-progress');
    const asked = new Promise((ok) => page.once('dialog', (d) => { ok(d.type()); d.accept(); }));
    await page.evaluate(() => location.reload());
    assert.equal(await asked, 'beforeunload');
    await waitForApp(page);
    const notice = await page.locator('.notice-error').textContent();
    assert.match(notice, /上次的导入没有完成/);
    assert.match(notice, /leave-0\.txt/);
    assert.deepEqual(await pageNames(page), ['yantai-daily-2023-11.txt']);
  });
});

test('every page takes the same checked path: a page named .json, an empty and a binary one from a host are refused', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + 'static/embed-example.html');
    const frame = page.frameLocator('#kanbao');
    await frame.locator('main[data-status="ready"]').waitFor();
    await page.evaluate((news) => {
      const frame = document.getElementById('kanbao');
      frame.contentWindow.postMessage({
        type: 'kanbao:add-pages',
        pages: [
          { name: 'named-like-a-library.json', text: news },
          { name: 'empty.json', text: '' },
          { name: 'binary.txt', text: '\u0000\u0001\u0002PNG\u0000\u0000\u0000' },
        ],
      }, location.origin);
    }, NEWS);
    await frame.locator('.notice-error').nth(1).waitFor();
    const errors = await frame.locator('.notice-error').allTextContents();
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.ok(errors.some((e) => /无法导入 empty.json：文件是空的/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /无法导入 binary.txt：这不是文本文件/.test(e)), errors.join('\n'));
    // A page named .json is a page, read as one.
    await frame.locator('.notice:has-text("已载入 named-like-a-library.json")').waitFor();
  });
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '?src=sw.js');
    await waitForApp(page);
    assert.match(await page.locator('.notice-error').textContent(), /无法导入 sw.js：只能加载版面文本（.txt）或版面清单（.json）/);
    assert.equal(await page.locator('.card').count(), 4);
  });
});

test('the Markdown export carries a page\'s markup as text, never as markup', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    const hostile = '<img src=x onerror=alert(1)>港口新闻\n\n本报讯(记者 王超)近日,[点此](javascript:alert(1))查看<script>alert(2)</script>。\n';
    await page.setInputFiles('#import-files', [file('hostile.txt', hostile)]);
    await page.waitForSelector('.notice:has-text("已导入 hostile.txt")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('港口新闻'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    const markdown = (await saveDownload(page, '.export-markdown')).toString('utf8');
    assert.ok(!markdown.includes('<img') && !markdown.includes('<script'), markdown);
    assert.ok(!markdown.includes('](javascript:'), markdown);
    assert.match(markdown, /# &lt;img src=x onerror=alert\\\(1\\\)&gt;港口新闻/);
  });
});

/** A host page on another origin (127.0.0.2, while Kanbao is on 127.0.0.1) embedding `kanbao`. */
async function hostSite(kanbao) {
  const site = mkdtempSync(join(tmpdir(), 'kanbao-host-'));
  writeFileSync(join(site, 'host.html'), `<!doctype html><meta charset="utf-8"><title>host</title>
<iframe id="kanbao" src="${kanbao}index.html?embed=1&origin=*"></iframe><pre id="log"></pre>
<script>
  window.addEventListener('message', (e) => { document.getElementById('log').textContent += JSON.stringify(e.data) + '\\n'; });
  window.send = (message) => document.getElementById('kanbao').contentWindow.postMessage(message, '*');
</script>`);
  const server = await serve(site, 0, '127.0.0.2');
  const origin = `http://127.0.0.2:${server.address().port}`;
  return { server, url: `${origin}/host.html`, origin };
}

const SENT = { type: 'kanbao:add-pages', pages: [{ name: 'injected.txt', text: '外站注入的新闻\n\n本报讯(记者 某某)外站注入。\n' }] };

test('a host on another origin is refused unless the deployment lists it; its pages stay in the session', async (t) => {
  const host = await hostSite(env.base);
  try {
    await withPage(t, env, async (page) => {
      await page.goto(host.url);
      const frame = page.frameLocator('#kanbao');
      await frame.locator('main[data-status="ready"]').waitFor();
      await page.evaluate((m) => window.send(m), SENT);
      await page.evaluate((m) => window.send(m), { type: 'kanbao:set-query', q: '海关' });
      await page.waitForTimeout(1000);
      assert.equal(await frame.locator('.card-title:has-text("外站注入的新闻")').count(), 0);
      assert.equal(await frame.locator('.card').count(), 4, 'the query was not taken either');
      // Nothing was posted to a page of an origin the deployment did not list.
      assert.equal(await page.locator('#log').textContent(), '');
    });
  } finally {
    await new Promise((ok) => host.server.close(ok));
  }

  // The same host, listed by the deployment.
  const site = await siteWithPages([{ name: 'home.txt', text: NEWS }]);
  const server = await serve(site, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const listed = await hostSite(base);
  const manifest = JSON.parse(readFileSync(join(site, 'static', 'library.json'), 'utf8'));
  writeFileSync(join(site, 'static', 'library.json'), JSON.stringify({ ...manifest, embed: { origins: [listed.origin] } }));
  try {
    await withPage(t, env, async (page) => {
      await page.goto(listed.url);
      await page.waitForFunction(() => document.getElementById('log').textContent.includes('kanbao:ready'));
      const frame = page.frameLocator('#kanbao');
      await page.evaluate((m) => window.send(m), SENT);
      await frame.locator('.card-title:has-text("外站注入的新闻")').waitFor();
      await page.evaluate(() => window.send({ type: 'kanbao:add-pages', pages: 'not a list' }));
      await page.waitForFunction(() => document.getElementById('log').textContent.includes('kanbao:error'));
      // The page the host sent lives in the session: nothing was written to the reader's store
      // (where the browser lets a frame of another site have one at all).
      const kanbao = page.frames().find((f) => f.url().startsWith(base));
      const stored = await kanbao.evaluate(() => new Promise((ok) => {
        const req = indexedDB.open('kanbao');
        req.onupgradeneeded = () => req.result.createObjectStore('pages', { keyPath: 'key' });
        req.onerror = () => ok(0);
        req.onsuccess = () => {
          const all = req.result.transaction('pages').objectStore('pages').getAll();
          all.onsuccess = () => { req.result.close(); ok(all.result.length); };
          all.onerror = () => ok(0);
        };
      }));
      assert.equal(stored, 0);
      assert.match(await frame.locator('.notice:has-text("injected.txt")').textContent(), /已载入 injected.txt（1 篇文章），仅本次会话/);
    });
  } finally {
    await new Promise((ok) => listed.server.close(ok));
    await new Promise((ok) => server.close(ok));
  }
});

test('csp.txt lets the origins a deployment lists embed Kanbao, and no others', async () => {
  const { cpSync, mkdtempSync: temp } = await import('node:fs');
  const { spawnSync } = await import('node:child_process');
  const { DIST, ROOT } = await import('./harness.mjs');
  const site = temp(join(tmpdir(), 'kanbao-csp-'));
  cpSync(DIST, site, { recursive: true });
  writeFileSync(join(site, 'static', 'library.json'), JSON.stringify({ pages: [], embed: { origins: ['https://intranet.example'] } }));
  const run = spawnSync('node', [join(ROOT, 'scripts', 'lib', 'csp.mjs'), site], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const csp = readFileSync(join(site, 'csp.txt'), 'utf8');
  assert.match(csp, /frame-ancestors 'self' https:\/\/intranet\.example\n$/);
  assert.match(readFileSync(join(DIST, 'csp.txt'), 'utf8'), /frame-ancestors 'self'\n$/);
});

test('where the parse worker cannot load, every file still imports, parsed in the page', async (t) => {
  await withPage(t, env, async (page) => {
    await page.route('**/kanbao-worker_loader.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await openLibrary(page);
    const files = [0, 1, 2].map((i) => file(`no-worker-${i}.txt`, `第${i}号港口新闻\n\n本报讯(记者 王超)近日,第${i}号港口开通新航线。\n`));
    await page.setInputFiles('#import-files', files);
    await page.waitForSelector('.notice:has-text("已导入 3 个版面")', { timeout: 20000 });
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.page-name:has-text("no-worker-")').count(), 3);
  }, { routes: true });
});
