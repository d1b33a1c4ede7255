// Traditional and simplified Chinese as one: a query in either script finds the other, in the
// library and in a built archive, and the marks fall on the characters as printed. An archive
// built before the folding opens with a message that asks for it to be built again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, siteWithPages, ROOT } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

// Two pages written for this test: one printed in simplified characters, one in traditional.
const SIMPLIFIED = `2024年3月2日 星期六
第04版：两岸

台湾青年来长河创业
本报讯（记者 林小雨）近日，二十位台湾青年在长河市开设工作室，从事文创产业。
他们说，这里的政策让人安心。
`;
const TRADITIONAL = `2024年3月9日 星期六
第06版：經濟

南州髮飾工藝走向海外
本報訊（記者 王小二）南州的髮飾工藝近年發展迅速，產品銷往東南亞。
工匠們說，傳統手藝也要跟上時代。
`;

let env;
let site;
let work;
before(async () => {
  site = await siteWithPages([
    { name: 'simplified.txt', text: SIMPLIFIED, paper: '长河日报' },
    { name: 'traditional.txt', text: TRADITIONAL, paper: '南州日報' },
  ]);
  env = await start(site);
  work = mkdtempSync(join(tmpdir(), 'kanbao-scripts-'));
});
after(async () => {
  await env?.close();
  for (const dir of [site, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function search(page, base, query) {
  await page.goto(base + '#/?q=' + encodeURIComponent(query));
  await waitForApp(page);
}

for (const [query, title, marks] of [
  ['臺灣', '台湾青年来长河创业', ['台湾']],
  ['台湾青年', '台湾青年来长河创业', ['台湾青年']],
  ['发展', '南州髮飾工藝走向海外', ['發展']],
  ['头发', null, []],
  ['发饰', '南州髮飾工藝走向海外', ['髮飾']],
]) {
  test(`the library: ${query} finds ${title ?? 'nothing'} and marks ${marks.join(', ') || 'nothing'}`, async (t) => {
    await withPage(t, env, async (page) => {
      await search(page, env.base, query);
      const titles = await page.locator('.article-list .card-title').allTextContents();
      assert.deepEqual(titles, title ? [title] : []);
      if (!title) return;
      await page.locator('.article-list .card-title a').first().click();
      await page.waitForSelector('article.reader');
      const marked = await page.locator('article.reader mark').allTextContents();
      assert.ok(marked.length > 0, 'the reading view marks the match');
      assert.ok(marked.every((m) => marks.includes(m)), `marks: ${marked}`);
    });
  });
}

test('a built archive finds either script from either, and an archive of the earlier format asks to be rebuilt', async (t) => {
  const pages = join(work, 'pages');
  mkdirSync(pages);
  writeFileSync(join(pages, 'simplified.txt'), SIMPLIFIED);
  writeFileSync(join(pages, 'traditional.txt'), TRADITIONAL);
  const archived = join(work, 'site');
  cpSync(site, archived, { recursive: true });
  // A library of its own is not needed: the archive holds both pages.
  writeFileSync(join(archived, 'static', 'library.json'), JSON.stringify({ pages: [] }));
  const run = spawnSync('cargo', ['run', '-q', '-p', 'kanbao-cli', '--', 'build', pages, '-o', archived], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const server = await serve(archived, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await withPage(t, env, async (page) => {
      for (const [query, title, mark] of [['臺灣', '台湾青年来长河创业', '台湾'], ['发展', '南州髮飾工藝走向海外', '發展']]) {
        await search(page, base, query);
        await page.waitForSelector('.archive-results[aria-busy="false"] .archive-summary:has-text("档案中找到")');
        assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), [title], query);
        const marked = await page.locator('.archive-list mark').allTextContents();
        assert.ok(marked.length > 0 && marked.every((m) => m === mark), `${query}: ${marked}`);
      }
      // An archived article is collected like any other, under the id it has in its page.
      await page.locator('.archive-list .card-title a').first().click();
      await page.waitForSelector('article.reader');
      await page.click('.collect-toggle');
      await page.fill('.collect-name', '档案摘录');
      await page.click('.collect-create');
      await page.waitForSelector('.collect-toggle:has-text("已收藏")');
      await page.goto(base + '#/c');
      await page.click('.collection-name');
      await page.waitForSelector('.collected');
      assert.deepEqual(await page.locator('.collected .card-title').allTextContents(), ['南州髮飾工藝走向海外']);
      assert.match(await page.locator('.collected .card-title a').getAttribute('href'), /^#\/a\/[0-9a-f]{8}-1$/);
    });
  } finally {
    await new Promise((ok) => server.close(ok));
  }

  // The same archive as the earlier format wrote it: its keys are not folded, so it is refused
  // with a message that says what to do, and the library still lists.
  const manifestPath = join(archived, 'archive', 'index', 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  assert.equal(manifest.format, 'kanbao.archive/4');
  manifest.format = 'kanbao.archive/3';
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const older = await serve(archived, 0);
  try {
    await withPage(t, env, async (page) => {
      await page.goto(`http://127.0.0.1:${older.address().port}/`);
      await waitForApp(page);
      const notice = page.locator('.notice-error');
      await notice.waitFor();
      assert.match(await notice.textContent(), /由较早的 Kanbao 生成（kanbao\.archive\/3）.*请用当前的 kanbao build 重新生成档案/);
    });
  } finally {
    await new Promise((ok) => older.close(ok));
  }
});
