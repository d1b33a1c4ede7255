// Regenerates the README's screenshots from the release build: node e2e/screenshots.mjs
// The list and the reading view show the bundled sample; the calendar, a day's issue and the
// timeline show a few made-up dated pages of two papers.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, waitForApp, siteWithPages, kanbao, ROOT, DIST } from './harness.mjs';

/** A made-up page: its header, then each [title, reporter, text] as a report. */
function page(date, number, section, reports) {
  const [y, m, d] = date.split('-').map(Number);
  const head = `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日 第${number}版 ${section}\n\n`;
  return head + reports.map(([title, reporter, text]) => `${title}\n\n本报讯（记者 ${reporter}）${text}\n`).join('\n');
}

const PAGES = [
  ['hb', '海滨日报', '2023-09-12', 1, '要闻', [['渔港迎来开海季', '王超', '九月一到，渔船陆续出海，码头一派繁忙。'], ['新建公园向市民开放', '李明', '城东新建的滨海公园昨日开放。']]],
  ['hb', '海滨日报', '2023-10-08', 1, '要闻', [['长假过后车流平稳', '赵敏', '节后第一天，各主要道路通行顺畅。']]],
  ['hb', '海滨日报', '2023-11-28', 1, '要闻', [['港口开通新航线', '王超', '近日，港口开通至釜山的集装箱新航线。'], ['冬储菜上市', '李明', '冬储大白菜日前上市，价格平稳。']]],
  ['hb', '海滨日报', '2023-11-28', 3, '经济', [['果农喜获丰收', '赵敏', '今年苹果产量比去年高出一成。'], ['夜市人气旺', '孙悦', '入冬以来，城区夜市人气不减。'], ['冷链物流园开工', '王超', '冷链物流园一期工程开工建设。']]],
  ['jc', '江城晚报', '2023-11-28', 1, '要闻', [['江城迎来初雪', '周洋', '昨夜，江城迎来今冬第一场雪。'], ['地铁三号线试运行', '吴越', '地铁三号线今起试运行。']]],
  ['jc', '江城晚报', '2023-11-28', 2, '城事', [['老街改造完工', '郑蕾', '历时半年，老街改造全面完工。']]],
  ['hb', '海滨日报', '2023-12-01', 1, '要闻', [['新港区开工', '王超', '新港区一期工程昨日开工。']]],
  ['hb', '海滨日报', '2024-01-15', 1, '要闻', [['港口吞吐量创新高', '李明', '去年港口货物吞吐量创历史新高。'], ['冬泳爱好者迎寒而上', '孙悦', '海滨浴场，冬泳爱好者迎寒下水。']]],
].map(([p, paper, date, number, section, reports]) => ({
  name: `${p}-${date}-${number}.txt`, paper, text: page(date, number, section, reports),
}));

// A page with two of a parser's usual mistakes, for the edit mode: a report without a credit
// run into the one before it, and a headline's title and subtitle read as kicker and title.
const MISREAD = {
  name: 'hb-2024-06-03-3.txt', paper: '海滨日报',
  text: readFileSync(new URL('./fixtures/misread-page.txt', import.meta.url), 'utf8'),
};

const dated = await siteWithPages(PAGES);
const misread = await siteWithPages([MISREAD]);
const editEnv = await start(misread);
const env = await start();
const datedEnv = await start(dated);
// An archive of generated pages beside the app, for the archive's filters.
const archived = mkdtempSync(join(tmpdir(), 'kanbao-shots-'));
cpSync(DIST, join(archived, 'site'), { recursive: true });
kanbao('gen', '--pages', '300', '--seed', '7', '-o', join(archived, 'pages'));
kanbao('build', join(archived, 'pages'), '-o', join(archived, 'site'));
const archiveEnv = await start(join(archived, 'site'));
try {
  const shoot = async (e, hash, file, ready) => {
    const context = await e.browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 820 } });
    const p = await context.newPage();
    await p.goto(e.base + hash);
    await waitForApp(p);
    await ready(p);
    await p.screenshot({ path: join(ROOT, 'docs', file) });
    return { context, p };
  };
  let { context, p } = await shoot(env, '#/?q=' + encodeURIComponent('港城'), 'list.png', async () => {});
  await p.locator('.card-title a').first().click();
  await p.waitForSelector('article.reader');
  await p.screenshot({ path: join(ROOT, 'docs', 'reader.png') });
  await context.close();
  for (const [hash, file, selector] of [
    ['#/d/2023-11', 'calendar.png', '.month-grid'],
    ['#/d/2023-11-28/1', 'issue.png', '.paper .card'],
    ['#/', 'timeline.png', '.timeline'],
  ]) {
    ({ context } = await shoot(datedEnv, hash, file, (page) => page.waitForSelector(selector)));
    await context.close();
  }
  // The edit mode, after the first correction: the misread heading split off as an article.
  ({ context, p } = await shoot(editEnv, '#/d/2024-06-03/03', 'edit.png', async (page) => {
    await page.locator('.paper .card-title a', { hasText: '集中攻坚背街小巷' }).click();
    await page.waitForSelector('article.reader');
    await page.click('.toggle-edit');
    await page.waitForSelector('.edit-mode');
  }));
  await context.close();
  ({ context } = await shoot(archiveEnv, '#/?q=' + encodeURIComponent('建设') + '&kind=news&sort=oldest', 'archive-filters.png',
    (page) => page.waitForSelector('.archive-results[aria-busy="false"] .archive-summary:has-text("档案中找到")')));
  await context.close();
} finally {
  await env.close();
  await datedEnv.close();
  await archiveEnv.close();
  await editEnv.close();
  rmSync(misread, { recursive: true, force: true });
  rmSync(dated, { recursive: true, force: true });
  rmSync(archived, { recursive: true, force: true });
}
