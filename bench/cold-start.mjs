// Cold start of the app in headless Chromium: from navigation to the first article card
// on screen, over fresh browser contexts (empty cache and storage), served from loopback.
// Usage: node bench/cold-start.mjs [RUNS]   (after `trunk build --release`)
// Writes bench/results/cold-start.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { start, ROOT } from '../e2e/harness.mjs';

const runs = Number(process.argv[2] ?? 20);
const env = await start();
const samples = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('.card')) {
          window.__firstCard = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(env.base);
    await page.waitForFunction(() => window.__firstCard !== undefined);
    samples.push(await page.evaluate(() => window.__firstCard));
    await context.close();
  }
} finally {
  await env.close();
}
samples.sort((a, b) => a - b);
const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
const result = {
  what: 'navigation start to first article card, sample page, release build, loopback, cold cache',
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown cpu'}`,
  runs,
  median_ms: Number(pick(0.5).toFixed(1)),
  p95_ms: Number(pick(0.95).toFixed(1)),
  min_ms: Number(samples[0].toFixed(1)),
};
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'cold-start.json'), JSON.stringify(result, null, 2) + '\n');
console.log(result);
