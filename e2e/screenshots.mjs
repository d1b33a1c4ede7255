// Regenerates the README's screenshots from the release build: node e2e/screenshots.mjs
import { join } from 'node:path';
import { start, waitForApp, ROOT } from './harness.mjs';

const env = await start();
try {
  const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 820 } });
  const page = await context.newPage();
  await page.goto(env.base + '#/?q=' + encodeURIComponent('港城'));
  await waitForApp(page);
  await page.screenshot({ path: join(ROOT, 'docs', 'list.png') });
  await page.locator('.card-title a').first().click();
  await page.waitForSelector('article.reader');
  await page.screenshot({ path: join(ROOT, 'docs', 'reader.png') });
  await context.close();
} finally {
  await env.close();
}
