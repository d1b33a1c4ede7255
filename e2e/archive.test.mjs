// A deployment with a built archive (`kanbao build`): searched beside the library, fetching
// only what a search needs, with links to archived articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, ROOT, DIST } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
let site;
let server;
let base;

function kanbao(...args) {
  const run = spawnSync('cargo', ['run', '-q', '-p', 'kanbao-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
}

function sizeOf(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f))).filter((s) => s.isFile()).reduce((n, s) => n + s.size, 0);
}

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'kanbao-archive-'));
  site = join(work, 'site');
  cpSync(DIST, site, { recursive: true });
  kanbao('gen', '--pages', '300', '--seed', '7', '-o', join(work, 'pages'));
  kanbao('build', join(work, 'pages'), '-o', site, '--chunk-size', '64', '--shard-kib', '16');
  env = await start();
  server = await serve(site, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  await env?.close();
  await new Promise((ok) => server?.close(ok));
});

/** Every record of the archive, read from disk. */
function records() {
  const dir = join(site, 'archive', 'records');
  return readdirSync(dir).sort().flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

const text = (r) => [r.title, r.kicker, r.subtitle, r.column, r.dateline, r.lead, ...r.byline.reporters,
  ...r.byline.correspondents, ...r.byline.photographers, ...r.byline.authors, ...r.byline.raw,
  ...r.blocks.map((b) => b.text)].filter(Boolean).map((s) => s.replace(/\s+/g, ''));

test('a search finds exactly the archived articles that contain it, fetching a part of the archive', async (t) => {
  const all = records();
  const title = all.find((r) => r.title.length >= 6).title.replace(/\s+/g, '');
  const term = title.slice(1, 4);
  const expected = all.filter((r) => text(r).some((s) => s.includes(term))).length;
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/?q=' + encodeURIComponent(term));
    await waitForApp(page);
    await page.waitForSelector('.archive-summary:has-text("档案中找到")');
    const summary = await page.locator('.archive-summary').textContent();
    assert.match(summary, new RegExp(`档案中找到 ${expected} 篇`));
    const cards = await page.locator('.archive-list .card-title').allTextContents();
    assert.equal(cards.length, Math.min(expected, 50));
    assert.ok((await page.locator('.archive-list mark').allTextContents()).every((m) => m === term));
    const fetched = Number(await page.locator('.archive-results').getAttribute('data-fetched'));
    const total = sizeOf(join(site, 'archive'));
    assert.ok(fetched > 0 && fetched < total / 2, `fetched ${fetched} of ${total} bytes`);
    t.diagnostic(`fetched ${fetched} of ${total} bytes`);

    await page.locator('.archive-list .card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), cards[0]);
    assert.equal(await page.locator('.toggle-source').count(), 0, 'archives publish no source text');
  });
});

test('an archived article opens from a link by its number, and a wrong number says so', async (t) => {
  const all = records();
  await withPage(t, env, async (page) => {
    const doc = all.findIndex((r, i) => i >= 100 && r.title);
    await page.goto(base + `#/archive/${doc}`);
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), all[doc].title);
    await page.goto(base + `#/archive/${all.length + 5}`);
    await page.waitForSelector('.not-found');
  });
});

test('without a search the archive says how many articles it holds, and the library still lists', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(base);
    await waitForApp(page);
    await page.waitForSelector('.archive-summary');
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`档案中有 ${records().length} 篇文章`));
    assert.equal(await page.locator('.article-list:not(.archive-list) .card').count(), 4);
  });
});
