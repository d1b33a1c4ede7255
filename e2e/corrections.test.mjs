// Correcting a page in the browser, as a curator does: split an article the parser read as
// one, mark a headline's lines, set names, merge, undo and redo; the corrections survive a
// reload, are exported as the sidecar file that `kanbao parse` and `kanbao build` apply, and a
// sidecar imported for a page that changed says which corrections no longer apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, audit, siteWithPages, kanbao } from './harness.mjs';

// A page written for this test, with two mistakes a parser makes: a report without a credit
// run into the one before it (its title read as a section heading), and a two-line headline
// read as kicker and title where it is title and subtitle.
const PAGE = readFileSync(new URL('./fixtures/misread-page.txt', import.meta.url), 'utf8');

let env;
const dir = mkdtempSync(join(tmpdir(), 'kanbao-corrections-'));
before(async () => { env = await start(); });
after(async () => { await env?.close(); });


/** The titles the list shows, in order, of the articles of the page this test imports (the
 * deployment's own sample pages left out). */
async function titles(page) {
  await page.goto(env.base + '#/');
  await waitForApp(page);
  const cards = await page.locator('.article-list .card').evaluateAll((els) => els.map((el) => ({
    title: el.querySelector('.card-title').textContent,
    place: el.querySelector('.card-place')?.textContent ?? '',
  })));
  return cards.filter((c) => c.place.includes('2024-06-03')).map((c) => c.title);
}

async function openArticle(page, title) {
  await page.goto(env.base + '#/');
  await waitForApp(page);
  await page.locator('.article-list .card-title a', { hasText: title }).first().click();
  await page.waitForSelector('article.reader');
}

/** Imports files on the library view and waits until the import is told. */
async function importFiles(page, files) {
  await page.goto(env.base + '#/library');
  await waitForApp(page);
  await page.setInputFiles('#import-files', files);
  await page.waitForSelector('.notice:has-text("已导入")');
}

/** The edit-mode row of a line. */
const line = (page, text) => page.locator('.edit-line', { has: page.locator('.edit-text', { hasText: text }) });

test('a curator splits, marks, names and merges; the corrections stay, undo and redo, export and apply in kanbao build', async (t) => {
  await withPage(t, env, async (page) => {
    const file = join(dir, 'A03.txt');
    writeFileSync(file, PAGE);
    await importFiles(page, [file]);
    assert.deepEqual(await titles(page), ['港口新航线开通', '集中攻坚背街小巷']);

    // Split: the heading the parser read starts its own article.
    await openArticle(page, '港口新航线开通');
    await page.click('.toggle-edit');
    await page.waitForSelector('.edit-mode');
    await audit(page, 'the edit mode');
    assert.equal(await line(page, '城东公园开放').locator('.edit-role').textContent(), '小标题');
    await line(page, '城东公园开放').locator('.split').click();
    // The view follows the line into its new article, still in edit mode.
    await page.waitForSelector('#article-title:has-text("城东公园开放")');
    assert.equal(await page.locator('.edit-count').textContent(), '本版 1 处校正');

    // Names: the new article's reporter.
    await page.fill('#edit-names-reporters', '刘洋');
    await page.click('.edit-names.reporters button');
    await page.waitForSelector('.byline:has-text("刘洋")');

    // Marks: the second headline is title and subtitle, not kicker and title.
    await openArticle(page, '集中攻坚背街小巷');
    await page.click('.toggle-edit');
    assert.equal(await line(page, '老城区改造提速').locator('.edit-role').textContent(), '引题');
    assert.ok(await page.locator('.edit-line.unsure').count() >= 1, 'the parser\'s doubt is marked on a line');
    await line(page, '老城区改造提速').locator('select.mark').selectOption('title');
    await page.waitForSelector('#article-title:has-text("老城区改造提速")');
    await line(page, '集中攻坚背街小巷').locator('select.mark').selectOption('subtitle');
    await page.waitForSelector('.headline .subtitle:has-text("集中攻坚背街小巷")');
    assert.equal(await page.locator('.headline .kicker').count(), 0);

    // The list shows the corrected articles, marked as corrected, and so it stays on reload.
    const corrected = ['港口新航线开通', '城东公园开放', '老城区改造提速'];
    assert.deepEqual(await titles(page), corrected);
    assert.equal(await page.locator('.card .badge.corrected').count(), 3);
    await page.reload();
    assert.deepEqual(await titles(page), corrected);

    // Merge, then undo and redo.
    await openArticle(page, '城东公园开放');
    await page.click('.toggle-edit');
    assert.equal(await page.locator('.edit-count').textContent(), '本版 4 处校正');
    await page.click('.merge-previous');
    await page.waitForSelector('#article-title:has-text("港口新航线开通")');
    assert.deepEqual(await titles(page), ['港口新航线开通', '老城区改造提速']);
    await openArticle(page, '港口新航线开通');
    await page.click('.toggle-edit');
    await page.click('.undo');
    await page.waitForSelector('.edit-count:has-text("本版 4 处校正")');
    assert.deepEqual(await titles(page), corrected);
    await openArticle(page, '老城区改造提速');
    await page.click('.toggle-edit');
    await page.click('.undo');
    await page.waitForSelector('.headline .kicker:has-text("集中攻坚背街小巷")');
    await page.click('.redo');
    await page.waitForSelector('.headline .subtitle:has-text("集中攻坚背街小巷")');
    assert.equal(await page.locator('.redo').isDisabled(), false, 'the merge undone can still be redone');
    // Undo and redo are stored too.
    await page.reload();
    await page.waitForSelector('article.reader');
    await page.click('.toggle-edit');
    assert.equal(await page.locator('.edit-count').textContent(), '本版 4 处校正');
    assert.equal(await page.locator('.redo').isDisabled(), false);

    // Export the sidecar; kanbao parse and kanbao build beside the page apply it.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('.export-corrections')]);
    assert.equal(saved.suggestedFilename(), 'A03.txt.kanbao.json');
    const sidecar = readFileSync(await saved.path(), 'utf8');
    const pages = join(dir, 'pages');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(pages, 'A03.txt'), PAGE);
    writeFileSync(join(pages, 'A03.txt.kanbao.json'), sidecar);
    const parsed = JSON.parse(kanbao('parse', join(pages, 'A03.txt')).stdout);
    assert.deepEqual(parsed.articles.map((a) => a.title), corrected);
    assert.deepEqual(parsed.articles[1].byline.reporters, ['刘洋']);
    assert.equal(parsed.articles[2].subtitle, '集中攻坚背街小巷');
    assert.equal(parsed.articles[2].kicker, null);
    const site = join(dir, 'site');
    kanbao('build', pages, '-o', site);
    const facets = JSON.parse(gunzipSync(readFileSync(join(site, 'archive', 'facets.json.gz'))).toString('utf8'));
    const reporters = facets.facets.reporter.values.map((v) => v.value).sort();
    assert.deepEqual(reporters, ['刘洋', '林海', '王芳'], 'the name set in the browser is a reporter of the built archive');
  });
});

test('a sidecar imported for a page exported again applies where its lines are and names those gone', async (t) => {
  await withPage(t, env, async (page) => {
    // The page exported again: a blank line added at the top, the park report's title cut.
    const changed = '\n' + PAGE.replace('城东公园开放\n', '');
    const file = join(dir, 'again', 'A03.txt');
    mkdirSync(join(dir, 'again'), { recursive: true });
    writeFileSync(file, changed);
    const sidecar = join(dir, 'again', 'A03.txt.kanbao.json');
    const at = (text) => { const i = Buffer.from(PAGE).indexOf(Buffer.from(text)); return { span: [i, i + Buffer.byteLength(text)], text }; };
    writeFileSync(sidecar, JSON.stringify({
      format: 'kanbao.corrections/1',
      source: { name: 'A03.txt', bytes: Buffer.byteLength(PAGE), hash: '0000000000000000' },
      edits: [
        { edit: 'split', line: at('城东公园开放') },
        { edit: 'mark', line: at('老城区改造提速'), role: 'title' },
      ],
    }));
    const broken = join(dir, 'again', 'B01.txt.kanbao.json');
    writeFileSync(broken, '{"format": "something else"}');
    await page.goto(env.base + '#/library');
    await waitForApp(page);
    await page.setInputFiles('#import-files', [file, sidecar, broken]);
    await page.waitForSelector('.notice:has-text("已导入 A03.txt 的 2 处校正")');
    await page.waitForSelector('.notice:has-text("B01.txt.kanbao.json")');
    assert.match(await page.locator('.notice', { hasText: 'B01.txt.kanbao.json' }).textContent(), /不是 Kanbao 的校正文件/);
    assert.deepEqual(await titles(page), ['港口新航线开通', '老城区改造提速']);
    await openArticle(page, '老城区改造提速');
    await page.click('.toggle-edit');
    const gone = await page.locator('.unapplied li').allTextContents();
    assert.deepEqual(gone, ['“城东公园开放”：这一行已不在版面中']);
  });
});

test('a deployment\'s manifest carries a page\'s corrections to every reader, and the library file keeps them', async (t) => {
  const sidecar = JSON.stringify({
    format: 'kanbao.corrections/1',
    source: { name: 'A03.txt', bytes: Buffer.byteLength(PAGE), hash: '0000000000000000' },
    edits: [{ edit: 'split', line: { span: [Buffer.from(PAGE).indexOf(Buffer.from('城东公园开放')), Buffer.from(PAGE).indexOf(Buffer.from('城东公园开放')) + Buffer.byteLength('城东公园开放')], text: '城东公园开放' } }],
  });
  const site = await siteWithPages([
    { name: 'A03.txt', paper: '海滨日报', text: PAGE, corrections: sidecar },
    { name: 'A04.txt', paper: '海滨日报', text: PAGE.replace('第03版', '第04版'), corrections: '{"format": "kanbao.corrections/9"}' },
  ]);
  const deployed = await start(site);
  try {
    await withPage(t, deployed, async (page) => {
      await page.goto(deployed.base + '#/');
      await waitForApp(page);
      // The page whose corrections file is not one is read as the parser reads it, and named.
      await page.waitForSelector('.notice:has-text("A04.txt.kanbao.json")');
      const cards = await page.locator('.article-list .card').evaluateAll((els) => els.map((el) => ({
        title: el.querySelector('.card-title').textContent,
        corrected: !!el.querySelector('.badge.corrected'),
      })));
      assert.deepEqual(cards, [
        { title: '港口新航线开通', corrected: true },
        { title: '城东公园开放', corrected: true },
        { title: '集中攻坚背街小巷', corrected: true },
        { title: '港口新航线开通', corrected: false },
        { title: '集中攻坚背街小巷', corrected: false },
      ]);
      // A reader's own correction builds on the deployment's, and the library file carries both.
      await page.locator('.article-list .card-title a', { hasText: '集中攻坚背街小巷' }).first().click();
      await page.click('.toggle-edit');
      assert.equal(await page.locator('.edit-count').textContent(), '本版 1 处校正');
      await line(page, '老城区改造提速').locator('select.mark').selectOption('title');
      await page.waitForSelector('#article-title:has-text("老城区改造提速")');
      await page.goto(deployed.base + '#/library');
      await waitForApp(page);
      const [saved] = await Promise.all([page.waitForEvent('download'), page.click('.export-library')]);
      const file = JSON.parse(readFileSync(await saved.path(), 'utf8'));
      const a03 = file.pages.find((p) => p.name === 'A03.txt');
      assert.deepEqual(a03.corrections.edits.map((e) => e.edit), ['split', 'mark']);
      assert.equal(file.pages.find((p) => p.name === 'A04.txt').corrections, undefined);
    });
  } finally {
    await deployed.close();
  }
});

test('a line marked as the lead and a credit moved to the next article, listed among the page\'s corrections', async (t) => {
  await withPage(t, env, async (page) => {
    const file = join(dir, 'A04.txt');
    writeFileSync(file, readFileSync(new URL('./fixtures/credit-page.txt', import.meta.url)));
    await importFiles(page, [file]);
    await openArticle(page, '夜市人气旺');
    await page.click('.toggle-edit');
    assert.equal(await line(page, '本报记者 孙悦').locator('.edit-role').textContent(), '署名');
    await line(page, '本报记者 孙悦').locator('.credit-next').click();
    await page.waitForSelector('#article-title:has-text("冷链物流园开工")');
    await page.waitForSelector('.byline:has-text("孙悦")');
    await line(page, '冷链物流园一期工程').locator('select.mark').selectOption('lead');
    await page.waitForSelector('.edit-line.role-lead:has-text("冷链物流园一期工程")');
    await page.click('.edit-list summary');
    assert.deepEqual(await page.locator('.edit-list li').allTextContents(), [
      '署名“本报记者 孙悦”移到“冷链物流园开工”所在文章',
      '“冷链物流园一期工程昨日开工建设，预计明年投入使用。”标为导语',
    ]);
    await page.click('.toggle-edit');
    assert.equal(await page.locator('.body .lead').textContent(), '冷链物流园一期工程昨日开工建设，预计明年投入使用。');
    await openArticle(page, '夜市人气旺');
    assert.equal(await page.locator('.headline .byline').count(), 0, 'the credit left the night market report');
  });
});

test('a correction made in one tab shows in another tab of the same library', async (t) => {
  await withPage(t, env, async (page) => {
    const file = join(dir, 'A03.txt');
    writeFileSync(file, PAGE);
    await importFiles(page, [file]);
    const other = await page.context().newPage();
    assert.deepEqual(await titles(other), ['港口新航线开通', '集中攻坚背街小巷']);
    await openArticle(page, '港口新航线开通');
    await page.click('.toggle-edit');
    await line(page, '城东公园开放').locator('.split').click();
    await page.waitForSelector('#article-title:has-text("城东公园开放")');
    await other.waitForFunction(() => [...document.querySelectorAll('.article-list .card-title')].some((e) => e.textContent === '城东公园开放'));
    await other.close();
  });
});
