// Turns a built Kanbao archive into what the other engines index, and samples the queries.
// Usage: node bench/prepare.mjs SITE OUT [TITLES=200] [SEED=1]
//   OUT/html/a/NNNNNN.html  one page per article (Pagefind indexes these)
//   OUT/minisearch.json     a MiniSearch index of the same articles (Intl.Segmenter words)
//   OUT/queries.json        every Han-only 2–4 character substring of TITLES sampled titles
//   OUT/truth.json          for each query, the articles containing it (brute-force scan)
// Past 100,000 articles (the 60,000-page corpus) only Kanbao is measured: no HTML or MiniSearch
// index is written, and every ninth query is kept, so that the brute-force scan stays minutes.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS } from './browser/tokenize.mjs';

const [site, out, titles = '200', seed = '1'] = process.argv.slice(2);
const dir = join(site, 'archive', 'records');
const chunks = readdirSync(dir)
  .filter((f) => f.endsWith('.json') || f.endsWith('.json.gz'))
  .sort();
const manifest = JSON.parse(readFileSync(join(site, 'archive', 'index', 'manifest.json'), 'utf8'));

/** The searchable fields of a record, as Kanbao maps an article. */
function fields(r) {
  const b = r.byline;
  return [
    r.title,
    r.kicker,
    r.subtitle,
    r.column,
    ...b.reporters,
    ...b.correspondents,
    ...b.photographers,
    ...b.authors,
    ...b.raw,
    r.dateline,
    r.lead,
    ...r.blocks.map((x) => x.text),
  ].filter((t) => t);
}

const BIG = manifest.docs > 100_000;
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
mkdirSync(join(out, 'html', 'a'), { recursive: true });
const docs = [];
const titleList = [];
// Each article's fields, whitespace removed, joined by a character no query holds.
const squash = [];
/** A stored file's content: gzipped files (`kanbao build` stores them so) are decompressed. */
const read = (path) => (path.endsWith('.gz') ? gunzipSync(readFileSync(path)) : readFileSync(path)).toString('utf8');
for (const r of chunks.flatMap((c) => JSON.parse(read(join(dir, c))))) {
  const f = fields(r);
  titleList.push(r.title);
  squash.push(f.map((t) => t.replace(/\s+/g, '')).join('\u0001'));
  if (BIG) continue;
  docs.push({ id: r.doc, text: f.join('\n') });
  const name = String(r.doc).padStart(6, '0');
  const body = f.slice(1).map((t) => `<p>${esc(t)}</p>`).join('\n');
  writeFileSync(
    join(out, 'html', 'a', `${name}.html`),
    `<!doctype html><html lang="zh-cn"><head><meta charset="utf-8"><title>${esc(r.title)}</title></head>` +
      `<body><main data-pagefind-body><h1>${esc(r.title)}</h1>\n${body}</main></body></html>\n`,
  );
}

if (!BIG) {
const mini = new MiniSearch(MINISEARCH_OPTIONS);
mini.addAll(docs);
writeFileSync(join(out, 'minisearch.json'), JSON.stringify(mini));
}

// SplitMix64 over BigInt: the same sample for the same seed.
let state = BigInt(seed);
const M = (1n << 64n) - 1n;
function next() {
  state = (state + 0x9e3779b97f4a7c15n) & M;
  let z = state;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
  return z ^ (z >> 31n);
}
const han = /^\p{Script=Han}+$/u;
const queries = new Set();
const n = Math.min(Number(titles), titleList.length);
const picked = new Set();
while (picked.size < n) picked.add(Number(next() % BigInt(titleList.length)));
for (const i of [...picked].sort((a, b) => a - b)) {
  const t = [...titleList[i]];
  for (let len = 2; len <= 4; len++) {
    for (let s = 0; s + len <= t.length; s++) {
      const q = t.slice(s, s + len).join('');
      if (han.test(q)) queries.add(q);
    }
  }
}
const list = [...queries].sort().filter((_, i) => !BIG || i % 9 === 0);
const truth = list.map((q) => squash.flatMap((t, id) => (t.includes(q) ? [id] : [])));
writeFileSync(join(out, 'queries.json'), JSON.stringify(list));
writeFileSync(join(out, 'truth.json'), JSON.stringify(truth));
console.log(`${titleList.length} articles, ${list.length} queries from ${n} titles`);
