// Kanbao runs under its own strict Content-Security-Policy, and the policy really holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withPage, waitForApp } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const watchViolations = (page) => page.addInitScript(() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
});

test('the app reads, searches, imports and changes settings with no policy violation', async (t) => {
  await withPage(t, env, async (page) => {
    await watchViolations(page);
    await page.goto(env.base);
    await waitForApp(page);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
    assert.match(csp, /style-src 'self'(;|$)/);
    await page.fill('#search-input', '航天港');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.click('.text-larger');
    await page.click('.theme-toggle');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '17.92px');
    await page.locator('.card-title a').click();
    await page.waitForSelector('article.reader');
    await page.goto(env.base + '#/library');
    await page.fill('#paste-text', '海港新闻\n\n本报讯(记者 王超)近日,烟台港开通新航线。\n');
    await page.click('.import-paste');
    await page.waitForSelector('.notice:has-text("已导入")');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
  });
});

test('an injected inline script is blocked', async (t) => {
  await withPage(t, env, async (page) => {
    await watchViolations(page);
    await page.goto(env.base);
    await waitForApp(page);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    assert.match((await page.evaluate(() => window.__violations)).join('\n'), /script-src/);
  });
});
