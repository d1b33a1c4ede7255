// Reading the paper as it was printed: the calendar of dates, a day's papers side by side,
// pages in order with their articles in printed order, and the articles around one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { start, withPage, waitForApp, siteWithPages, audit } from './harness.mjs';

const PAGES = [
  {
    name: 'hb-1128-1.txt', paper: '海滨日报',
    text: '2023年11月28日 星期二 第1版 要闻\n\n港口开通新航线\n\n本报讯（记者 王超）近日，港口开通至釜山的集装箱新航线。\n\n' +
      '冬储菜上市\n\n本报讯（记者 李明）冬储大白菜日前上市，价格平稳。\n',
  },
  {
    name: 'hb-1128-3.txt', paper: '海滨日报',
    text: '2023年11月28日 星期二 第3版 经济\n\n果农喜获丰收\n\n本报讯（记者 赵敏）今年苹果产量比去年高出一成。\n\n' +
      '夜市人气旺\n\n本报讯（记者 孙悦）入冬以来，城区夜市人气不减。\n',
  },
  {
    name: 'jc-1128-1.txt', paper: '江城晚报',
    text: '2023年11月28日 星期二 第1版 要闻\n\n江城迎来初雪\n\n本报讯（记者 周洋）昨夜，江城迎来今冬第一场雪。\n',
  },
  {
    name: 'hb-1201-1.txt', paper: '海滨日报',
    text: '2023年12月01日 星期五 第1版 要闻\n\n新港区开工\n\n本报讯（记者 王超）新港区一期工程昨日开工。\n',
  },
];

let env;
let site;
before(async () => {
  site = await siteWithPages(PAGES);
  env = await start(site);
});
after(async () => {
  await env?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('the calendar marks the months and days the library holds and opens a day by keyboard', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/d');
    await waitForApp(page);
    assert.equal(await page.locator('h1').textContent(), '按日期阅读');
    assert.deepEqual(await page.locator('.month a').allTextContents(), ['11月3版', '12月1版']);
    // The latest month held is shown first.
    assert.equal(await page.locator('.month-grid caption').textContent(), '2023年12月');
    await page.click('.month a:has-text("11月")');
    await page.waitForFunction(() => document.querySelector('.month-grid caption')?.textContent === '2023年11月');
    assert.equal(await page.evaluate(() => location.hash), '#/d/2023-11');
    const day = page.locator('.month-grid td.held a');
    assert.equal(await day.count(), 1);
    assert.equal(await day.getAttribute('aria-label'), '2023年11月28日，3个版面');
    await audit(page, 'calendar');
    await day.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash === '#/d/2023-11-28'
      && document.querySelector('h1')?.textContent === '2023年11月28日');
  });
});

test('a day shows its papers side by side, pages in order, a page in printed order, and deep links', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/d/2023-11-28');
    await waitForApp(page);
    await page.waitForSelector('.paper');
    assert.deepEqual(await page.locator('.paper-name').allTextContents(), ['江城晚报', '海滨日报']);
    const [a, b] = await Promise.all([0, 1].map((i) => page.locator('.paper').nth(i).boundingBox()));
    assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1, 'side by side');
    const daily = page.locator('.paper', { has: page.locator('.paper-name', { hasText: '海滨日报' }) });
    assert.deepEqual(await daily.locator('.page-tab').allTextContents(), ['第1版 要闻2篇', '第3版 经济2篇']);
    assert.deepEqual(await daily.locator('.card-title').allTextContents(), ['港口开通新航线', '冬储菜上市']);
    await audit(page, 'issue');
    await daily.locator('.next-page').click();
    await page.waitForFunction(() => location.hash === '#/d/2023-11-28/3'
      && document.querySelector('.paper:last-child .card-title')?.textContent === '果农喜获丰收');
    assert.deepEqual(await daily.locator('.card-title').allTextContents(), ['果农喜获丰收', '夜市人气旺']);
    // The deep link opens the same page; the other paper has no page 3 and shows its pages only.
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('.paper .card-title');
    assert.deepEqual(await page.locator('.card-title').allTextContents(), ['果农喜获丰收', '夜市人气旺']);
    await page.click('.next-day');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '2023年12月1日');
    assert.deepEqual(await page.locator('.card-title').allTextContents(), ['新港区开工']);
  });
});

test('an article links the articles before and after it in printed order, across pages, and its page', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/d/2023-11-28/1');
    await waitForApp(page);
    const daily = page.locator('.paper', { has: page.locator('.paper-name', { hasText: '海滨日报' }) });
    await daily.locator('.card-title a', { hasText: '冬储菜上市' }).click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('.previous-article').textContent(), '上一篇港口开通新航线');
    assert.equal(await page.locator('.next-article').textContent(), '下一篇果农喜获丰收');
    await page.click('.next-article');
    await page.waitForFunction(() => document.querySelector('#article-title')?.textContent === '果农喜获丰收');
    await page.click('.on-page');
    await page.waitForFunction(() => location.hash === '#/d/2023-11-28/3');
  });
});

test('the timeline counts the listed articles by month; a bar, a key or a drag picks a period kept in the link', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/');
    await waitForApp(page);
    await page.waitForSelector('.timeline .bar');
    const rows = await page.locator('.timeline table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows, [['2023年11月', '5'], ['2023年12月', '1']]);
    const cards = () => page.evaluate(() => document.querySelectorAll('.card').length);
    assert.equal(await cards(), 6);
    await page.click('.bar[data-period="2023-12"]');
    await page.waitForFunction(() => location.hash.includes('from=2023-12&to=2023-12'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.equal(await page.locator('.period-chosen').textContent(), '已选：2023年12月');
    assert.equal(await page.locator('.bar.in-period').getAttribute('data-period'), '2023-12');
    // The chart still shows the whole span, so another period can be picked by keyboard.
    await page.locator('.bar[data-period="2023-11"]').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('from=2023-11&to=2023-11'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 5);
    // A drag across both bars picks both months.
    const a = await page.locator('.bar[data-period="2023-11"] .bar-hit').boundingBox();
    const b = await page.locator('.bar[data-period="2023-12"] .bar-hit').boundingBox();
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => location.hash.includes('from=2023-11&to=2023-12'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 6);
    assert.equal(await page.locator('.period-chosen').textContent(), '已选：2023年11月 至 2023年12月');
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('.period-chosen');
    await page.click('.period-clear');
    await page.waitForFunction(() => !location.hash.includes('from='));
    await audit(page, 'list with timeline');
  });
});
