// Archives searched as one: an archive with daily segments appended (`kanbao build --append`)
// and a deployment of four partitions built apart (listed in static/library.json) answer every
// query exactly as one archive of all their pages; a partition that cannot be read is named
// while the others answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, kanbao, archiveRecords, titleBigrams, DIST } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
let whole;
let appended;
let federated;
const servers = [];

/** Serves `dir` on the project's static server; returns its address. */
async function served(dir) {
  const server = await serve(dir, 0, '127.0.0.1');
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

/** A folder holding the day folders `days` of `pages`. */
function daysOf(pages, days, into) {
  mkdirSync(into, { recursive: true });
  for (const day of days) cpSync(join(pages, day), join(into, day), { recursive: true });
  return into;
}

/** The names partitions are listed under. */
const NAMES = ['第一段', '第二段', '第三段', '第四段'];

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'kanbao-segments-'));
  const pages = join(work, 'pages');
  // Fifteen days of sixteen pages.
  kanbao('gen', '--pages', '240', '--seed', '5', '-o', pages);
  const days = readdirSync(pages).sort();
  assert.equal(days.length, 15);

  whole = join(work, 'whole');
  cpSync(DIST, whole, { recursive: true });
  kanbao('build', pages, '-o', whole, '--block-kib', '1', '--loose');

  // Ten days, then three more, then two: an archive and two segments.
  appended = join(work, 'appended');
  cpSync(DIST, appended, { recursive: true });
  kanbao('build', daysOf(pages, days.slice(0, 10), join(work, 'first')), '-o', appended, '--block-kib', '1');
  kanbao('build', '--append', daysOf(pages, days.slice(10, 13), join(work, 'second')), '-o', appended, '--block-kib', '1');
  kanbao('build', '--append', daysOf(pages, days.slice(13), join(work, 'third')), '-o', appended, '--block-kib', '1');

  // Four partitions, each built on its own, listed by the deployment oldest first.
  federated = join(work, 'federated');
  cpSync(DIST, federated, { recursive: true });
  const cuts = [[0, 4], [4, 8], [8, 12], [12, 15]];
  const archives = cuts.map(([from, to], i) => {
    const dir = daysOf(pages, days.slice(from, to), join(work, `part${i}`));
    kanbao('build', dir, '-o', join(federated, 'parts', `p${i}`), '--block-kib', '1');
    return { url: `parts/p${i}/archive/`, name: NAMES[i] };
  });
  const library = JSON.parse(readFileSync(join(federated, 'static', 'library.json'), 'utf8'));
  writeFileSync(join(federated, 'static', 'library.json'), JSON.stringify({ ...library, archives }));
  env = await start();
});
after(async () => {
  await env?.close();
  for (const s of servers) await new Promise((ok) => s.close(ok));
});

function settled(page) {
  return page.waitForSelector('.archive-results[aria-busy="false"] .archive-summary:has-text("档案中找到")');
}

/**
 * Searches `query` (a hash route's query) at `base`; returns the first page of result titles
 * as they come, and then, counted to the end, the summary and the timeline's bars.
 */
async function search(page, base, query) {
  await page.goto(base + '#/?' + query);
  await waitForApp(page);
  await settled(page);
  const titles = await page.locator('.archive-list .card-title').allTextContents();
  if (await page.locator('.archive-count-all').count()) {
    await page.click('.archive-count-all');
    await page.waitForFunction(() => !document.querySelector('.archive-count'), null, { timeout: 60000 });
  }
  const summary = await page.locator('.archive-summary').textContent();
  const bars = await page.locator('.archive-timeline .bar').evaluateAll((bars) => bars.map((b) => b.dataset.period));
  return { titles, summary, bars };
}

test('an archive with segments appended and four partitions built apart answer every query as one archive of all their pages', async (t) => {
  const manifest = JSON.parse(readFileSync(join(appended, 'archive/index/manifest.json'), 'utf8'));
  assert.deepEqual(manifest.segments.map((s) => s.path), ['segments/0001/', 'segments/0002/']);
  const records = archiveRecords(whole);
  const terms = titleBigrams(records);
  const reporter = records.flatMap((r) => r.byline.reporters ?? [])[7];
  const queries = [
    ...[terms[0], terms[3], terms[20]].map((term) => `q=${encodeURIComponent(term)}`),
    `q=${encodeURIComponent(terms[1])}&sort=oldest`,
    `reporter=${encodeURIComponent(reporter)}`,
    `q=${encodeURIComponent(terms[2])}&from=2016-01-09&to=2016-01-12`,
  ];
  const bases = { whole: await served(whole), appended: await served(appended), federated: await served(federated) };
  for (const query of queries) {
    const answers = {};
    for (const [name, base] of Object.entries(bases)) {
      await withPage(t, env, async (page) => {
        answers[name] = await search(page, base, query);
      });
    }
    assert.ok(answers.whole.titles.length > 0, `${query} finds articles`);
    assert.deepEqual(answers.appended, answers.whole, `appended, ${query}`);
    assert.deepEqual(answers.federated, answers.whole, `federated, ${query}`);
    t.diagnostic(`${decodeURIComponent(query)}: ${answers.whole.summary}`);
  }
});

test('the deployment\'s manifest is fetched once at start, for the library and the archives it lists together', async (t) => {
  const base = await served(federated);
  await withPage(t, env, async (page) => {
    const asked = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/static/library.json')) asked.push(r.url());
    });
    const term = titleBigrams(archiveRecords(whole))[0];
    const got = await search(page, base, `q=${encodeURIComponent(term)}`);
    assert.ok(got.titles.length > 0, 'the partitions it lists answer');
    assert.equal(asked.length, 1, asked.join(', '));
  }, { routes: true });
});

test('an article of a segment opens with its neighbours in print, and the calendar holds every part\'s days', async (t) => {
  const records = archiveRecords(whole);
  const newest = records[records.length - 1];
  const base = await served(appended);
  await withPage(t, env, async (page) => {
    await page.goto(base + `#/archive/${newest.doc}`);
    await waitForApp(page);
    await page.waitForFunction((t) => document.querySelector('#article-title')?.textContent === t, newest.title);
    await page.waitForSelector('.printed-order-nav .previous-article');
    assert.equal(await page.locator('.previous-article').textContent(), `上一篇${records[records.length - 2].title}`);
    await page.goto(base + '#/d/2016-01');
    await page.waitForFunction(() => document.querySelector('.month-grid caption')?.textContent === '2016年1月');
    assert.equal(await page.locator('.month-grid td.held a').count(), 15, 'the archive\'s ten days and the segments\' five');
  });
});

test('a partition that cannot be read is named, and the others still answer', async (t) => {
  const broken = mkdtempSync(join(tmpdir(), 'kanbao-partition-gone-'));
  cpSync(federated, broken, { recursive: true });
  rmSync(join(broken, 'parts', 'p1'), { recursive: true });
  const records = archiveRecords(whole);
  const term = titleBigrams(records)[0];
  const base = await served(broken);
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/?q=' + encodeURIComponent(term));
    await waitForApp(page);
    await settled(page);
    const note = page.locator('.archive-unavailable');
    assert.match(await note.textContent(), /以下档案暂时无法读取.*第二段/);
    assert.ok(await page.locator('.archive-list .card-title').count() > 0, 'the other partitions answer');
  });
});

test('a segment listed wrongly is named while the archive answers, and one outside the archive\'s folder is never asked for', async (t) => {
  const broken = mkdtempSync(join(tmpdir(), 'kanbao-segment-wrong-'));
  cpSync(appended, broken, { recursive: true });
  const at = join(broken, 'archive', 'index', 'manifest.json');
  const manifest = JSON.parse(readFileSync(at, 'utf8'));
  assert.equal(manifest.segments.length, 2);
  manifest.segments[0].docs += 1;
  manifest.segments[1].path = '../outside/';
  writeFileSync(at, JSON.stringify(manifest));
  const term = titleBigrams(archiveRecords(whole))[0];
  const base = await served(broken);
  await withPage(t, env, async (page) => {
    const outside = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.includes('/outside/')) outside.push(r.url());
    });
    await page.goto(base + '#/?q=' + encodeURIComponent(term));
    await waitForApp(page);
    await settled(page);
    const note = await page.locator('.archive-unavailable').textContent();
    assert.match(note, /以下档案暂时无法读取/);
    assert.match(note, /segments\/0001/, 'the segment holding another number of articles');
    assert.match(note, /outside/, 'the segment outside the archive');
    assert.ok(await page.locator('.archive-list .card-title').count() > 0, 'the archive itself answers');
    assert.deepEqual(outside, []);
  });
});

test('a partition on another origin answers once the site\'s Content-Security-Policy follows the manifest', async (t) => {
  const { spawnSync } = await import('node:child_process');
  const { ROOT } = await import('./harness.mjs');
  // The last partition moves to a CDN of its own; the site lists its address.
  const site = mkdtempSync(join(tmpdir(), 'kanbao-cross-origin-'));
  cpSync(federated, site, { recursive: true });
  const cdn = mkdtempSync(join(tmpdir(), 'kanbao-cdn-'));
  cpSync(join(site, 'parts', 'p3'), join(cdn, 'p3'), { recursive: true });
  rmSync(join(site, 'parts', 'p3'), { recursive: true });
  const server = await serve(cdn, 0, '127.0.0.1', { cors: true });
  servers.push(server);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const library = JSON.parse(readFileSync(join(site, 'static', 'library.json'), 'utf8'));
  library.archives[3] = { url: `${origin}/p3/archive/`, name: NAMES[3] };
  writeFileSync(join(site, 'static', 'library.json'), JSON.stringify(library));
  const base = await served(site);
  const term = titleBigrams(archiveRecords(whole))[0];
  const query = `q=${encodeURIComponent(term)}`;
  let expected;
  await withPage(t, env, async (page) => {
    expected = await search(page, await served(whole), query);
  });
  // Under the policy the build wrote, the other origin is refused and named.
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/?' + query);
    await waitForApp(page);
    await settled(page);
    assert.match(await page.locator('.archive-unavailable').textContent(), /第四段/);
  });
  const run = spawnSync('node', [join(ROOT, 'scripts', 'lib', 'csp.mjs'), site], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(readFileSync(join(site, 'index.html'), 'utf8'), new RegExp(`connect-src 'self' ${origin};`));
  await withPage(t, env, async (page) => {
    const got = await search(page, base, query);
    assert.equal(await page.locator('.archive-unavailable').count(), 0);
    assert.deepEqual(got, expected);
  });
});
