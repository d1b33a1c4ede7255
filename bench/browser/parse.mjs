// Parsing throughput as WebAssembly in headless Chromium: the parser built as the app ships it
// (bench/wasm-parse: in the parse worker, the parser at opt-level 3; in the page, opt-level
// "z"; LTO and wasm-opt -Oz for both), on the inputs of `cargo bench -p kanbao-parse` (the
// sample page, and ten million bytes of the fixture pages in a row). The input is prepared
// inside the wasm memory first, so the time is the parser's alone.
//
// Usage: node bench/browser/parse.mjs PKG [worker|page]   (PKG: wasm-bindgen's output for
// bench/wasm-parse, as bench/run makes it). Writes bench/results/parse-wasm.json for the
// worker's build, parse-wasm-page.json for the page's.
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const require = createRequire(join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(ROOT, 'scripts', 'lib', 'static-server.mjs'));

const PKG = resolve(process.argv[2] ?? join(ROOT, 'target', 'bench', 'wasm-parse-worker'));
const BUILD = process.argv[3] ?? 'worker';
if (!['worker', 'page'].includes(BUILD)) throw new Error(`the build is worker or page, not ${BUILD}`);
const BUILT = BUILD === 'worker'
  ? 'in the parse worker (the parser at opt-level 3, the rest "z"; LTO, wasm-opt -Oz)'
  : 'in the page (opt-level "z", LTO, wasm-opt -Oz)';
const FIXTURES = join(ROOT, 'crates', 'kanbao-parse', 'tests', 'fixtures');
const SAMPLE = 'yantai-daily-2023-11.txt';

const site = mkdtempSync(join(tmpdir(), 'kanbao-parse-bench-'));
for (const f of readdirSync(PKG)) copyFileSync(join(PKG, f), join(site, f));
const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();
for (const f of pages) copyFileSync(join(FIXTURES, f), join(site, f));
writeFileSync(join(site, 'index.html'), '<!doctype html><meta charset="utf-8"><title>parse</title>\n');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = await serve(site, 0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  const result = await page.evaluate(async ({ pages, sample }) => {
    const wasm = await import('./kanbao_bench_wasm_parse.js');
    await wasm.default();
    const read = async (f) => new Uint8Array(await (await fetch(f)).arrayBuffer());
    const files = await Promise.all(pages.map(read));
    const all = new Uint8Array(files.reduce((n, f) => n + f.length, 0));
    let at = 0;
    for (const f of files) {
      all.set(f, at);
      at += f.length;
    }
    const out = {};
    // Ten million bytes of pages: two runs to warm up, then ten timed one by one.
    const bytes = wasm.set_many_pages(all, new Uint32Array(files.map((f) => f.length)));
    wasm.parse(2);
    const runs = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      wasm.parse(1);
      runs.push(performance.now() - t);
    }
    out['10MB-of-pages'] = { bytes, runs_ms: runs };
    // The sample page: too quick to time one by one, so thirty batches of a hundred.
    const one = wasm.set_page(await read(sample));
    wasm.parse(200);
    const batches = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      wasm.parse(100);
      batches.push((performance.now() - t) / 100);
    }
    out['yantai-sample'] = { bytes: one, runs_ms: batches };
    return { out, userAgent: navigator.userAgent };
  }, { pages, sample: SAMPLE });
  const report = {
    build: BUILD,
    what: `kanbao_parse::parse_bytes compiled to wasm32 as the app ships it ${BUILT}, timed in headless Chromium with performance.now(); input prepared in the wasm memory first; median of the runs (the sample: of 30 batches of 100 parses)`,
    machine: `${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ') ?? 'unknown cpu'}, ${Math.floor(totalmem() / 2 ** 30)} GB RAM`,
    browser: result.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? result.userAgent,
    load_average_1m: Number(loadavg()[0].toFixed(2)),
  };
  for (const [name, r] of Object.entries(result.out)) {
    const ms = median(r.runs_ms);
    report[name] = { bytes: r.bytes, median_ms: Number(ms.toFixed(3)), mb_per_s: Number((r.bytes / 1e6 / (ms / 1000)).toFixed(1)), runs_ms: r.runs_ms.map((x) => Number(x.toFixed(3))) };
  }
  const file = BUILD === 'worker' ? 'parse-wasm.json' : 'parse-wasm-page.json';
  writeFileSync(join(ROOT, 'bench', 'results', file), JSON.stringify(report, null, 2) + '\n');
  console.log(`parse as wasm (${BUILD})`, JSON.stringify({ ...report, '10MB-of-pages': { ...report['10MB-of-pages'], runs_ms: undefined }, 'yantai-sample': { ...report['yantai-sample'], runs_ms: undefined } }));
} finally {
  await browser.close();
  server.close();
}
