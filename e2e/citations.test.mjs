// Citations as researchers use them: the listed articles exported as BibTeX, RIS and CSL-JSON
// and read back by Citation.js (the parser behind several reference tools), every field checked;
// one article's citation copied in GB/T 7714-2015's form, or in English when the UI is English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { start, withPage, waitForApp, siteWithPages } from './harness.mjs';

// A page of three articles, written for this test: a report with a subtitle, reporters, a
// correspondent and a photographer; a report with one reporter; a commentary with its author.
const PAGE = `2024年5月6日 星期一
第05版：城市

长河新桥今日通车
——全长一点二公里，连接南北两岸
本报讯（记者 林小雨 王小二 通讯员 张三丰）今天上午，长河新桥正式通车，南北两岸的车程缩短到十分钟。
新桥采用双塔斜拉结构，设计寿命一百年。
图为通车后的新桥。 本报记者 赵一鸣 摄

老街换新颜
本报记者 李四海
南州路老街改造完成后，沿街的店铺陆续开门迎客。
改造保留了原有的石板路和骑楼，老居民说这里还是原来的味道。

让阅读走进社区
周明远
社区图书室是城市文化的毛细血管。
在家门口读书，应当成为每个居民的日常。
`;

// What each article must carry, in printed order.
const WANT = [
  { title: '长河新桥今日通车：全长一点二公里，连接南北两岸', authors: ['林小雨', '王小二'], photographers: ['赵一鸣'], correspondents: ['张三丰'] },
  { title: '老街换新颜', authors: ['李四海'], photographers: [], correspondents: [] },
  { title: '让阅读走进社区', authors: ['周明远'], photographers: [], correspondents: [] },
];

let env;
let site;
before(async () => {
  site = await siteWithPages([{ name: 'changhe.txt', text: PAGE, paper: '长河日报' }]);
  env = await start(site);
});
after(async () => {
  await env?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path()).toString('utf8') };
}

// The names of one CSL item in one role, whether kept whole (`literal`), split, or plain
// strings (Citation.js reads a RIS newspaper record's `AU` as its `reporter`).
const names = (item, ...roles) => [roles.map((r) => item[r]).find(Boolean) ?? []].flat()
  .map((n) => (typeof n === 'string' ? n : n.literal ?? `${n.family ?? ''}${n.given ?? ''}`));

// The date of a CSL item as [year, month, day], from its parts or its raw form (`2024/05/06/`).
const dateOf = (item) => (item.issued?.['date-parts']?.[0] ?? item.issued?.raw?.split(/[/-]/).filter(Boolean) ?? []).map(Number);

// Every field of the three items, as Citation.js reads them back from any of the formats.
function checkItems(items, { roles, links }) {
  assert.equal(items.length, 3);
  const byTitle = new Map(items.map((i) => [i.title, i]));
  for (const want of WANT) {
    const item = byTitle.get(want.title);
    assert.ok(item, `no item titled ${want.title} in ${[...byTitle.keys()]}`);
    assert.deepEqual(names(item, 'author', 'reporter'), want.authors, want.title);
    assert.equal(item['container-title'], '长河日报');
    assert.deepEqual(dateOf(item), [2024, 5, 6], want.title);
    assert.equal(String(item.page), '5');
    assert.match(item.URL, links);
    if (roles) {
      assert.deepEqual(names(item, 'illustrator'), want.photographers, want.title);
      assert.deepEqual(names(item, 'contributor'), want.correspondents, want.title);
      assert.equal(item.section, '城市');
    } else if (want.correspondents.length) {
      // BibTeX and RIS have no such roles: they travel in the note.
      assert.match(item.note, /摄影：赵一鸣；通讯员：张三丰/);
    }
  }
}

test('the listed articles export as BibTeX, RIS and CSL-JSON that a citation parser reads back whole', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/');
    await waitForApp(page);
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 3);
    const links = new RegExp('^' + env.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '#/a/');

    const bib = await download(page, '.export-bibtex');
    assert.equal(bib.name, 'kanbao-citations.bib');
    checkItems(new Cite(bib.text).data, { roles: false, links });

    const ris = await download(page, '.export-ris');
    assert.equal(ris.name, 'kanbao-citations.ris');
    const risItems = new Cite(ris.text).data;
    assert.ok(risItems.every((i) => i.type === 'article-newspaper'), risItems.map((i) => i.type).join());
    checkItems(risItems, { roles: false, links });

    const csl = await download(page, '.export-csl-json');
    assert.equal(csl.name, 'kanbao-citations.json');
    const cslItems = new Cite(JSON.parse(csl.text)).data;
    assert.ok(cslItems.every((i) => i.type === 'article-newspaper'));
    checkItems(cslItems, { roles: true, links });

    // A link in a citation opens its article.
    const url = cslItems.find((i) => i.title === '老街换新颜').URL;
    await page.goto(url);
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), '老街换新颜');
  });
});

for (const [lang, want] of [
  ['zh', '林小雨, 王小二. 长河新桥今日通车：全长一点二公里，连接南北两岸[N]. 长河日报, 2024-05-06(5).'],
  ['en', '林小雨, 王小二. “长河新桥今日通车：全长一点二公里，连接南北两岸.” 长河日报, 6 May 2024, p. 5.'],
]) {
  test(`the reading view copies a citation in the reader's language (${lang})`, async (t) => {
    const context = await env.browser.newContext({ locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    try {
      await withPage(t, env, async (page) => {
        await page.goto(env.base + '#/?q=' + encodeURIComponent('新桥'));
        await waitForApp(page);
        if (lang === 'en') {
          await page.click('.lang-toggle');
          await page.waitForFunction(() => document.documentElement.lang === 'en');
        }
        await page.locator('.card-title a').first().click();
        await page.waitForSelector('article.reader');
        await page.click('.copy-citation');
        await page.waitForSelector('.copied');
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want);
      }, { context });
    } finally {
      await context.close();
    }
  });
}
