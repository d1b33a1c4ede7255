// Collections (收藏夹) as a researcher keeps them: collect articles from the reading view,
// annotate them, find them after a reload and after the library is cleared, search within a
// collection, export it (JSON, CSV and citations), import it again, and rename it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { start, withPage, waitForApp, audit } from './harness.mjs';

// A page of two articles, written for this test.
const PAGE = `2024年5月6日 星期一
第05版：城市

长河新桥今日通车
本报讯（记者 林小雨 通讯员 张三丰）今天上午，长河新桥正式通车，南北两岸的车程缩短到十分钟。
新桥采用双塔斜拉结构，设计寿命一百年。

老街换新颜
本报记者 李四海
南州路老街改造完成后，沿街的店铺陆续开门迎客。
改造保留了原有的石板路和骑楼，老居民说这里还是原来的味道。
`;

let env;
const dir = mkdtempSync(join(tmpdir(), 'kanbao-collections-'));
const file = (name, content) => { const p = join(dir, name); writeFileSync(p, content); return p; };
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function download(page, selector) {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFileSync(await saved.path()).toString('utf8');
}

async function openArticle(page, query) {
  await page.goto(env.base + '#/?q=' + encodeURIComponent(query));
  await waitForApp(page);
  await page.locator('.article-list .card-title a').first().click();
  await page.waitForSelector('article.reader');
}

/** The collection's items as the view lists them: title and note. */
async function items(page) {
  await page.waitForSelector('.collection-view');
  return page.locator('.collected').evaluateAll((els) => els.map((el) => ({
    title: el.querySelector('.card-title').textContent,
    note: el.querySelector('.collected-note').value,
  })));
}

test('articles collected and annotated stay across a reload and a cleared library, export and import again', async (t) => {
  await withPage(t, env, async (page) => {
    page.on('dialog', (d) => d.accept());
    await page.goto(env.base + '#/library');
    await waitForApp(page);
    await page.setInputFiles('#import-files', [file('changhe.txt', PAGE)]);
    await page.waitForSelector('.notice:has-text("已导入")');

    // Collect the first article into a new collection, the second into the same one.
    await openArticle(page, '新桥');
    await page.click('.collect-toggle');
    await page.fill('.collect-name', '桥梁与街巷');
    await page.click('.collect-create');
    await page.waitForSelector('.collect-toggle:has-text("已收藏")');
    await openArticle(page, '老街');
    assert.match(await page.locator('.collect-toggle').textContent(), /☆ 收藏/);
    await page.click('.collect-toggle');
    await audit(page, 'the collect panel');
    await page.locator('.collect-choice', { hasText: '桥梁与街巷' }).locator('input').check();
    await page.waitForSelector('.collect-toggle:has-text("已收藏")');

    // The collections list, then the collection with a note on one article.
    await page.click('.nav-collections');
    await page.waitForSelector('.collection-row');
    assert.deepEqual(await page.locator('.collection-row').allTextContents(), ['桥梁与街巷2 篇']);
    await audit(page, 'collections');
    await page.click('.collection-name');
    assert.deepEqual((await items(page)).map((i) => i.title), ['长河新桥今日通车', '老街换新颜']);
    await audit(page, 'a collection');
    const note = page.locator('.collected', { hasText: '老街换新颜' }).locator('.collected-note');
    await note.fill('改造前后可作对比');
    await note.blur();
    const collectionUrl = page.url();

    // A reload keeps the collection and its note.
    await page.waitForTimeout(200);
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await items(page), [
      { title: '长河新桥今日通车', note: '' },
      { title: '老街换新颜', note: '改造前后可作对比' },
    ]);

    // A search within the collection: names, notes, and either script.
    for (const [query, titles] of [['李四海', ['老街换新颜']], ['对比', ['老街换新颜']], ['斜拉', ['长河新桥今日通车']], ['通車', ['长河新桥今日通车']], ['地铁', []]]) {
      await page.fill('.collection-search-input', query);
      assert.deepEqual((await items(page)).map((i) => i.title), titles, query);
    }
    await page.fill('.collection-search-input', '');

    // Clearing the library leaves the collection, and its articles still read.
    await page.goto(env.base + '#/library');
    await waitForApp(page);
    await page.click('.clear-imported');
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 1);
    await page.goto(collectionUrl);
    await waitForApp(page);
    assert.equal((await items(page)).length, 2);
    await page.locator('.collected .card-title a', { hasText: '老街换新颜' }).click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), '老街换新颜');
    assert.match(await page.locator('article.reader').textContent(), /石板路和骑楼/);
    assert.match(await page.locator('.collect-toggle').textContent(), /已收藏/);

    // Exports: the collection as JSON and CSV, and its citations.
    await page.goto(collectionUrl);
    await waitForApp(page);
    await page.waitForSelector('.collected');
    const json = await download(page, '.collection-export-json');
    assert.equal(JSON.parse(json).schema, 'kanbao.collections/1');
    const csv = await download(page, '.collection-export-csv');
    assert.ok(csv.startsWith('\ufeffcollection_id,collection,id,note,title,'), csv.slice(0, 60));
    const bib = new Cite(await download(page, '.collection-export-bibtex')).data;
    assert.deepEqual(bib.map((i) => i.title).sort(), ['老街换新颜', '长河新桥今日通车']);
    assert.deepEqual(bib.find((i) => i.title === '老街换新颜').author.map((a) => a.family ?? a.literal), ['李四海']);

    // Deleted, then imported from each file: the articles and the note come back.
    for (const [name, content] of [['kanbao-collections.json', json], ['kanbao-collections.csv', csv]]) {
      await page.goto(collectionUrl);
      await waitForApp(page);
      await page.click('.collection-delete');
      await page.waitForSelector('.collections-view');
      await page.waitForSelector('.collections-view .empty');
      await page.setInputFiles('#import-collections', [file(name, content)]);
      await page.waitForSelector('.collection-row');
      assert.deepEqual(await page.locator('.collection-row').allTextContents(), ['桥梁与街巷2 篇'], name);
      await page.click('.collection-name');
      assert.deepEqual(await items(page), [
        { title: '长河新桥今日通车', note: '' },
        { title: '老街换新颜', note: '改造前后可作对比' },
      ], name);
    }

    // Renamed: the new name shows in the collection and in the list, and stays after a reload.
    await page.fill('.collection-rename-name', '城市变迁');
    await page.click('.collection-rename-save');
    await page.waitForSelector('#collection-title:has-text("城市变迁")');
    await page.reload();
    await waitForApp(page);
    await page.click('.back-to-collections');
    await page.waitForSelector('.collection-row');
    assert.deepEqual(await page.locator('.collection-row').allTextContents(), ['城市变迁2 篇']);
  });
});

test('a file that is not a collections file is refused with its reason, and nothing changes', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/c');
    await waitForApp(page);
    await page.setInputFiles('#import-collections', [file('notes.json', '{"schema":"kanbao.library/1","pages":[]}')]);
    const notice = page.locator('.notice-error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /notes\.json：不是 Kanbao 导出的收藏夹文件（JSON 或 CSV），收藏夹保持不变/);
    assert.equal(await page.locator('.collection-row').count(), 0);
  });
});
