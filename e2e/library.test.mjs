// The library as people keep it: imports of every kind, bad input, persistence, quota, export,
// and embedding in a host page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, siteWithPages } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
const dir = mkdtempSync(join(tmpdir(), 'kanbao-import-'));
const NEWS = '海港新闻\n\n本报讯(记者 王超 通讯员 李明)近日,烟台港开通至釜山的集装箱新航线。\n\n航线每周两班。\n';
const file = (name, content) => { const p = join(dir, name); writeFileSync(p, content); return p; };

before(async () => { env = await start(); });
after(async () => { await env?.close(); });

function gb18030(text) {
  const out = spawnSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("gb18030"))'], { input: text });
  assert.equal(out.status, 0, String(out.stderr));
  return out.stdout;
}

async function openLibrary(page) {
  await page.goto(env.base + '#/library');
  await waitForApp(page);
}
const cardCount = (page) => page.evaluate(() => document.querySelectorAll('.card').length);
const notices = (page) => page.locator('.notice').allTextContents();

test('files chosen in the picker import, a GB18030 page among them, and survive a reload', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    const gbk = file('gbk-page.txt', gb18030('港口要闻\n\n本报讯(记者 赵敏)近日,港口吞吐量创新高。\n'));
    await page.setInputFiles('#import-files', [file('news.txt', NEWS), gbk]);
    await page.waitForSelector('.notice:has-text("已导入")');
    assert.match((await notices(page)).join('\n'), /已导入 2 个版面（2 篇文章）/);
    await page.reload();
    await waitForApp(page);
    const names = await page.locator('.page-name').allTextContents();
    assert.deepEqual(names.sort(), ['gbk-page.txt', 'news.txt', 'yantai-daily-2023-11.txt']);
    await page.goto(env.base + '#/?q=' + encodeURIComponent('吞吐量'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.equal(await page.locator('.card-title').textContent(), '港口要闻');
  });
});

test('an imported page says where its reading is uncertain, naming the lines, in both languages', async (t) => {
  // Page 3, not an opinion page, and a text that never speaks of its reporter: the name under
  // the headline is read as the author by guess. A line with a comma after a finished paragraph
  // is read as text, though it could be a title.
  const PORT = '第3版\n\n港口新貌\n林一舟\n\n　　港区新建的三座泊位投入使用，可停靠十万吨级货轮。\n\n' +
    '　　新泊位采用自动化装卸设备，效率提升三成。\n\n精雕细琢，打造智慧码头\n\n　　港区计划三年内完成全部码头的智能化改造。\n';
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('port.txt', PORT)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('泊位'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.deepEqual(await page.locator('.reading-notes li').allTextContents(), [
      '“精雕细琢，打造智慧码头”读作段落的开头，也可能是另一篇文章的标题。',
      '标题下的“林一舟”读作作者，也可能是记者。',
    ]);
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.locator('.reading-notes li').allTextContents(), [
      "“精雕细琢，打造智慧码头” was read as the start of a paragraph; it may be another article's title.",
      '“林一舟” under the headline was read as the author; it may be a reporter.',
    ]);
  });
});

test('an untitled report after another article is flagged where it is read', async (t) => {
  const TWO = '港口开通新航线\n\n本报讯（记者 王超）近日，港口开通至釜山的集装箱新航线。\n\n' +
    '航线每周两班，单程约三十小时，主要运送家电和农产品。\n\n' +
    '本报讯（记者 李明）同日，港口的第二条冷链专线也已开通，每周三班。\n\n专线运送水果和海产品，全程温控。\n';
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('two-reports.txt', TWO)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('冷链专线'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.deepEqual(await page.locator('.reading-notes li').allTextContents(), [
      '这篇文章没有标题，可能是上一篇的一部分。',
    ]);
  });
});

test('a short first sentence of a report credited with its photos is flagged as a possible caption', async (t) => {
  const PHOTO = '湖畔油菜花开\n\n记者 付一 文/图\n\n3月2日，市民在湖边赏花。\n\n' +
    '湖边的油菜花开了，很多人来看，拍照的人排起了长队，赏花的人越来越多。\n\n' +
    '去年以来，这里种了上千亩油菜，今年开得最好。\n';
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('photo-report.txt', PHOTO)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('油菜'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.deepEqual(await page.locator('.reading-notes li').allTextContents(), [
      '“3月2日，市民在湖边赏花。”读作正文段落，也可能是图片说明。',
    ]);
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await page.locator('.reading-notes li').allTextContents(), [
      "“3月2日，市民在湖边赏花。” was read as a paragraph; it may be the photo's caption.",
    ]);
  });
});

test('a first line without punctuation joined into the first paragraph is flagged as a possible lead', async (t) => {
  const PAGE = '茶山春早（本报时评）\n\n林  一\n\n' +
    '以创新的劲头破解难题，用实干的作风筑牢根基，发展的成果更加丰硕\n\n' +
    '哪有什么奇迹，把每一项任务一点点完成好，就是秘诀。茶农们都懂。\n\n第二段在这里，说的是春茶。\n';
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('commentary.txt', PAGE)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('茶山春早'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.deepEqual(await page.locator('.reading-notes li').allTextContents(), [
      '“以创新的劲头破解难题，用实干的作风筑牢根基，发展的成果更加丰硕”与下一行连成了一段，也可能是单独的导语或提要。',
    ]);
  });
});

test('the list sorts newest or oldest first, the link keeps the order, and a search ranks by relevance', async (t) => {
  const OLD = '2023年11月20日 星期一 第3版 要闻\n\n旧港口新航线\n\n本报讯（记者 王超）近日，港口开通新航线。\n';
  const NEW = '2024年01月05日 星期五 第1版 要闻\n\n新港口冷链专线\n\n本报讯（记者 李明）近日，港口冷链专线开通，港口很忙。\n';
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('old.txt', OLD), file('new.txt', NEW)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 6);
    const first = () => page.locator('.card-title').first().textContent();
    const firstTwo = async () => (await page.locator('.card-title').allTextContents()).slice(0, 2);
    // The default: the pages as they were added, the sample first.
    assert.equal(await page.locator('.sort-select option:checked').textContent(), '版面顺序');
    await page.selectOption('.sort-select', 'newest');
    await page.waitForFunction(() => location.hash.includes('sort=newest'));
    // Dated pages by date; the sample page prints no date and comes last either way.
    assert.deepEqual(await firstTwo(), ['新港口冷链专线', '旧港口新航线']);
    await page.selectOption('.sort-select', 'oldest');
    await page.waitForFunction(() => location.hash.includes('sort=oldest'));
    assert.deepEqual(await firstTwo(), ['旧港口新航线', '新港口冷链专线']);
    await page.reload();
    await waitForApp(page);
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 6);
    assert.equal(await first(), '旧港口新航线');
    assert.equal(await page.locator('.sort-select').inputValue(), 'oldest');
    // A search keeps the order asked for; back to the default, it ranks by relevance.
    await page.fill('#search-input', '港口');
    await page.waitForFunction(() => location.hash.includes('q=') && document.querySelectorAll('.card').length === 2);
    assert.equal(await first(), '旧港口新航线');
    await page.selectOption('.sort-select', '');
    await page.waitForFunction(() => !location.hash.includes('sort='));
    assert.equal(await page.locator('.sort-select option:checked').textContent(), '相关度');
    assert.equal(await first(), '新港口冷链专线');
  });
});

test('a place facet lists where reports were filed, from their datelines and the paper\'s own city', async (t) => {
  const FILED = '第4版 要闻\n\n卫星发射成功\n\n新华社西昌11月27日电（记者 李国利）27日，一颗新卫星在西昌发射成功。\n\n' +
    '京城冬储菜上市\n\n本报北京11月27日电（记者 王超）冬储大白菜日前在北京上市。\n';
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('filed.txt', FILED)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/');
    await page.waitForSelector('[data-facet="place"]');
    assert.equal(await page.locator('[data-facet="place"] legend').textContent(), '地点');
    const places = await page.locator('[data-facet="place"] .facet-name').allTextContents();
    // The sample page's 本报讯 reports are at home in the city its paper is named after.
    assert.deepEqual(places.sort(), ['北京', '烟台', '西昌'].sort());
    await page.locator('[data-facet="place"] input[data-value="西昌"]').check();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.equal(await page.locator('.card-title').textContent(), '卫星发射成功');
    assert.match(decodeURIComponent(page.url()), /place=西昌/);
    await page.goto(env.base + '#/?place=' + encodeURIComponent('烟台'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 2);
  });
});

test('bad files are refused one by one with a reason, and nothing already there is lost', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('news.txt', NEWS)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w'); ftruncateSync(fd, 50_000_000); closeSync(fd);
    await page.setInputFiles('#import-files', [
      file('photo.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex')),
      file('page.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n'), Buffer.alloc(8)])),
      file('empty.txt', ''),
      big,
      file('notes.json', '{"not": "a library"}'),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.notice-error').length === 5);
    const errors = await page.locator('.notice-error').allTextContents();
    const line = (name) => errors.find((e) => e.includes(name)) ?? '';
    assert.match(line('photo.png'), /无法导入 photo.png：这不是文本文件/);
    assert.match(line('page.pdf'), /无法导入 page.pdf：这不是文本文件/);
    assert.match(line('empty.txt'), /文件是空的/);
    assert.match(line('huge.txt'), /文件过大（50.0 MB）/);
    assert.match(line('notes.json'), /文库文件格式有误/);
    assert.equal(await page.locator('.page-row').count(), 2);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.page-row').count(), 2);
  });
});

test('a page printed in traditional characters imports as printed, and a simplified query finds it', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    const text = '海邊步道下月起分段開放\n【本報訊】記者 何嘉欣 報道:連接南灣與西灣的海邊步道昨日完成驗收,工務局表示,步道將於下月起分三段開放。\n'
      + '工務局指出,步道沿線設有休憩亭、飲水機及無障礙通道,夜間照明亦已同步更換為節能燈具。\n';
    await page.setInputFiles('#import-files', [file('harbour.txt', text)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('海边步道'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.equal(await page.locator('.card-title').textContent(), '海邊步道下月起分段開放');
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    const reader = await page.locator('article.reader').textContent();
    assert.match(reader, /何嘉欣/);
    assert.match(reader, /本報訊/);
    assert.match(reader, /連接南灣與西灣的海邊步道昨日完成驗收，/);
    assert.doesNotMatch(reader, /记者 何嘉欣/);
  });
});

test('pasted text imports as a page', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.fill('#paste-text', NEWS.replace('海港新闻', '粘贴的新闻'));
    await page.click('.import-paste');
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.goto(env.base + '#/?q=' + encodeURIComponent('粘贴的新闻'));
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
  });
});

test('a dropped file imports', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, NEWS.replace('海港新闻', '拖进来的新闻'));
    await page.waitForSelector('.notice:has-text("已导入 dropped.txt")');
    assert.ok((await page.locator('.page-name').allTextContents()).includes('dropped.txt'));
  });
});

test('a drop is checked against the library as it is now, and told in the language chosen since', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    const drop = (text) => page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'again.txt', { type: 'text/plain' }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    const TEXT = NEWS.replace('海港新闻', '再次拖进来的新闻');
    await drop(TEXT);
    await page.waitForSelector('.notice:has-text("已导入 again.txt")');
    await page.click('.lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await drop(TEXT);
    await page.waitForSelector('.notice:has-text("These pages are already in the library.")');
    assert.equal((await page.locator('.page-name').allTextContents()).filter((n) => n === 'again.txt').length, 1);
  });
});

test('removing a page and clearing all imported pages persist, published pages stay', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', [file('a.txt', NEWS), file('b.txt', NEWS.replace('海港', '空港'))]);
    await page.waitForSelector('.notice:has-text("已导入")');
    await page.locator('.page-row:has-text("a.txt") .remove-page').click();
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 2);
    await page.reload();
    await waitForApp(page);
    assert.deepEqual((await page.locator('.page-name').allTextContents()).sort(), ['b.txt', 'yantai-daily-2023-11.txt']);
    await page.click('.clear-imported');
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 1);
    await page.reload();
    await waitForApp(page);
    assert.deepEqual(await page.locator('.page-name').allTextContents(), ['yantai-daily-2023-11.txt']);
    assert.match(await page.locator('.storage-usage').textContent(), /^浏览器中已使用 \d+\.\d MB$/);
  });
});

test('a full storage quota is reported and leaves the library as it was', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.base.replace(/\/$/, ''), quotaSize: 2000 });
    await page.setInputFiles('#import-files', [file('big-news.txt', NEWS + '港口'.repeat(20000) + '。\n')]);
    await page.waitForSelector('.notice-error');
    assert.match(await page.locator('.notice-error').textContent(), /无法导入 big-news.txt：浏览器存储空间已满/);
    assert.equal(await page.locator('.page-row').count(), 1);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.base.replace(/\/$/, '') });
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.page-row').count(), 1);
  });
});

test('?src= loads a page from the site, and an unreachable one says so', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '?src=static/samples/missing.txt');
    await waitForApp(page);
    assert.match(await page.locator('.notice-error').textContent(), /无法导入 static\/samples\/missing.txt：无法从网络读取（HTTP 404/);
    assert.equal(await cardCount(page), 4);
    await page.goto(env.base + '?src=http://example.invalid/page.txt');
    await waitForApp(page);
    assert.match(await page.locator('.notice-error').textContent(), /只能加载本站的地址/);
  });
  // A site that publishes a page outside its manifest, and a second manifest.
  const site = await siteWithPages([{ name: 'listed.txt', text: NEWS }]);
  writeFileSync(join(site, 'static', 'linked.txt'), NEWS.replace('海港新闻', '链接来的新闻'));
  writeFileSync(join(site, 'static', 'more.json'), JSON.stringify({ pages: [{ path: 'linked.txt', paper: '港城晚报' }] }));
  const server = await serve(site, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    await withPage(t, env, async (page) => {
      await page.goto(base + '?src=static/linked.txt');
      await waitForApp(page);
      assert.deepEqual((await page.locator('.card-title').allTextContents()).sort(), ['海港新闻', '链接来的新闻']);
      await page.goto(base + '?src=static/more.json');
      await waitForApp(page);
      assert.ok((await page.locator('.card-place').allTextContents()).some((p) => p.includes('港城晚报')));
      assert.equal(await page.locator('.notice-error').count(), 0);
    });
  } finally {
    await new Promise((ok) => server.close(ok));
  }
});

test('the filtered articles export as CSV, JSON and Markdown, and the library file imports again', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + '#/?reporter=' + encodeURIComponent('杨健'));
    await waitForApp(page);
    const saveBytes = async (selector) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      return readFileSync(await download.path());
    };
    const save = async (selector) => (await saveBytes(selector)).toString('utf8');
    const csvBytes = await saveBytes('.export-csv');
    // A BOM, so that spreadsheet programs read the file as UTF-8.
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = csvBytes.subarray(3).toString('utf8').trim().split('\r\n');
    assert.equal(rows.length, 2);
    assert.ok(rows[0].startsWith('id,title,'), rows[0]);
    assert.ok(rows[1].includes('"烟台自然博物馆获评 国家自然资源科普基地"'));
    const json = JSON.parse(await save('.export-json'));
    assert.deepEqual(json.map((a) => a.byline.reporters), [['杨健']]);
    assert.match(await save('.export-markdown'), /^# 烟台自然博物馆获评 国家自然资源科普基地\n/m);

    await page.goto(env.base + '#/library');
    await page.setInputFiles('#import-files', [file('news.txt', NEWS)]);
    await page.waitForSelector('.notice:has-text("已导入")');
    const library = await save('.export-library');
    assert.equal(JSON.parse(library).schema, 'kanbao.library/1');
    await page.click('.clear-imported');
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 1);
    await page.setInputFiles('#import-files', [file('kanbao-library.json', library)]);
    await page.waitForFunction(() => document.querySelectorAll('.page-row').length === 2);
    assert.ok((await page.locator('.page-name').allTextContents()).includes('news.txt'));
  });
});

test('the embedded view follows its URL and the host page, and tells the host what opens', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base + 'static/embed-example.html');
    const frame = page.frameLocator('#kanbao');
    await frame.locator('main[data-status="ready"]').waitFor();
    // Preset by ?q=党建&reporter=邵壮, in the compact view without chrome.
    assert.deepEqual(await frame.locator('.card-title').allTextContents(), ['“合纵连横”走在前 “港城标兵”作表率']);
    assert.equal(await frame.locator('.facets, .toolbar, .brand').count(), 0);
    await page.waitForFunction(() => document.getElementById('log').textContent.includes('kanbao:ready'));

    await page.click('#filter');
    await frame.locator('.card-title', { hasText: '58.44万粒' }).waitFor();
    assert.equal(await frame.locator('.card').count(), 1);

    await page.click('#add-page');
    await page.click('#clear');
    await frame.locator('.card-title', { hasText: '机关食堂推出党建主题宣传周' }).waitFor();
    await frame.locator('.card-title a', { hasText: '机关食堂' }).click();
    await page.waitForFunction(() => document.getElementById('log').textContent.includes('kanbao:article-opened'));
    const log = await page.locator('#log').textContent();
    assert.match(log, /"title":"机关食堂推出党建主题宣传周"/);
  });
});

/** `n` distinct small pages in the genre. */
function manyPages(n) {
  return Array.from({ length: n }, (_, i) => {
    const name = `page-${String(i).padStart(3, '0')}.txt`;
    return file(name, `第${i}号新闻标题\n\n本报讯(记者 王超 通讯员 李明)近日,第${i}号港口开通新航线。\n\n航线每周两班。\n`);
  });
}

test('hundreds of files parse in a worker with a progress bar, and the page stays usable', async (t) => {
  await withPage(t, env, async (page) => {
    const workers = [];
    page.on('worker', (w) => workers.push(w.url()));
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await openLibrary(page);
    await page.setInputFiles('#import-files', manyPages(300));
    await page.waitForSelector('progress#import-progress');
    // The page answers input while the import runs.
    await page.fill('#paste-text', '仍可输入');
    assert.equal(await page.inputValue('#paste-text'), '仍可输入');
    await page.waitForSelector('.notice:has-text("已导入 300 个版面（300 篇文章）")', { timeout: 60000 });
    assert.equal(await page.locator('progress').count(), 0);
    assert.ok(workers.some((w) => w.endsWith('/kanbao-worker_loader.js')), `workers: ${workers}`);
    assert.ok(requests.some((r) => r.endsWith('/kanbao-worker_bg.wasm')), 'the parse worker loaded its wasm');
    assert.equal(await page.locator('.page-row').count(), 301);
  });
});

test('cancelling a large import saves nothing and keeps the library as it was', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', manyPages(600));
    await page.waitForSelector('progress#import-progress');
    await page.click('.cancel-import');
    await page.waitForSelector('.notice:has-text("已取消导入")');
    assert.equal(await page.locator('.page-row').count(), 1);
    await page.reload();
    await waitForApp(page);
    assert.equal(await page.locator('.page-row').count(), 1);
  });
});

test('a large library lists in steps of a hundred cards', async (t) => {
  await withPage(t, env, async (page) => {
    await openLibrary(page);
    await page.setInputFiles('#import-files', manyPages(250));
    await page.waitForSelector('.notice:has-text("已导入 250 个版面")', { timeout: 60000 });
    await page.goto(env.base + '#/');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 100);
    assert.match(await page.locator('.show-more').textContent(), /还有 154 篇/);
    await page.click('.show-more');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 200);
    await page.click('.show-more');
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 254);
    assert.equal(await page.locator('.show-more').count(), 0);
  });
});
