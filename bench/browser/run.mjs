// Pagefind and MiniSearch in headless Chromium on a prepared corpus (bench/prepare.mjs):
// latency per query, bytes fetched per cold query, index size, recall and precision.
// Usage: node bench/browser/run.mjs OUT LABEL RESULT.json [--recall]
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const require = createRequire(join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(ROOT, 'scripts', 'lib', 'static-server.mjs'));

const [out, label, result] = process.argv.slice(2);
const withRecall = process.argv.includes('--recall');
const COLD = 60;

copyFileSync(join(HERE, '..', 'node_modules', 'minisearch', 'dist', 'es', 'index.js'), join(out, 'minisearch.js'));
copyFileSync(join(HERE, 'tokenize.mjs'), join(out, 'tokenize.mjs'));
writeFileSync(join(out, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title>\n');
const queries = JSON.parse(readFileSync(join(out, 'queries.json'), 'utf8'));
const truth = withRecall ? JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) : null;

function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n += e.isDirectory() ? du(p) : statSync(p).size;
  }
  return n;
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
/** Every `step`-th query: the cold sample. */
const sample = queries.filter((_, i) => i % Math.max(1, Math.floor(queries.length / COLD)) === 0).slice(0, COLD);

const server = await serve(out, 0);
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** A fresh page with an empty cache that counts the bytes of every response. */
async function fresh() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('response', async (r) => {
    const len = Number((await r.allHeaders())['content-length'] ?? 0);
    fetched.push({ url: r.url().slice(base.length), bytes: len });
  });
  await page.goto(base);
  return { context, page, fetched };
}
const sum = (xs) => xs.reduce((a, x) => a + x.bytes, 0);

const ENGINES = {
  pagefind: {
    init: `window.pf = await import('/html/pagefind/pagefind.js'); await pf.options({}); await pf.init();`,
    search: `const r = await pf.search(q); return r.results.map((x) => x.id);`,
  },
  minisearch: {
    init: `const { default: MiniSearch } = await import('/minisearch.js'); const { MINISEARCH_OPTIONS } = await import('/tokenize.mjs');
           window.ms = MiniSearch.loadJSON(await (await fetch('/minisearch.json')).text(), MINISEARCH_OPTIONS);`,
    search: `return ms.search(q).map((x) => x.id);`,
  },
};

const report = { label, queries: queries.length, cold_sample: sample.length, engines: {} };
for (const [name, e] of Object.entries(ENGINES)) {
  const r = {};
  // Cold: a fresh context per query; init, then one search; bytes split into one-time and query.
  const coldMs = [], queryBytes = [], initBytes = [], initMs = [];
  for (const q of sample) {
    const { context, page, fetched } = await fresh();
    const t0 = await page.evaluate(`(async () => { const t = performance.now(); ${e.init}; return performance.now() - t; })()`);
    await page.waitForTimeout(20);
    const before = sum(fetched);
    const ms = await page.evaluate(
      `(async (q) => { const t = performance.now(); await (async () => { ${e.search} })(); return performance.now() - t; })(${JSON.stringify(q)})`,
    );
    await page.waitForTimeout(20);
    initMs.push(t0);
    initBytes.push(before);
    coldMs.push(ms);
    queryBytes.push(sum(fetched) - before);
    await context.close();
  }
  r.init_ms_p50 = pct(initMs, 50);
  r.init_bytes = pct(initBytes, 50);
  r.cold_query_ms = { p50: pct(coldMs, 50), p95: pct(coldMs, 95) };
  r.cold_query_bytes = { p50: pct(queryBytes, 50), p95: pct(queryBytes, 95), max: Math.max(...queryBytes) };
  // Warm: every query in one page, one after another.
  const { context, page } = await fresh();
  await page.evaluate(`(async () => { ${e.init} })()`);
  const warm = await page.evaluate(
    `(async (qs) => { const times = [], hits = []; for (const q of qs) { const t = performance.now();
       const ids = await (async () => { ${e.search} })(); times.push(performance.now() - t); hits.push(ids); }
       return { times, hits }; })(${JSON.stringify(queries)})`,
  );
  r.warm_query_ms = { p50: pct(warm.times, 50), p95: pct(warm.times, 95) };
  if (truth) {
    let hits = warm.hits;
    if (name === 'pagefind') {
      // Result ids are fragment hashes: read each fragment once to learn its article.
      const ids = [...new Set(hits.flat())];
      const urls = await page.evaluate(
        `(async (ids) => { const m = {}; for (const id of ids) {
           const b = await (await fetch('/html/pagefind/fragment/' + id + '.pf_fragment')).arrayBuffer();
           const text = await new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
           m[id] = JSON.parse(text.slice(text.indexOf('{'))).url; } return m; })(${JSON.stringify(ids)})`,
      );
      hits = hits.map((got) => got.map((id) => Number(urls[id].match(/(\d+)\.html/)[1])));
    }
    let tp = 0, fp = 0, fn = 0, exact = 0;
    hits.forEach((got, i) => {
      const want = new Set(truth[i]);
      const g = new Set(got);
      let t = 0;
      for (const id of g) (want.has(id) ? t++ : fp++);
      tp += t;
      fn += want.size - t;
      if (t === want.size && g.size === want.size) exact++;
    });
    r.precision = tp / Math.max(1, tp + fp);
    r.recall = tp / Math.max(1, tp + fn);
    r.queries_exact = exact / hits.length;
  }
  await context.close();
  if (name === 'pagefind') {
    const idx = du(join(out, 'html', 'pagefind', 'index'));
    r.index_bytes = idx;
    r.fragment_bytes = du(join(out, 'html', 'pagefind', 'fragment'));
    r.note = 'index_bytes: pagefind/index (gzip-compressed chunks); fragments hold the result text, fetched per shown result';
  } else {
    const raw = readFileSync(join(out, 'minisearch.json'));
    r.index_bytes = raw.length;
    r.index_gzip_bytes = gzipSync(raw).length;
    r.note = 'the whole index is one JSON file, downloaded before the first query';
  }
  report.engines[name] = r;
  console.log(name, JSON.stringify(r));
}
await browser.close();
await new Promise((ok) => server.close(ok));
writeFileSync(result, JSON.stringify(report, null, 2) + '\n');
