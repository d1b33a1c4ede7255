// Shared by Kanbao's browser tests: serves dist/ on loopback, launches Debian's headless
// Chromium, and saves a screenshot of any failing test under target/e2e/.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { serve } from '../scripts/lib/static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = process.env.KANBAO_DIST ?? join(ROOT, 'dist');
const SHOTS = join(ROOT, 'target', 'e2e');

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core's WCAG 2.1 A/AA and best-practice rules on the page and fails on any violation
 * (`what` names the view in the message); a view has exactly one level-one heading.
 */
export async function audit(page, what) {
  assert.equal(await page.locator('h1').count(), 1, `${what}: one h1`);
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  assert.deepEqual(result.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

/** Starts the static server and the browser once per test file. */
export async function start(dir = DIST) {
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Runs `body` with a fresh page (its own context, so storage starts empty unless `context` is
 * given); on failure saves a screenshot named after the test, then fails. `routes: true` keeps
 * the app's service worker out, so that every request passes the page's routes
 * (`page.route`), which a service worker would fetch past.
 */
export async function withPage(t, env, body, { context, routes = false } = {}) {
  const ctx = context ?? (await env.browser.newContext({ locale: 'zh-CN', serviceWorkers: routes ? 'block' : 'allow' }));
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  try {
    await body(page, errors);
  } catch (err) {
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, t.name.replace(/[^\p{L}\p{N}]+/gu, '-') + '.png');
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    err.message += `\n(screenshot: ${file})`;
    throw err;
  } finally {
    if (!context) await ctx.close();
  }
}

/** Waits until the app has loaded its library. */
export async function waitForApp(page) {
  await page.waitForSelector('main[data-status="ready"], main[data-status="failed"]', { timeout: 20000 });
}

/**
 * A copy of the built site whose deployment manifest lists `pages` ({name, text, paper, and
 * optionally corrections: a sidecar's text}) instead of the bundled sample: lets a test open
 * the app on pages of its own.
 */
export async function siteWithPages(pages) {
  const { cpSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'kanbao-site-'));
  cpSync(DIST, dir, { recursive: true });
  for (const p of pages) {
    writeFileSync(join(dir, 'static', p.name), p.text);
    if (p.corrections) writeFileSync(join(dir, 'static', p.name + '.kanbao.json'), p.corrections);
  }
  const manifest = {
    pages: pages.map((p) => ({ path: p.name, paper: p.paper, ...(p.corrections ? { corrections: p.name + '.kanbao.json' } : {}) })),
  };
  writeFileSync(join(dir, 'static', 'library.json'), JSON.stringify(manifest));
  return dir;
}

/** Runs the real CLI (the debug build `cargo test` also uses); fails unless it exits 0. */
export function kanbao(...args) {
  const run = spawnSync('cargo', ['run', '-q', '-p', 'kanbao-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run;
}

/** Every record of the loose archive `kanbao build --loose` wrote under `site`, read from disk. */
export function archiveRecords(site) {
  const dir = join(site, 'archive', 'records');
  return readdirSync(dir).sort().flatMap((f) => JSON.parse(gunzipSync(readFileSync(join(dir, f))).toString('utf8')));
}

/** The most frequent two-Han-character strings of `records`' titles, most frequent first. */
export function titleBigrams(records) {
  const counts = new Map();
  for (const r of records) {
    const title = r.title.replace(/\s+/g, '');
    for (let i = 0; i + 2 <= title.length; i++) counts.set(title.slice(i, i + 2), (counts.get(title.slice(i, i + 2)) ?? 0) + 1);
  }
  return [...counts].filter(([k]) => /^\p{Script=Han}{2}$/u.test(k)).sort((a, b) => b[1] - a[1]).map(([k]) => k);
}
