// Kanbao's own app in headless Chromium (release build in dist/, loopback static server):
//   cold start on a deployment with a built archive, beside the plain dist/ (sample only);
//   archive search as the reader does it (URL hash `#/?q=`), cold and warm, and the bytes each
//   cold search downloads (the app's own `data-fetched` counter);
//   filtered archive searches, cold (a reporter alone; search text with a kind);
//   opening a date of the archive cold (#/d/<date>): time to its page list, bytes downloaded;
//   the in-memory library after importing generated pages through the file input: wasm heap,
//   JS heap, and end-to-end import time.
// Usage: node bench/browser/app.mjs WORK [--sizes 1000,10000,60000] [--runs 10] [--queries 100]
//          [--memory-pages 1000] [--memory-runs 3] [--only cold-start,search,filters,dates,memory]
// WORK/<n>/pages is `kanbao gen --pages <n> --seed 1` and WORK/<n>/site/archive its `kanbao build`
// (what bench/run makes); sizes without them are skipped. WORK/<n>/app is made here: a copy of
// dist/ with the archive linked into it. Writes bench/results/app-*.json.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const DIST = process.env.KANBAO_DIST ?? join(ROOT, 'dist');
const RESULTS = join(ROOT, 'bench', 'results');
const require = createRequire(join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(ROOT, 'scripts', 'lib', 'static-server.mjs'));

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const WORK = resolve(argv[0] ?? join(ROOT, 'target', 'bench'));
const SIZES = opt('sizes', '1000,10000,60000').split(',').map(Number);
const RUNS = Number(opt('runs', 10));
const QUERIES = Number(opt('queries', 100));
const MEMORY_PAGES = Number(opt('memory-pages', 1000));
const MEMORY_RUNS = Number(opt('memory-runs', 3));
const ONLY = opt('only', 'cold-start,search,filters,dates,memory,packed').split(',');
// The same flags as e2e/harness.mjs.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const MACHINE = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown cpu'}, ${Math.floor(totalmem() / 2 ** 30)} GB RAM`;

if (!existsSync(join(DIST, 'index.html'))) throw new Error(`no ${DIST}/index.html: run trunk build --release first`);
mkdirSync(RESULTS, { recursive: true });

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : null;
};
const r1 = (x) => (x == null ? x : Number(x.toFixed(1)));
const ratios = (xs) => ({ p50: Number(pct(xs, 50).toFixed(3)), p95: Number(pct(xs, 95).toFixed(3)) });
const summary = (xs) => ({ p50: r1(pct(xs, 50)), p95: r1(pct(xs, 95)), min: r1(Math.min(...xs)), max: r1(Math.max(...xs)) });
// The machine is often shared: the 1-minute load average when each result is written.
const save = (name, obj) => {
  obj.load_average_1m = Number(loadavg()[0].toFixed(2));
  writeFileSync(join(RESULTS, name), JSON.stringify(obj, null, 2) + '\n');
  console.log(`wrote bench/results/${name}`);
};
function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}

/**
 * A deployment: dist/ copied, the size's archive linked in as archive/ (`site`: the loose
 * archive; `site-packed`: the packed one of the same pages).
 */
function appSite(n, built = 'site') {
  const archive = join(WORK, String(n), built, 'archive');
  if (!existsSync(join(archive, 'index', 'manifest.json'))) return null;
  const site = join(WORK, String(n), built === 'site' ? 'app' : `app-${built}`);
  rmSync(site, { recursive: true, force: true });
  cpSync(DIST, site, { recursive: true });
  symlinkSync(archive, join(site, 'archive'));
  return { site, archive };
}

/**
 * The queries of bench/prepare.mjs (every Han-only 2–4 character substring of 200 titles sampled
 * with seed 1, sorted), then `count` of them evenly spaced. Reads prepare.mjs's queries.json when
 * it is there, otherwise samples the titles itself, one record chunk at a time.
 */
function sampleQueries(n, archive, count) {
  let list;
  const prepared = join(WORK, String(n), 'cmp', 'queries.json');
  const manifest = JSON.parse(readFileSync(join(archive, 'index', 'manifest.json'), 'utf8'));
  if (existsSync(prepared) && manifest.docs <= 100_000) {
    list = JSON.parse(readFileSync(prepared, 'utf8'));
  } else {
    const dir = join(archive, 'records');
    const titles = [];
    for (const c of readdirSync(dir).filter((f) => /\.json(\.gz)?$/.test(f)).sort()) {
      const bytes = readFileSync(join(dir, c));
      for (const r of JSON.parse((c.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'))) titles.push(r.title);
    }
    let state = 1n;
    const M = (1n << 64n) - 1n;
    const next = () => {
      state = (state + 0x9e3779b97f4a7c15n) & M;
      let z = state;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
      return z ^ (z >> 31n);
    };
    const picked = new Set();
    while (picked.size < Math.min(200, titles.length)) picked.add(Number(next() % BigInt(titles.length)));
    const han = /^\p{Script=Han}+$/u;
    const set = new Set();
    for (const i of [...picked].sort((a, b) => a - b)) {
      const t = [...titles[i]];
      for (let len = 2; len <= 4; len++) {
        for (let s = 0; s + len <= t.length; s++) {
          const q = t.slice(s, s + len).join('');
          if (han.test(q)) set.add(q);
        }
      }
    }
    list = [...set].sort();
  }
  const step = Math.max(1, Math.floor(list.length / count));
  return list.filter((_, i) => i % step === 0).slice(0, count);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const servers = [];
async function serveSite(dir) {
  const server = await serve(dir, 0);
  servers.push(server);
  return `http://127.0.0.1:${server.address().port}/`;
}

/** Marks, relative to navigation start, when the first `.card` and `.archive-summary` appear. */
function markFirstPaint() {
  window.__marks = {};
  new MutationObserver((_, observer) => {
    const m = window.__marks;
    if (m.card === undefined && document.querySelector('.card')) m.card = performance.now();
    if (m.archive === undefined && document.querySelector('.archive-summary')) m.archive = performance.now();
    if (m.card !== undefined && m.archive !== undefined) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function coldStart() {
  const result = { what: 'navigation start to the first library card and to the archive summary in the DOM; release build, loopback, fresh browser context per load (empty cache and storage, service workers blocked)', machine: MACHINE, runs: RUNS, sites: {} };
  const sites = [['dist', DIST, false]];
  for (const n of [10000, ...SIZES.filter((s) => s !== 10000)]) {
    const app = appSite(n);
    if (app) {
      sites.push([`archive-${n}`, app.site, true, n]);
      break;
    }
  }
  for (const [label, dir, hasArchive, n] of sites) {
    const base = await serveSite(dir);
    const card = [], archive = [], fetched = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
      const page = await context.newPage();
      await page.addInitScript(markFirstPaint);
      await page.goto(base);
      await page.waitForFunction((a) => window.__marks.card !== undefined && (!a || window.__marks.archive !== undefined), hasArchive, { timeout: 30000 });
      const m = await page.evaluate(() => window.__marks);
      card.push(m.card);
      if (hasArchive) {
        archive.push(m.archive);
        fetched.push(Number(await page.locator('.archive-results').getAttribute('data-fetched')));
      }
      await context.close();
    }
    const r = { first_card_ms: summary(card) };
    if (hasArchive) {
      r.pages = n;
      r.archive_summary_ms = summary(archive);
      r.archive_bytes_at_start = pct(fetched, 50);
    }
    result.sites[label] = r;
    console.log('cold start', label, JSON.stringify(r));
  }
  save('app-cold-start.json', result);
}

/**
 * Waits for the archive's answer to the search now under way: resolves with the time the
 * summary says 档案中找到 (or the archive shows an error), relative to `t0`.
 */
const SEARCH = async ([ask, home]) => {
  const section = () => document.querySelector('.archive-results');
  const done = () => {
    const s = document.querySelector('.archive-summary');
    if (s && s.textContent.startsWith('档案中找到') && section().getAttribute('aria-busy') !== 'true') return 'found';
    if (document.querySelector('.archive-results .error')) return 'error';
    return null;
  };
  const idle = () => document.querySelector('.archive-summary')?.textContent.startsWith('档案中有');
  const until = (test) =>
    new Promise((ok) => {
      if (test()) return ok(performance.now());
      const o = new MutationObserver(() => {
        if (test()) {
          o.disconnect();
          ok(performance.now());
        }
      });
      o.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    });
  if (home) {
    // Back to no search, so that the next answer cannot be the previous one.
    location.hash = '#/';
    await until(idle);
  }
  const before = Number(document.querySelector('.archive-results').dataset.fetched);
  performance.setResourceTimingBufferSize(100000);
  performance.clearResourceTimings();
  const t0 = performance.now();
  location.hash = '#/?' + ask;
  // The first result on screen: its card, or (none found) the answer.
  const first = until(() => document.querySelector('.archive-list .card') || done());
  const t1 = await until(done);
  const tFirst = await first;
  const s = document.querySelector('.archive-summary');
  // What the search downloaded, by kind (resource timing: body bytes as served).
  const kind = { index: 0, card_bytes: 0, records: 0, packs: 0, requests: 0 };
  for (const e of performance.getEntriesByType('resource')) {
    if (e.startTime < t0 || e.startTime > t1) continue;
    const path = new URL(e.name).pathname;
    if (path.includes('/archive/index/')) kind.index += e.encodedBodySize;
    // A packed archive's entries and directory pages, read by Range.
    else if (path.includes('/archive/packs/')) kind.packs += e.encodedBodySize;
    else if (path.includes('/archive/cards/')) kind.card_bytes += e.encodedBodySize;
    else if (path.includes('/archive/records/')) kind.records += e.encodedBodySize;
    else continue;
    kind.requests++;
  }
  return {
    ...kind,
    ms: t1 - t0,
    first_ms: tFirst - t0,
    state: done(),
    text: s ? s.textContent : document.querySelector('.archive-results .error')?.textContent,
    cards: document.querySelectorAll('.archive-list .card').length,
    bytes: Number(document.querySelector('.archive-results').dataset.fetched) - before,
    // What the archive had read when the search began: its opening (manifest, facets, and a
    // packed archive's shard places), and earlier searches.
    at_start: before,
  };
};

/** Files under `dir`, recursively. */
function fileCount(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile()).length;
}

/**
 * The same cold searches on the loose archive and the packed archive of the same pages,
 * alternating query by query (a fresh context each): time, bytes (the app's count: entries and
 * directory pages as downloaded) and requests per query, with the files and bytes on disk.
 */
async function packedVsLoose(n) {
  const loose = appSite(n);
  const packed = appSite(n, 'site-packed');
  if (!loose || !packed) {
    console.log(`packed: no loose and packed archives at ${WORK}/${n}, skipped`);
    return;
  }
  const queries = sampleQueries(n, loose.archive, QUERIES);
  const bases = { loose: await serveSite(loose.site), packed: await serveSite(packed.site) };
  const runs = { loose: [], packed: [] };
  for (const q of queries) {
    for (const name of ['loose', 'packed']) {
      const { context, page } = await openApp(bases[name]);
      runs[name].push({ q, ...(await page.evaluate(SEARCH, ['q=' + encodeURIComponent(q), false])) });
      await context.close();
    }
  }
  const differ = runs.loose.filter((r, i) => r.text !== runs.packed[i].text).map((r) => r.q);
  const side = (name, archive) => {
    const ok = runs[name].filter((x) => x.state === 'found');
    return {
      files: fileCount(archive),
      disk_bytes: du(archive),
      failed: runs[name].length - ok.length,
      cold_query_ms: summary(ok.map((x) => x.ms)),
      cold_first_card_ms: summary(ok.map((x) => x.first_ms)),
      cold_query_bytes: summary(ok.map((x) => x.bytes)),
      cold_query_requests: summary(ok.map((x) => x.requests)),
      bytes_at_start: summary(ok.map((x) => x.at_start)),
    };
  };
  const result = {
    what: 'cold archive search (URL hash #/?q=<term> on a loaded app, a fresh context per query, until every listed card is in), the same queries on the loose and the packed archive of the same pages, alternating; bytes: growth of data-fetched (index, cards; for the packed archive also its directory pages); requests: archive files or parts fetched',
    machine: MACHINE,
    pages: n,
    queries: queries.length,
    answers_differ: differ,
    loose: side('loose', loose.archive),
    packed: side('packed', packed.archive),
    // Query by query, packed time over loose time (both found): the same query's two runs
    // side by side, which the machine's load sways less than two medians apart.
    packed_over_loose: ratios(
      runs.packed
        .map((p, i) => [p, runs.loose[i]])
        .filter(([p, l]) => p.state === 'found' && l.state === 'found' && l.ms > 0)
        .map(([p, l]) => p.ms / l.ms),
    ),
    samples: runs.loose.map((l, i) => ({
      q: l.q,
      loose_ms: r1(l.ms),
      packed_ms: r1(runs.packed[i].ms),
      loose_requests: l.requests,
      packed_requests: runs.packed[i].requests,
    })),
  };
  save(`app-packed-${n}.json`, result);
  console.log('packed', n, JSON.stringify({ loose: result.loose, packed: result.packed }));
}

/** Opens the first result: the time until its reading view shows, and the bytes it took. */
const OPEN = async () => {
  const link = document.querySelector('.archive-list .card-title a');
  if (!link) return null;
  const before = Number(document.querySelector('.archive-results').dataset.fetched);
  const t0 = performance.now();
  location.hash = new URL(link.href).hash;
  await new Promise((ok) => {
    const test = () => document.querySelector('article.reader #article-title');
    if (test()) return ok();
    const o = new MutationObserver(() => test() && (o.disconnect(), ok()));
    o.observe(document.body, { childList: true, subtree: true });
  });
  const ms = performance.now() - t0;
  // The reading view has no archive section; the client's count lives on in the app.
  history.back();
  await new Promise((ok) => {
    const test = () => document.querySelector('.archive-results');
    if (test()) return ok();
    const o = new MutationObserver(() => test() && (o.disconnect(), ok()));
    o.observe(document.body, { childList: true, subtree: true });
  });
  return { ms, bytes: Number(document.querySelector('.archive-results').dataset.fetched) - before };
};

async function openApp(base) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector('.archive-summary:has-text("档案中有")', { timeout: 60000 });
  return { context, page };
}

async function search(n) {
  const app = appSite(n);
  if (!app) {
    console.log(`search: no archive at ${WORK}/${n}, skipped`);
    return;
  }
  const queries = sampleQueries(n, app.archive, QUERIES);
  const manifest = JSON.parse(readFileSync(join(app.archive, 'index', 'manifest.json'), 'utf8'));
  const base = await serveSite(app.site);
  const cold = [];
  let atStart = 0;
  for (const q of queries) {
    const { context, page } = await openApp(base);
    atStart = Number(await page.locator('.archive-results').getAttribute('data-fetched'));
    const r = await page.evaluate(SEARCH, ['q=' + encodeURIComponent(q), false]);
    const open = r.state === 'found' ? await page.evaluate(OPEN) : null;
    cold.push({ q, ...r, open });
    await context.close();
  }
  const { context, page } = await openApp(base);
  const warm = [];
  for (const q of queries) warm.push({ q, ...(await page.evaluate(SEARCH, ['q=' + encodeURIComponent(q), true])) });
  await context.close();
  const ok = (xs) => xs.filter((x) => x.state === 'found');
  const totals = cold.map((x) => Number(x.text?.match(/档案中找到(?:至少)? (\d+)/)?.[1] ?? NaN));
  const result = {
    pages: n,
    articles: manifest.docs,
    machine: MACHINE,
    what: 'URL hash set to #/?q=<term> on a loaded app, until .archive-summary says 档案中找到 and every listed card is in (the shards of the query keys fetched and decoded, rounds of blocks until the first 20 matches, newest first, the card chunks of those 20 fetched, cards rendered); first_card: until the first card shows (each card shows as its chunk comes in); cold: a fresh browser context per query; warm: the queries one after another in one page (back to #/ between them); bytes: the growth of .archive-results[data-fetched]; open: after the cold search, the first result opened until its reading view shows (its record chunk fetched)',
    queries: queries.length,
    failed: cold.length - ok(cold).length + warm.length - ok(warm).length,
    zero_results: totals.filter((t) => t === 0).length,
    results_per_query: summary(totals.filter((t) => !Number.isNaN(t))),
    bytes_at_start: atStart,
    index_bytes: du(join(app.archive, 'index')),
    archive_bytes: du(app.archive),
    cold_query_ms: summary(ok(cold).map((x) => x.ms)),
    warm_query_ms: summary(ok(warm).map((x) => x.ms)),
    cold_first_card_ms: summary(ok(cold).map((x) => x.first_ms)),
    warm_first_card_ms: summary(ok(warm).map((x) => x.first_ms)),
    cold_query_bytes: summary(ok(cold).map((x) => x.bytes)),
    cold_query_index_bytes: summary(ok(cold).map((x) => x.index)),
    cold_query_card_bytes: summary(ok(cold).map((x) => x.card_bytes)),
    cold_query_record_bytes: summary(ok(cold).map((x) => x.records)),
    open_first_ms: summary(ok(cold).filter((x) => x.open).map((x) => x.open.ms)),
    open_first_bytes: summary(ok(cold).filter((x) => x.open).map((x) => x.open.bytes)),
    cold_query_requests: summary(ok(cold).map((x) => x.requests)),
    record_chunks: readdirSync(join(app.archive, 'records')).length,
    card_chunks: readdirSync(join(app.archive, 'cards')).length,
    cards_bytes: du(join(app.archive, 'cards')),
    warm_query_bytes: summary(ok(warm).map((x) => x.bytes)),
    samples: cold.map((x, i) => ({ q: x.q, total: totals[i], cold_ms: r1(x.ms), bytes: x.bytes, index_bytes: x.index, card_bytes: x.card_bytes, record_bytes: x.records, open_ms: r1(x.open?.ms), open_bytes: x.open?.bytes, requests: x.requests, first_ms: r1(x.first_ms), warm_ms: r1(warm[i].ms), ...(x.state === 'found' ? {} : { error: x.text }) })),
  };
  const { samples, ...brief } = result;
  console.log('search', JSON.stringify(brief));
  save(`app-search-${n}.json`, result);
}

/**
 * Filtered archive searches, cold (a fresh context each): a reporter alone (20 of the listed
 * values, spread from the most to the least common), and search text with the most common kind
 * (20 of the sampled queries), each until the first 20 matches' cards are on screen.
 */
async function filters(n) {
  const app = appSite(n);
  if (!app || !existsSync(join(app.archive, 'facets.json.gz'))) {
    console.log(`filters: no archive with facets at ${WORK}/${n}, skipped`);
    return;
  }
  const facets = JSON.parse(gunzipSync(readFileSync(join(app.archive, 'facets.json.gz'))).toString('utf8'));
  const reporters = facets.facets.reporter.values;
  const step = Math.max(1, Math.floor(reporters.length / 20));
  const kind = facets.facets.kind.values[0].value;
  const asks = [
    ...reporters.filter((_, i) => i % step === 0).slice(0, 20).map((v) => ({ mode: 'reporter', ask: 'reporter=' + encodeURIComponent(v.value), expect: v.count })),
    ...sampleQueries(n, app.archive, 20).map((q) => ({ mode: 'text+kind', ask: `q=${encodeURIComponent(q)}&kind=${kind}` })),
  ];
  const base = await serveSite(app.site);
  const runs = [];
  let atStart = 0;
  for (const a of asks) {
    const { context, page } = await openApp(base);
    atStart = Number(await page.locator('.archive-results').getAttribute('data-fetched'));
    const r = await page.evaluate(SEARCH, [a.ask, false]);
    const total = Number(r.text?.match(/档案中找到(?:至少)? (\d+)/)?.[1] ?? NaN);
    runs.push({ ...a, total, ms: r1(r.ms), first_ms: r1(r.first_ms), bytes: r.bytes, index: r.index, card_bytes: r.card_bytes, requests: r.requests, state: r.state });
    await context.close();
  }
  const of = (mode) => runs.filter((r) => r.mode === mode && r.state === 'found');
  const result = {
    pages: n,
    machine: MACHINE,
    what: 'cold (fresh context per search, on a loaded app): URL hash set to #/?reporter=<value> (20 listed reporters, most to least common) or #/?q=<term>&kind=<most common kind> (20 sampled queries), until the archive summary says 档案中找到 and the listed cards are in; bytes: growth of data-fetched (index, cards); at_start: what the app read of the archive before the search (manifest and facets.json)',
    bytes_at_start: atStart,
    facets_file_bytes: statSync(join(app.archive, 'facets.json.gz')).size,
    failed: runs.filter((r) => r.state !== 'found').length,
    reporter_exact: of('reporter').filter((r) => r.total === r.expect || r.total >= 20).length,
    reporter_ms: summary(of('reporter').map((r) => r.ms)),
    reporter_bytes: summary(of('reporter').map((r) => r.bytes)),
    reporter_requests: summary(of('reporter').map((r) => r.requests)),
    text_kind_ms: summary(of('text+kind').map((r) => r.ms)),
    text_kind_bytes: summary(of('text+kind').map((r) => r.bytes)),
    text_kind_requests: summary(of('text+kind').map((r) => r.requests)),
    samples: runs,
  };
  const { samples, ...brief } = result;
  console.log('filters', JSON.stringify(brief));
  save(`app-filters-${n}.json`, result);
}

/** Marks, relative to navigation start, when the archive's page list and its first card appear. */
function markIssue() {
  window.__marks = {};
  new MutationObserver((_, observer) => {
    const m = window.__marks;
    const paper = [...document.querySelectorAll('.paper')].find((p) => p.querySelector('.paper-name')?.textContent === '档案');
    if (m.tabs === undefined && paper?.querySelector('.page-tab')) m.tabs = performance.now();
    if (m.card === undefined && paper?.querySelector('.card')) m.card = performance.now();
    if (m.tabs !== undefined && m.card !== undefined) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * Opening a date of the archive cold (`#/d/<date>`, a fresh context per date): the time to the
 * page list and to the first page's cards, and what it downloaded from the archive.
 */
async function dates(n) {
  const app = appSite(n);
  if (!app) {
    console.log(`dates: no archive at ${WORK}/${n}, skipped`);
    return;
  }
  const calendar = JSON.parse(gunzipSync(readFileSync(join(app.archive, 'calendar', 'index.json.gz'))).toString('utf8'));
  const all = [];
  for (const m of calendar.months) {
    const month = JSON.parse(gunzipSync(readFileSync(join(app.archive, 'calendar', `${m.month}.json.gz`))).toString('utf8'));
    all.push(...month.days.map((d) => d.date));
  }
  const step = Math.max(1, Math.floor(all.length / RUNS));
  const picked = all.filter((_, i) => i % step === 0).slice(0, RUNS);
  const base = await serveSite(app.site);
  const runs = [];
  for (const date of picked) {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(markIssue);
    await page.goto(base + `#/d/${date}`);
    await page.waitForFunction(() => window.__marks.tabs !== undefined && window.__marks.card !== undefined, null, { timeout: 30000 });
    const m = await page.evaluate(() => window.__marks);
    const fetched = await page.evaluate(() => {
      const out = { bytes: 0, requests: 0, calendar_bytes: 0, card_bytes: 0, manifest_bytes: 0 };
      for (const e of performance.getEntriesByType('resource')) {
        const path = new URL(e.name).pathname;
        if (!path.includes('/archive/')) continue;
        out.bytes += e.encodedBodySize;
        out.requests++;
        if (path.includes('/archive/calendar/')) out.calendar_bytes += e.encodedBodySize;
        else if (path.includes('/archive/cards/')) out.card_bytes += e.encodedBodySize;
        else if (path.endsWith('/manifest.json')) out.manifest_bytes += e.encodedBodySize;
      }
      return out;
    });
    const tabs = await page.locator('.paper:has(.paper-name:text-is("档案")) .page-tab').count();
    await context.close();
    // The same date opened from a started app (its archive open, no date read yet).
    const warmContext = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
    const warm = await warmContext.newPage();
    await warm.goto(base);
    await warm.waitForSelector('.archive-summary:has-text("档案中有")', { timeout: 60000 });
    const inApp = await warm.evaluate((d) => new Promise((ok) => {
      const t0 = performance.now();
      const test = () => [...document.querySelectorAll('.paper')].some((p) => p.querySelector('.paper-name')?.textContent === '档案' && p.querySelector('.page-tab'));
      const o = new MutationObserver(() => test() && (o.disconnect(), ok(performance.now() - t0)));
      o.observe(document.body, { childList: true, subtree: true });
      location.hash = `#/d/${d}`;
    }), date);
    await warmContext.close();
    runs.push({ date, page_list_ms: r1(m.tabs), first_card_ms: r1(m.card), in_app_page_list_ms: r1(inApp), pages: tabs, ...fetched });
  }
  const result = {
    pages: n,
    dates: all.length,
    machine: MACHINE,
    what: 'a fresh browser context per date (empty cache, service workers blocked) navigated to #/d/<date>, dates spread evenly over the archive: navigation start until the archive paper\'s page list is in the DOM (the app started, the manifest, the calendar and the month\'s file fetched) and until its first page\'s cards are; in_app: the same date opened in a started app (#/ loaded, its archive open, no date read yet) by setting the hash, until the page list shows; bytes: every archive file downloaded, as served (gzip), by resource timing',
    runs: runs.length,
    page_list_ms: summary(runs.map((r) => r.page_list_ms)),
    first_card_ms: summary(runs.map((r) => r.first_card_ms)),
    in_app_page_list_ms: summary(runs.map((r) => r.in_app_page_list_ms)),
    bytes: summary(runs.map((r) => r.bytes)),
    calendar_bytes: summary(runs.map((r) => r.calendar_bytes)),
    card_bytes: summary(runs.map((r) => r.card_bytes)),
    requests: summary(runs.map((r) => r.requests)),
    calendar_files_bytes: du(join(app.archive, 'calendar')),
    samples: runs,
  };
  const { samples, ...brief } = result;
  console.log('dates', JSON.stringify(brief));
  save(`app-dates-${n}.json`, result);
}

/** Records the wasm exports (its memory) and when the import's file input changes. */
function watchApp() {
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail.wasm;
  });
  addEventListener('change', (e) => {
    if (e.target?.id === 'import-files') window.__picked = performance.now();
  }, true);
}

async function memory() {
  const pagesDir = join(WORK, String(MEMORY_PAGES), 'pages');
  if (!existsSync(pagesDir)) {
    console.log(`memory: no ${pagesDir}, skipped`);
    return;
  }
  const files = readdirSync(pagesDir, { recursive: true })
    .map((f) => join(pagesDir, f))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const base = await serveSite(DIST);
  const runs = [];
  for (let i = 0; i < MEMORY_RUNS; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
    const page = await context.newPage();
    await page.addInitScript(watchApp);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heaps = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const usage = await cdp.send('Runtime.getHeapUsage');
      return {
        wasm_memory_bytes: await page.evaluate(() => window.__wasm.memory.buffer.byteLength),
        js_heap_used_bytes: metrics.JSHeapUsedSize,
        js_heap_total_bytes: metrics.JSHeapTotalSize,
        runtime_heap_usage: usage,
        dom_nodes: metrics.Nodes,
      };
    };
    await page.goto(base + '#/library');
    await page.waitForSelector('main[data-status="ready"]', { timeout: 30000 });
    await page.waitForFunction(() => window.__wasm !== undefined);
    const before = await heaps();
    const t0 = Date.now();
    await page.setInputFiles('#import-files', files);
    await page.waitForSelector('.notice:has-text("已导入")', { timeout: 600000 });
    const wall = Date.now() - t0;
    const notice = (await page.locator('.notice:has-text("已导入")').first().textContent()).replace(/[×\s]+$/, '');
    const inPage = await page.evaluate(() => performance.now() - window.__picked);
    const after = await heaps();
    const m = notice.match(/已导入 (\d+) 个版面（(\d+) 篇文章）/);
    const run = {
      notice,
      pages: m ? Number(m[1]) : null,
      articles: m ? Number(m[2]) : null,
      import_ms_wall: wall,
      import_ms_in_page: r1(inPage),
      before,
      after,
    };
    // The list with every imported page (library search UI over the whole library).
    const t2 = Date.now();
    await page.goto(base + '#/');
    await page.waitForSelector('.card');
    run.list_after_import_ms = Date.now() - t2;
    console.log('memory run', i, JSON.stringify({ ...run, before: undefined, after: undefined, wasm: after.wasm_memory_bytes, js: after.js_heap_used_bytes }));
    runs.push(run);
    await context.close();
  }
  const mid = (f) => pct(runs.map(f), 50);
  const importMs = mid((r) => r.import_ms_in_page);
  save(`app-memory-${MEMORY_PAGES}.json`, {
    machine: MACHINE,
    what: 'kanbao gen pages imported through #import-files (setInputFiles with the file paths) on #/library of the plain dist/, until the notice 已导入; the parse worker (wasm) parses each file, the app stores the pages in IndexedDB and holds the library in its wasm heap. Import time in page: from the input\'s change event to the notice; wall: from setInputFiles to the notice seen by playwright. Heaps after a forced GC, main thread only (the worker\'s heap is not included); the wasm heap is the linear memory\'s size, which only grows.',
    files: files.length,
    bytes,
    runs: runs.length,
    pages: runs[0].pages,
    articles: runs[0].articles,
    import_ms: importMs,
    import_ms_wall: mid((r) => r.import_ms_wall),
    import_mb_per_s: Number((bytes / 1e6 / (importMs / 1000)).toFixed(2)),
    wasm_memory_bytes_before: mid((r) => r.before.wasm_memory_bytes),
    wasm_memory_bytes_after: mid((r) => r.after.wasm_memory_bytes),
    js_heap_used_bytes_before: mid((r) => r.before.js_heap_used_bytes),
    js_heap_used_bytes_after: mid((r) => r.after.js_heap_used_bytes),
    samples: runs,
  });
}

/** What the measured build downloads: its wasm and JS, raw and gzip -9 (as scripts/test). */
function sizes() {
  const files = {};
  for (const f of readdirSync(DIST).filter((f) => /\.(wasm|js)$/.test(f)).sort()) {
    const raw = readFileSync(join(DIST, f));
    files[f] = { raw: raw.length, gzip: execFileSync('gzip', ['-9c', join(DIST, f)], { maxBuffer: 1 << 30 }).length };
  }
  const pick = (re) => Object.entries(files).filter(([f]) => re.test(f)).reduce((n, [, v]) => n + v.gzip, 0);
  save('app-size.json', {
    what: 'the release build in dist/ that was measured: each wasm and JS file, raw and gzip -9',
    app_wasm_gzip: pick(/^kanbao-web-.*\.wasm$/),
    app_js_gzip: pick(/^kanbao-web-.*\.js$/),
    worker_gzip: pick(/^kanbao-worker/),
    files,
  });
}

try {
  sizes();
  if (ONLY.includes('search')) for (const n of SIZES) await search(n);
  if (ONLY.includes('filters')) for (const n of SIZES) await filters(n);
  if (ONLY.includes('dates')) for (const n of SIZES) await dates(n);
  if (ONLY.includes('packed')) for (const n of SIZES) await packedVsLoose(n);
  if (ONLY.includes('cold-start')) await coldStart();
  if (ONLY.includes('memory')) await memory();
} finally {
  await browser.close();
  for (const s of servers) await new Promise((ok) => s.close(ok));
}
