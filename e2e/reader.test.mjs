// The reader as people use it: search, facets, reading view, routes, keyboard, preferences.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withPage, waitForApp, siteWithPages } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const titles = (page) => page.locator('.card-title').allTextContents();

async function openList(page, hash = '') {
  await page.goto(env.base + hash);
  await waitForApp(page);
}

test('typing a substring lists exactly the articles that contain it, highlighted', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    await page.fill('#search-input', '航天港');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.deepEqual(await titles(page), ['千名航天人奋战百亿级产业集群']);
    const marks = await page.locator('.card mark').allTextContents();
    assert.ok(marks.length > 0 && marks.every((m) => m === '航天港'), `marks: ${marks}`);
    assert.match(decodeURIComponent(await page.evaluate(() => location.hash)), /q=航天港/);

    await page.fill('#search-input', '港城标兵');
    await page.waitForFunction(() => document.querySelector('.card-title')?.textContent.includes('港城标兵'));
    assert.ok((await page.locator('.card-title mark').first().textContent()) === '港城标兵');
    // 港城 must not match the article that only has 航天港 and 新城.
    await page.fill('#search-input', '港城');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  });
});

test('a result clicked while the search still waits for typing to pause opens, and stays open', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    // Typed and clicked at once, inside the search's pause: the waiting search runs as the
    // field loses focus, before the click, so the article opened is the one shown.
    await page.fill('#search-input', '港');
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    await page.waitForTimeout(400);
    assert.equal(await page.locator('article.reader').count(), 1);
    assert.match(await page.evaluate(() => location.hash), /^#\/a\//);
  });
});

test('a reporter name finds the articles they wrote', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page, '#/?q=' + encodeURIComponent('钟嘉琳'));
    assert.deepEqual(await titles(page), ['千名航天人奋战百亿级产业集群']);
  });
});

test('two reporters picked in one facet show the articles of either, and counts stay', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    const reporter = (name) => page.locator(`fieldset[data-facet="reporter"] input[data-value="${name}"]`);
    await reporter('邵壮').check();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    // Picking one value does not collapse the counts of the others in the same facet.
    const count = (name) => page.locator(`fieldset[data-facet="reporter"] label:has(input[data-value="${name}"]) .count`).textContent();
    assert.equal(await count('杨健'), '1');
    await reporter('杨健').check();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
    assert.deepEqual(await titles(page), ['“合纵连横”走在前 “港城标兵”作表率', '烟台自然博物馆获评 国家自然资源科普基地']);
    // Both show as chips; removing one and then clearing all restores the list.
    assert.equal(await page.locator('.chip').count(), 2);
    await page.locator('.chip', { hasText: '邵壮' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.chip-clear').click();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 4);
    assert.equal(await page.evaluate(() => location.hash), '#/');
  });
});

test('facets AND across each other: a reporter and a correspondent', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page, '#/?reporter=' + encodeURIComponent('王鸿云') + '&correspondent=' + encodeURIComponent('秦雨'));
    assert.equal(await page.locator('.card').count(), 0);
    await openList(page, '#/?reporter=' + encodeURIComponent('王鸿云') + '&correspondent=' + encodeURIComponent('王超'));
    assert.deepEqual(await titles(page), ['58.44万粒“三无”减肥产品 夹藏进境被海关查获']);
  });
});

test('an article deep link opens the reading view, and a missing one says so', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    const id = await page.locator('.card').nth(1).getAttribute('data-id');
    await page.goto(env.base + '#/a/' + id);
    await waitForApp(page);
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), '烟台自然博物馆获评 国家自然资源科普基地');
    assert.equal(await page.locator('.body .dateline').textContent(), '本报讯');
    assert.deepEqual(await page.locator('.byline dd').allTextContents(), ['杨健', '秦雨']);

    await page.goto(env.base + '#/a/no-such-article');
    await waitForApp(page);
    await page.waitForSelector('.not-found');
    assert.match(await page.locator('.not-found h1').textContent(), /找不到/);
  });
});

test('back and forward move through searches, filters and articles', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    await page.locator('fieldset[data-facet="kind"] input').first().check();
    await page.waitForFunction(() => location.hash.includes('kind='));
    const filtered = await page.locator('.card').count();
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    await page.goBack();
    await page.waitForSelector('.article-list');
    assert.match(await page.evaluate(() => location.hash), /kind=/);
    assert.equal(await page.locator('.card').count(), filtered);
    await page.goBack();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 4);
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes('kind='));
    assert.equal(await page.locator('.card').count(), filtered);
  });
});

test('keyboard: slash focuses search, j/k move, Enter opens, Esc goes back', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input');
    assert.equal(await page.inputValue('#search-input'), '', 'the slash is not typed into the field');
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const selected = await page.locator('.card.selected .card-title').textContent();
    assert.equal(selected, '烟台自然博物馆获评 国家自然资源科普基地');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), selected);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.article-list');
  });
});

test('the reading view keeps search highlights, copies a citation and shows the source text', async (t) => {
  const context = await env.browser.newContext({ locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  try {
    await withPage(t, env, async (page) => {
      await openList(page, '#/?q=' + encodeURIComponent('减肥产品'));
      await page.locator('.card-title a').first().click();
      await page.waitForSelector('article.reader');
      const marks = await page.locator('.body mark').allTextContents();
      assert.ok(marks.length >= 3 && marks.every((m) => m === '减肥产品'), `marks: ${marks}`);
      // A match across the joined column break (“三无”减 | 肥产品) is highlighted whole.
      assert.ok(await page.locator('.body p', { hasText: '“三无”减肥产品，现场清点' }).count() === 1);

      await page.click('.copy-citation');
      await page.waitForSelector('.copied');
      const citation = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(citation, '王鸿云. 58.44万粒“三无”减肥产品 夹藏进境被海关查获[N]. 烟台日报.');

      await page.click('.toggle-source');
      const source = await page.locator('pre.source').textContent();
      assert.ok(source.startsWith('58.44万粒“三无”减肥产品 夹藏进境被海关查获'));
      assert.ok(source.includes('本报讯(YMG全媒体记者 王鸿云'), 'source keeps the original punctuation');
    }, { context });
  } finally {
    await context.close();
  }
});

test('dark mode, text size and language survive a reload', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    await page.click('.theme-toggle');
    await page.click('.text-larger');
    await page.click('.lang-toggle');
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await page.locator('.text-size').textContent(), '112%');
    assert.match(await page.locator('.result-count').textContent(), /4 articles/);
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(23, 23, 26)');
  });
});

test('dark mode follows the system colour scheme until the reader picks one', async (t) => {
  const context = await env.browser.newContext({ locale: 'zh-CN', colorScheme: 'dark' });
  try {
    await withPage(t, env, async (page) => {
      await openList(page);
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(23, 23, 26)');
      await page.click('.theme-toggle');
      assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(251, 250, 247)');
    }, { context });
  } finally {
    await context.close();
  }
});

test('every control has a label, and the page has landmarks', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, textarea, a[href]')]
        .filter((el) => {
          const label = el.getAttribute('aria-label') || el.textContent.trim() ||
            (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent.trim()) ||
            el.closest('label')?.textContent.trim();
          return !label;
        })
        .map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(unlabeled, []);
    for (const landmark of ['header[role="banner"]', 'main', 'form[role="search"]', 'aside']) {
      assert.equal(await page.locator(landmark).count(), 1, landmark);
    }
  });
});

test('page text that looks like HTML is shown as text, never run', async (t) => {
  const xss = '港城<script>alert(1)</script>\n\n' +
    '本报讯(记者 张三)近日,<b>加粗</b><img src=x onerror="window.__pwned=1">测试内容。\n\n' +
    '- ①<img src=x onerror=alert(1)>图片说明。\n';
  const dir = await siteWithPages([{ name: 'xss.txt', text: xss, paper: '<i>报</i>' }]);
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await withPage(t, env, async (page) => {
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; d.dismiss(); });
      await page.goto(base);
      await waitForApp(page);
      const title = await page.locator('.card-title').first().textContent();
      assert.equal(title, '港城<script>alert(1)</script>');
      await page.locator('.card-title a').first().click();
      await page.waitForSelector('article.reader');
      const body = await page.locator('.body').textContent();
      assert.ok(body.includes('<b>加粗</b><img src=x onerror="window.__pwned=1">'), body);
      assert.ok(body.includes('<img src=x onerror=alert(1)>图片说明'), body);
      assert.equal(await page.locator('article img, article b, article script, .card img').count(), 0);
      assert.equal(dialogs, 0);
      assert.equal(await page.evaluate(() => window.__pwned), undefined);
    });
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});

test('pages with a header get date and page facets', async (t) => {
  const page1 = '2026年1月5日 星期一\nA2 要闻\n责任编辑:张三\n\n港口新航线开通\n\n本报讯(记者 王超)近日,烟台港开通至釜山的集装箱新航线。\n';
  const page2 = '2026年1月6日 星期二\nA3 城事\n责任编辑:李四\n\n城区新添口袋公园\n\n本报讯(记者 林晓)近日,城区三座口袋公园建成开放。\n';
  const dir = await siteWithPages([{ name: 'a2.txt', text: page1, paper: '烟台日报' }, { name: 'a3.txt', text: page2, paper: '烟台日报' }]);
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await withPage(t, env, async (page) => {
      await page.goto(base);
      await waitForApp(page);
      const values = (facet) => page.locator(`fieldset[data-facet="${facet}"] .facet-name`).allTextContents();
      assert.deepEqual((await values('date')).sort(), ['2026-01-05', '2026-01-06']);
      assert.deepEqual((await values('section')).sort(), ['A2 要闻', 'A3 城事']);
      await page.locator('fieldset[data-facet="date"] input[data-value="2026-01-06"]').check();
      await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
      assert.deepEqual(await page.locator('.card-title').allTextContents(), ['城区新添口袋公园']);
      assert.match(await page.locator('.card-place').textContent(), /烟台日报 · 2026-01-06 · A3/);
    });
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});

test('printing an article leaves out the app around it', async (t) => {
  await withPage(t, env, async (page) => {
    await openList(page);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.masthead', '.reader-nav']) {
      assert.equal(await page.locator(hidden).evaluate((el) => getComputedStyle(el).display), 'none', hidden);
    }
    assert.notEqual(await page.locator('article.reader .body').evaluate((el) => getComputedStyle(el).display), 'none');
  });
});

test("the reading view says where the parser was unsure, in the reader's language, and only there", async (t) => {
  await withPage(t, env, async (page) => {
    // The sample's fourth article opens with no credit under its headline (its byline is at
    // its end): the parser reports it, and a section heading that could be a title.
    await openList(page, '#/?q=' + encodeURIComponent('航天港'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    const notes = await page.locator('.reading-notes li').allTextContents();
    assert.equal(notes.length, 2, notes.join(' / '));
    assert.match(notes[0], /^标题下没有署名或电头/);
    assert.match(notes[1], /^“.+”读作小标题，也可能是另一篇文章的标题。$/);
    assert.equal(await page.locator('.reading-notes').getAttribute('role'), 'note');
    // In English the same places, in English.
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const english = await page.locator('.reading-notes li').allTextContents();
    assert.equal(english.length, 2, english.join(' / '));
    assert.match(english[0], /^No credit under the headline/);
    assert.match(english[1], /^“.+” was read as a section heading; it may be another article's title\.$/);
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' || document.documentElement.lang === 'zh');

    // An article read without doubt carries no notes.
    await openList(page, '#/?q=' + encodeURIComponent('港城标兵'));
    await page.waitForFunction(() => document.querySelector('.card-title')?.textContent.includes('港城标兵'));
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('.reading-notes').count(), 0);
  });
});
