// `kanbao bundle`: the built app and its pages as one HTML file, opened straight from disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, withPage, waitForApp, ROOT, DIST } from './harness.mjs';

const OUT = join(ROOT, 'target', 'e2e');
const SAMPLE_TITLES = [
  '“合纵连横”走在前 “港城标兵”作表率',
  '烟台自然博物馆获评 国家自然资源科普基地',
  '58.44万粒“三无”减肥产品 夹藏进境被海关查获',
  '千名航天人奋战百亿级产业集群',
];

/** Runs the real CLI (the debug build `cargo test` also uses) and returns the bundle's path. */
function bundle(name, ...args) {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, name);
  const run = spawnSync(
    'cargo', ['run', '-q', '-p', 'kanbao-cli', '--', 'bundle', '--dist', DIST, '-o', file, ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /wrote .* \(\d+\.\d MB, \d+ pages?\)/);
  return file;
}

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const titles = (page) => page.locator('.card-title').allTextContents();

/** Opens a bundle from disk, noting every request that leaves the file. */
async function open(page, file) {
  const requests = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  await waitForApp(page);
  return requests;
}

test('a bundle of the deployment opens from disk with its pages, and searches', async (t) => {
  const file = bundle('kanbao.html');
  const html = readFileSync(file, 'utf8');
  // Nothing outside the file: every src and href is a data URL (or an in-page link).
  const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]);
  assert.deepEqual(refs.filter((r) => !r.startsWith('data:') && !r.startsWith('#')), []);
  assert.doesNotMatch(html, /rel="(?:modulepreload|preload|manifest)"|sw\.js|Content-Security-Policy/);
  assert.doesNotMatch(html, /file:\/\/）运行/, 'the hint that the app cannot run from disk is gone');

  await withPage(t, env, async (page, errors) => {
    const requests = await open(page, file);
    assert.equal(await page.locator('main').getAttribute('data-status'), 'ready');
    assert.deepEqual((await titles(page)).sort(), [...SAMPLE_TITLES].sort());
    await page.fill('#search-input', '航天港');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.deepEqual(await titles(page), ['千名航天人奋战百亿级产业集群']);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null);
    assert.deepEqual(requests, []);
    assert.deepEqual(errors, []);
  });
});

test('a bundle of a GB18030 page shows its text, and markup in the text stays text', async (t) => {
  const file = bundle('kanbao-gb18030.html', '--paper', '烟台日报', join(ROOT, 'e2e', 'fixtures', 'gb18030-port.txt'));
  await withPage(t, env, async (page, errors) => {
    await open(page, file);
    assert.deepEqual(await titles(page), ['烟台港开通至釜山集装箱新航线']);
    await page.fill('#search-input', '釜山');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    const body = await page.locator('article.reader').textContent();
    assert.match(body, /每周一班/);
    assert.match(body, /<\/script><script>window\.kanbaoInjected = 1<\/script>/);
    assert.equal(await page.evaluate(() => window.kanbaoInjected), undefined);
    assert.deepEqual(errors, []);
  });
});

test('a bundle carries the corrections beside its pages, and opens from disk corrected', async (t) => {
  // A page with a report the parser runs into the one before, and a curator's split of it.
  const text = readFileSync(join(ROOT, 'e2e', 'fixtures', 'misread-page.txt'), 'utf8');
  const dir = join(OUT, 'bundle-corrected');
  mkdirSync(dir, { recursive: true });
  const page = join(dir, 'A03.txt');
  writeFileSync(page, text);
  const at = Buffer.from(text).indexOf(Buffer.from('城东公园开放'));
  writeFileSync(page + '.kanbao.json', JSON.stringify({
    format: 'kanbao.corrections/1',
    source: { name: 'A03.txt', bytes: Buffer.byteLength(text), hash: '0000000000000000' },
    edits: [{ edit: 'split', line: { span: [at, at + Buffer.byteLength('城东公园开放')], text: '城东公园开放' } }],
  }));
  const file = bundle('kanbao-corrected.html', page);
  await withPage(t, env, async (p, errors) => {
    await open(p, file);
    assert.deepEqual(await titles(p), ['港口新航线开通', '城东公园开放', '集中攻坚背街小巷']);
    assert.equal(await p.locator('.card .badge.corrected').count(), 3);
    assert.deepEqual(errors, []);
  });
});
