// A deployment with a built archive (`kanbao build`): searched beside the library, fetching
// only what a search needs, with links to archived articles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, withPage, waitForApp, audit, kanbao, archiveRecords, titleBigrams as bigramsOf, DIST } from './harness.mjs';
import { serve } from '../scripts/lib/static-server.mjs';

let env;
let site;
let server;
let base;


function sizeOf(dir) {
  return readdirSync(dir, { recursive: true }).map((f) => statSync(join(dir, f))).filter((s) => s.isFile()).reduce((n, s) => n + s.size, 0);
}

before(async () => {
  const work = mkdtempSync(join(tmpdir(), 'kanbao-archive-'));
  site = join(work, 'site');
  cpSync(DIST, site, { recursive: true });
  kanbao('gen', '--pages', '300', '--seed', '7', '-o', join(work, 'pages'));
  // Small blocks, so that a common term's list spans many and a search reads only some.
  kanbao('build', join(work, 'pages'), '-o', site, '--shard-kib', '16', '--block-kib', '1', '--loose');
  env = await start();
  server = await serve(site, 0);
  base = `http://127.0.0.1:${server.address().port}/`;
});
after(async () => {
  await env?.close();
  await new Promise((ok) => server?.close(ok));
});

/**
 * Serves a copy of the site whose archive manifest lacks `field`, as an archive built before
 * it would; returns the server and its address.
 */
async function serveWithout(field) {
  const old = mkdtempSync(join(tmpdir(), `kanbao-old-${field}-`));
  cpSync(site, old, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(old, 'archive/index/manifest.json'), 'utf8'));
  delete manifest[field];
  writeFileSync(join(old, 'archive/index/manifest.json'), JSON.stringify(manifest));
  const server = await serve(old, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Every record of the archive, read from disk. */
const records = () => archiveRecords(site);

/** Waits until the archive has answered the search and every card it lists is in. */
function settled(page) {
  return page.waitForSelector('.archive-results[aria-busy="false"] .archive-summary:has-text("档案中找到")');
}

/**
 * Presses "show more" until the archive has been searched through and every match is listed
 * with its card (a press may also find nothing further and end the search).
 */
async function showAll(page) {
  while (await page.locator('.archive-more').count()) {
    const before = await page.locator('.archive-list > li').count();
    await page.locator('.archive-more').click();
    await page.waitForFunction(
      (n) => document.querySelector('.archive-results').getAttribute('aria-busy') === 'false'
        && (document.querySelectorAll('.archive-list > li').length > n || !document.querySelector('.archive-more')),
      before,
    );
  }
}

/** The most frequent two-Han-character strings of the archive's titles, most frequent first. */
const titleBigrams = () => bigramsOf(records());

const text = (r) => [r.title, r.kicker, r.subtitle, r.column, r.dateline, r.lead, ...r.byline.reporters,
  ...r.byline.correspondents, ...r.byline.photographers, ...r.byline.authors, ...r.byline.raw,
  ...r.blocks.map((b) => b.text)].filter(Boolean).map((s) => s.replace(/\s+/g, ''));

test('a search lists the newest archived articles that contain it as cards, then the rest on request, exactly', async (t) => {
  const all = records();
  // A short common term, so that it has more results than one step of the list shows.
  const [term] = titleBigrams();
  const matching = all.filter((r) => text(r).some((s) => s.includes(term)));
  const expected = matching.length;
  assert.ok(expected > 40, `${term}: ${expected} matches`);
  await withPage(t, env, async (page) => {
    const urls = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    await page.goto(base + '#/?q=' + encodeURIComponent(term));
    await waitForApp(page);
    await settled(page);
    // The first page comes from the newest blocks only: the total is not known yet.
    const summary = await page.locator('.archive-summary').textContent();
    const [, estimate] = summary.match(/^档案中找到至少 \d+ 篇（估计共约 (\d+(?:\.\d)?万|\d+) 篇），显示最新的 20 篇。$/) ?? [];
    assert.ok(estimate, summary);
    // An estimate from the newest part of the archive: the right order of magnitude.
    const approx = estimate?.endsWith('万') ? Number(estimate.slice(0, -1)) * 10000 : Number(estimate);
    assert.ok(approx > expected / 3 && approx < expected * 3, `${estimate} for ${expected}`);
    let cards = await page.locator('.archive-list .card-title').allTextContents();
    assert.equal(cards.length, 20);
    const newest = matching.toReversed();
    assert.deepEqual(cards, newest.slice(0, 20).map((r) => r.title), 'the newest matches, newest first');
    assert.ok((await page.locator('.archive-list mark').allTextContents()).every((m) => m === term));
    // Each card shows where its article ran and the opening of its body.
    const first = newest[0];
    const excerpt = await page.locator('.archive-list .card-excerpt').first().textContent();
    const body = [first.lead, ...first.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text)].filter(Boolean).join(' ');
    assert.ok(excerpt.replace(/^…|…$/g, '').length > 10 && body.includes(excerpt.replace(/^…|…$/g, '')), excerpt);
    assert.match(await page.locator('.archive-list .card-place').first().textContent(), new RegExp(first.page.date));
    assert.ok(urls.some((u) => u.includes('/archive/cards/')), 'cards are fetched');
    assert.ok(!urls.some((u) => u.includes('/archive/records/')), `no whole article is fetched for a list: ${urls.filter((u) => u.includes('/records/'))}`);
    const fetched = Number(await page.locator('.archive-results').getAttribute('data-fetched'));
    const total = sizeOf(join(site, 'archive'));
    assert.ok(fetched > 0 && fetched < total / 4, `fetched ${fetched} of ${total} bytes`);
    t.diagnostic(`fetched ${fetched} of ${total} bytes for ${term} (${expected} results)`);

    // Show more: the next twenty, then the rest, each card once.
    assert.equal(await page.locator('.archive-more').textContent(), '显示更多档案结果');
    await page.locator('.archive-more').click();
    await page.waitForFunction(() => document.querySelectorAll('.archive-list .card').length === 40);
    cards = await page.locator('.archive-list .card-title').allTextContents();
    assert.deepEqual(cards, newest.slice(0, 40).map((r) => r.title));
    const ids = await page.locator('.archive-list .card').evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.equal(new Set(ids).size, 40);
    await showAll(page);
    assert.equal(await page.locator('.archive-list .card').count(), expected);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), newest.map((r) => r.title));
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`^档案中找到 ${expected} 篇。$`));

    await page.locator('.archive-list .card-title a').first().click();
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), cards[0]);
    assert.ok(urls.some((u) => u.includes('/archive/records/')), 'the article is read from its record');
    assert.ok((await page.locator('article.reader p').count()) >= first.blocks.length - 1, 'the whole body is shown');
    assert.equal(await page.locator('.toggle-source').count(), 0, 'archives publish no source text');
  });
});

/** The archive's manifest. */
const manifest = () => JSON.parse(readFileSync(join(site, 'archive', 'index', 'manifest.json'), 'utf8'));

/**
 * Opens a search for the most common title bigram with the first card chunk the app asks for
 * (the newest result's) answered by `answer(route)` when `release` is called; returns the
 * newest 20 matches and (once the chunk is asked for) the documents of that chunk among them.
 */
async function withFirstChunk(page, answer) {
  // (A page run by the service worker fetches through it, past any route.)
  const [term] = titleBigrams();
  const newest = records().filter((r) => text(r).some((s) => s.includes(term))).toReversed().slice(0, 20);
  let release, asked;
  const held = new Promise((ok) => { release = ok; });
  const chunk = new Promise((ok) => { asked = ok; });
  let first = null;
  await page.route('**/archive/cards/**', async (route) => {
    if (first === null) {
      first = Number(route.request().url().match(/cards\/(\d+)\.json/)[1]);
      asked();
      await held;
      return answer(route);
    }
    return route.continue();
  });
  await page.goto(base + '#/?q=' + encodeURIComponent(term));
  await waitForApp(page);
  await page.waitForSelector('.archive-summary:has-text("档案中找到")');
  await chunk;
  const size = manifest().card_chunk_size;
  const inFirst = () => newest.filter((r) => Math.floor(r.doc / size) === first);
  return { newest, inFirst, release };
}

test('archive results are listed at once, cards showing as their chunks come in and placeholders keeping the places of the rest', async (t) => {
  await withPage(t, env, async (page) => {
    const { newest, inFirst, release } = await withFirstChunk(page, (route) => route.continue());
    const waiting = inFirst();
    assert.equal(waiting[0], newest[0], 'the newest result\'s chunk is asked for first');
    assert.ok(waiting.length < newest.length, 'the newest 20 span more than one chunk');
    // While the newest result's chunk is held, cards from the others show in their places.
    await page.waitForFunction(() => document.querySelectorAll('.archive-list .card').length > 0);
    const slots = await page.locator('.archive-list > li').evaluateAll((els) =>
      els.map((e) => (e.classList.contains('card-placeholder') ? null : e.querySelector('.card-title').textContent)));
    assert.equal(slots.length, newest.length);
    newest.forEach((r, i) => {
      if (waiting.includes(r)) assert.equal(slots[i], null, `${r.title} is still on its way`);
      else if (slots[i] !== null) assert.equal(slots[i], r.title);
    });
    assert.equal(await page.locator('.archive-results').getAttribute('aria-busy'), 'true');
    assert.equal(await page.locator('.card-placeholder').first().getAttribute('aria-hidden'), 'true');
    release();
    await settled(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), newest.map((r) => r.title));
    assert.equal(await page.locator('.card-placeholder').count(), 0);
  }, { routes: true });
});

test('a card chunk that cannot be read is named, and the other results and the library stay', async (t) => {
  await withPage(t, env, async (page) => {
    const { newest, inFirst, release } = await withFirstChunk(page, (route) => route.fulfill({ status: 200, body: 'not gzip at all' }));
    release();
    const error = page.locator('.archive-results .error');
    await error.waitFor();
    assert.match(await error.textContent(), /^部分档案结果无法显示：.*cards\/\d{4}\.json\.gz：不是 gzip 压缩文件/);
    const rest = newest.filter((r) => !inFirst().includes(r));
    await page.waitForFunction((n) => document.querySelectorAll('.archive-list .card').length === n, rest.length);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), rest.map((r) => r.title));
    assert.equal(await page.locator('.archive-results').getAttribute('aria-busy'), 'false');
    await page.goto(base + '#/');
    await page.waitForSelector('.article-list:not(.archive-list) .card');
    assert.equal(await page.locator('.article-list:not(.archive-list) .card').count(), 4);
  }, { routes: true });
});

test('an excluded term leaves out of the archive list every article that contains it', async (t) => {
  const has = (r, s) => text(r).some((x) => x.includes(s));
  const [term, other] = titleBigrams();
  const newest = records().filter((r) => has(r, term) && !has(r, other)).toReversed();
  assert.ok(newest.length > 20 && records().some((r) => has(r, term) && has(r, other)), `${term} -${other}`);
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/?q=' + encodeURIComponent(`${term} -${other}`));
    await waitForApp(page);
    await settled(page);
    await showAll(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), newest.map((r) => r.title));
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`^档案中找到 ${newest.length} 篇。$`));
  });
});

test('an archived article opens from a link by its number, and a wrong number says so', async (t) => {
  const all = records();
  await withPage(t, env, async (page) => {
    const doc = all.findIndex((r, i) => i >= 100 && r.title);
    await page.goto(base + `#/archive/${doc}`);
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), all[doc].title);
    await page.goto(base + `#/archive/${all.length + 5}`);
    await page.waitForSelector('.not-found');
  });
});

test('an archived article opened while an earlier one is still loading stays, whatever answers last', async (t) => {
  const all = records();
  await withPage(t, env, async (page) => {
    const first = all.findIndex((r) => r.title);
    const second = all.length - 1 - [...all].reverse().findIndex((r) => r.title && r.title !== all[first].title);
    let held = false;
    await page.route('**/archive/records/**', async (route) => {
      if (!held) {
        // The first article's chunk answers late.
        held = true;
        await new Promise((ok) => setTimeout(ok, 1500));
      }
      await route.continue();
    });
    await page.goto(base + `#/archive/${first}`);
    await waitForApp(page);
    await page.goto(base + `#/archive/${second}`);
    await page.waitForSelector('article.reader');
    assert.equal(await page.locator('#article-title').textContent(), all[second].title);
    await page.waitForTimeout(2000);
    assert.equal(await page.locator('#article-title').textContent(), all[second].title);
  }, { routes: true });
});

test('without a search the archive says how many articles it holds, and the library still lists', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(base);
    await waitForApp(page);
    await page.waitForSelector('.archive-summary');
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`档案中有 ${records().length} 篇文章`));
    assert.equal(await page.locator('.article-list:not(.archive-list) .card').count(), 4);
  });
});

/**
 * Serves a copy of the site whose files under `dir` (in archive/index) `damage` rewrites, and
 * runs `body(page, url)` in a fresh page (`url(hash)` addresses the copy); at the end the
 * library still lists its 4 cards.
 */
async function withDamaged(t, dir, damage, body) {
  const broken = mkdtempSync(join(tmpdir(), 'kanbao-broken-'));
  cpSync(site, broken, { recursive: true });
  const root = join(broken, 'archive', 'index', dir);
  for (const f of readdirSync(root, { recursive: true })) {
    if (f.endsWith('.gz')) writeFileSync(join(root, f), damage(readFileSync(join(root, f))));
  }
  const other = await serve(broken, 0);
  const url = (hash) => `http://127.0.0.1:${other.address().port}/${hash}`;
  try {
    await withPage(t, env, async (page) => {
      await body(page, url);
      await page.goto(url('#/'));
      await page.waitForSelector('.article-list:not(.archive-list) .card');
      assert.equal(await page.locator('.article-list:not(.archive-list) .card').count(), 4);
    });
  } finally {
    await new Promise((ok) => other.close(ok));
  }
}

/** Waits for the archive's error message and returns it. */
async function archiveError(page) {
  const error = page.locator('.archive-results .error');
  await error.waitFor();
  return error.textContent();
}

/** The Han character in most archived articles: its list is cut into blocks. */
function commonCharacter() {
  const counts = new Map();
  for (const r of records()) {
    for (const c of new Set(text(r).join(''))) if (/\p{Script=Han}/u.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

test('a damaged archive file is reported in the list, and the library is untouched', async (t) => {
  // Position shards that are not gzip.
  await withDamaged(t, 'positions', () => 'not gzip at all', async (page, url) => {
    const title = records().find((r) => r.title.length >= 6).title.replace(/\s+/g, '');
    await page.goto(url('#/?q=' + encodeURIComponent(title.slice(0, 4))));
    await waitForApp(page);
    assert.match(await archiveError(page), /档案检索失败，文库不受影响：.*positions\/\d{4}\.bin\.gz/);
    // One-character terms read other files and still work.
    await page.goto(url('#/?q=' + encodeURIComponent(title.slice(0, 1))));
    await settled(page);
  });
});

test('a damaged block of a long list is reported by its name, and the library is untouched', async (t) => {
  const common = commonCharacter();
  // Blocks that are not gzip, and blocks that are gzip of something else: each is named.
  await withDamaged(t, 'blocks', () => 'not gzip at all', async (page, url) => {
    await page.goto(url('#/?q=' + encodeURIComponent(common)));
    await waitForApp(page);
    assert.match(await archiveError(page), /档案检索失败，文库不受影响：.*blocks\/\d{3}\/\d{3}\.bin\.gz：不是 gzip 压缩文件/);
  });
  await withDamaged(t, 'blocks', (gz) => gzipSync(gunzipSync(gz).subarray(0, 7)), async (page, url) => {
    await page.goto(url('#/?q=' + encodeURIComponent(common)));
    await waitForApp(page);
    assert.match(await archiveError(page), /档案检索失败，文库不受影响：.*blocks\/\d{3}\/\d{3}\.bin\.gz：档案文件已损坏/);
  });
});

test('a browser that cannot decompress the archive is told so, and the library still lists', async (t) => {
  await withPage(t, env, async (page) => {
    await page.addInitScript(() => {
      delete window.DecompressionStream;
    });
    await page.goto(base);
    await waitForApp(page);
    const notice = page.locator('.notice-error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /无法打开档案：.*manifest\.json.*DecompressionStream/);
    assert.equal(await page.locator('.archive-results').count(), 0);
    assert.equal(await page.locator('.article-list .card').count(), 4);
  });
});

/** A page label's number for ordering, as the calendar orders a day's pages. */
const pageNumber = (label) => Number((label ?? '').match(/\d+/)?.[0] ?? Infinity);

/** The archive's pages of `date` in page order, each with its records in printed order. */
function pagesOf(date) {
  const pages = new Map();
  records().forEach((r, doc) => {
    if (r.page.date !== date) return;
    if (!pages.has(r.page.source)) pages.set(r.page.source, { label: r.page.page, section: r.page.section, docs: [] });
    pages.get(r.page.source).docs.push({ doc, title: r.title });
  });
  return [...pages.values()].sort((a, b) => pageNumber(a.label) - pageNumber(b.label));
}

test('the calendar shows the archive\'s dates; a date opens its pages from one small file and a page its articles in printed order', async (t) => {
  const all = records();
  const dates = [...new Set(all.map((r) => r.page.date))].sort();
  const date = dates[3];
  const pages = pagesOf(date);
  assert.ok(pages.length > 4, `${date}: ${pages.length} pages`);
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/d');
    await waitForApp(page);
    // The archive's months beside the library's sample (烟台日报, November 2023).
    const month = page.locator('.month a', { hasText: '1月' });
    await month.waitFor();
    const byMonth = new Set(all.map((r) => r.page.source)).size;
    assert.equal(await month.textContent(), `1月${byMonth}版`);
    await month.click();
    await page.waitForFunction(() => document.querySelector('.month-grid caption')?.textContent === '2016年1月');
    assert.equal(await page.locator('.month-grid td.held a').count(), dates.length);
    const day = page.locator('.month-grid td.held a').nth(3);
    assert.equal(await day.getAttribute('aria-label'), `${date.slice(0, 4)}年1月${Number(date.slice(8))}日，${pages.length}个版面`);
    await audit(page, 'archive calendar');

    // A date opened cold: the calendar's files and the shown page's cards, nothing else.
    const urls = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    await page.goto('about:blank');
    await page.goto(base + `#/d/${date}`);
    await waitForApp(page);
    const archive = page.locator('.paper', { has: page.locator('.paper-name', { hasText: '档案' }) });
    await archive.locator('.card-title').first().waitFor();
    const label = (p) => `${/^\d+$/.test(p.label) ? `第${p.label}版` : `${p.label}版`}${p.section ? ` ${p.section}` : ''}${p.docs.length}篇`;
    assert.deepEqual(await archive.locator('.page-tab').allTextContents(), pages.map(label));
    assert.deepEqual(await archive.locator('.card-title').allTextContents(), pages[0].docs.map((d) => d.title));
    const fetched = urls.filter((u) => u.includes('/archive/'));
    assert.ok(fetched.every((u) => /\/archive\/(index\/manifest\.json|calendar\/(index|2016-01)\.json\.gz|cards\/\d{4}\.json\.gz)$/.test(u)),
      `only the calendar and the page's cards: ${fetched}`);
    // index.html asks for the manifest, the calendar and the month while the app starts, and
    // the app's own requests take those answers: each file is fetched once.
    for (const file of ['/archive/index/manifest.json', '/archive/calendar/index.json.gz', '/archive/calendar/2016-01.json.gz']) {
      assert.equal(fetched.filter((u) => u.endsWith(file)).length, 1, `${file}: ${fetched}`);
    }
    await audit(page, 'archive issue');

    // The next page, by its link; then an article, with its neighbours in printed order.
    await archive.locator('.next-page').click();
    await page.waitForFunction((t) => document.querySelector('.paper:last-child .card-title')?.textContent === t, pages[1].docs[0].title);
    assert.equal(await page.evaluate(() => location.hash), `#/d/${date}/${encodeURIComponent(pages[1].label)}`);
    const second = pages[1].docs[1];
    await archive.locator('.card-title a').nth(1).click();
    await page.waitForFunction((t) => document.querySelector('#article-title')?.textContent === t, second.title);
    assert.equal(await page.evaluate(() => location.hash), `#/archive/${second.doc}`);
    await page.waitForSelector('.printed-order-nav .next-article');
    assert.equal(await page.locator('.previous-article').textContent(), `上一篇${pages[1].docs[0].title}`);
    assert.equal(await page.locator('.next-article').textContent(), `下一篇${pages[1].docs[2]?.title ?? pages[2].docs[0].title}`);
    await page.click('.on-page');
    await page.waitForFunction((h) => location.hash === h, `#/d/${date}/${encodeURIComponent(pages[1].label)}`);
  });
});

test('a date the archive does not hold says so, and an archive built before calendars still searches', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/d/2015-06-01');
    await waitForApp(page);
    await page.waitForSelector('.issue-view .empty');
    assert.equal(await page.locator('.paper').count(), 0);
  });
  // The same archive with its calendar taken away, as an older build would be.
  const { server: other, url } = await serveWithout('calendar');
  try {
    await withPage(t, env, async (page) => {
      const urls = [];
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      await page.goto(`${url}#/d`);
      await waitForApp(page);
      // The sample page of the library prints no date: nothing to show, and nothing asked for.
      await page.waitForSelector('.dates-view .empty');
      assert.equal(await page.locator('.month a').count(), 0);
      assert.ok(!urls.some((u) => u.includes('/calendar/')), `${urls}`);
      // It still searches; a period asked of it is said to be ignored.
      const [term] = titleBigrams();
      await page.goto(`${url}#/?q=${encodeURIComponent(term)}&from=2016-01-03&to=2016-01-04`);
      await settled(page);
      assert.match(await page.locator('.archive-period-ignored').textContent(), /不能按时期筛选/);
      assert.equal(await page.locator('.archive-list .card-title').count(), 20);
    });
  } finally {
    await new Promise((ok) => other.close(ok));
  }
});

test('a period from the timeline narrows the archive search to its dates, exactly, reading fewer files', async (t) => {
  const all = records();
  const [term] = titleBigrams();
  const dates = [...new Set(all.map((r) => r.page.date))].sort();
  const [from, to] = [dates[4], dates[6]];
  const matching = all.filter((r) => text(r).some((s) => s.includes(term)));
  const inPeriod = matching.filter((r) => r.page.date >= from && r.page.date <= to).toReversed();
  assert.ok(inPeriod.length > 0 && inPeriod.length < matching.length);
  await withPage(t, env, async (page) => {
    const urls = [];
    page.on('request', (r) => urls.push(new URL(r.url()).pathname));
    await page.goto(base + `#/?q=${encodeURIComponent(term)}&from=${from}&to=${to}`);
    await waitForApp(page);
    await settled(page);
    await showAll(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), inPeriod.map((r) => r.title));
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`^档案中找到 ${inPeriod.length} 篇`));
    const periodBlocks = urls.filter((u) => u.includes('/archive/index/blocks/')).length;
    // The whole archive searched to its end reads more of the term's blocks.
    const whole = [];
    const fresh = await page.context().browser().newContext();
    const other = await fresh.newPage();
    other.on('request', (r) => whole.push(new URL(r.url()).pathname));
    await other.goto(base + `#/?q=${encodeURIComponent(term)}`);
    await waitForApp(other);
    await settled(other);
    await showAll(other);
    const wholeBlocks = whole.filter((u) => u.includes('/archive/index/blocks/')).length;
    await fresh.close();
    assert.ok(periodBlocks < wholeBlocks, `${periodBlocks} blocks for the period, ${wholeBlocks} for the whole archive`);
  });
});

test('an archive search draws its matches over time, marks what is not searched yet, and counts to the end or stops when asked', async (t) => {
  // An archive of three months (16 pages a day from 2016-01-01).
  const work = mkdtempSync(join(tmpdir(), 'kanbao-months-'));
  const months = join(work, 'site');
  cpSync(DIST, months, { recursive: true });
  kanbao('gen', '--pages', '1200', '--seed', '7', '-o', join(work, 'pages'));
  kanbao('build', join(work, 'pages'), '-o', months, '--block-kib', '1', '--loose');
  const recs = archiveRecords(months);
  const counts = new Map();
  for (const r of recs) for (const c of new Set(text(r).join(''))) if (/\p{Script=Han}/u.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const term = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const byMonth = new Map();
  for (const r of recs) if (text(r).some((s) => s.includes(term))) byMonth.set(r.page.date.slice(0, 7), (byMonth.get(r.page.date.slice(0, 7)) ?? 0) + 1);
  assert.deepEqual([...byMonth.keys()].sort(), ['2016-01', '2016-02', '2016-03']);
  const other = await serve(months, 0);
  const url = `http://127.0.0.1:${other.address().port}/`;
  try {
    await withPage(t, env, async (page) => {
      // Blocks come slowly, so that a count can be stopped half way.
      await page.route('**/archive/index/blocks/**', async (route) => {
        await new Promise((ok) => setTimeout(ok, 150));
        await route.continue();
      });
      await page.goto(url + '#/?q=' + encodeURIComponent(term));
      await waitForApp(page);
      await settled(page);
      const chart = page.locator('.archive-timeline');
      await chart.locator('.bar').first().waitFor();
      assert.deepEqual(await chart.locator('.bar').evaluateAll((bars) => bars.map((b) => b.dataset.period)), ['2016-01', '2016-02', '2016-03']);
      assert.ok(await chart.locator('.bar.pending').count() > 0, 'the oldest months are not searched yet');
      await audit(page, 'archive timeline');
      // Count, then stop.
      await page.click('.archive-count-all');
      await page.waitForSelector('.archive-count-cancel');
      assert.match(await page.locator('.archive-count').textContent(), /正在统计全部结果：已检索档案的 \d+%/);
      await page.click('.archive-count-cancel');
      await page.waitForSelector('.archive-count-all');
      // Count to the end: every bar exact, as the records say.
      await page.click('.archive-count-all');
      await page.waitForFunction(() => !document.querySelector('.archive-count'), null, { timeout: 60000 });
      assert.equal(await chart.locator('.bar.pending').count(), 0);
      const rows = await chart.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('td').textContent));
      assert.deepEqual(rows.map(Number), ['2016-01', '2016-02', '2016-03'].map((m) => byMonth.get(m)));
      const total = [...byMonth.values()].reduce((a, b) => a + b, 0);
      assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`^档案中找到 ${total} 篇，显示前 20 篇。$`));
      assert.equal(await page.locator('.archive-list .card').count(), 20, 'counting lists no more');
      // A bar picks its month: the archive is searched in it only.
      await chart.locator('.bar[data-period="2016-02"]').click();
      await page.waitForFunction(() => location.hash.includes('from=2016-02') && location.hash.includes('to=2016-02'));
      await settled(page);
      const places = await page.locator('.archive-list .card-place').allTextContents();
      assert.ok(places.length > 0 && places.every((p) => p.includes('2016-02')), places.join(' | '));
    }, { routes: true });
  } finally {
    await new Promise((ok) => other.close(ok));
  }
});

/** The archive's list of facet values, read from disk. */
function facetList() {
  return JSON.parse(gunzipSync(readFileSync(join(site, 'archive', 'facets.json.gz'))).toString('utf8'));
}

test('the archive\'s facets are listed with their counts, and its filters narrow the archive exactly, alone and with a search, in the library\'s URL', async (t) => {
  const all = records();
  const facets = facetList();
  const top = facets.facets.reporter.values[0];
  const byReporter = all.filter((r) => r.byline.reporters.includes(top.value));
  assert.equal(byReporter.length, top.count);
  await withPage(t, env, async (page) => {
    // Before any search: the archive's most common values, counted over the whole archive.
    await page.goto(base);
    await waitForApp(page);
    await page.locator('.archive-facets').waitFor();
    assert.match(await page.locator('.archive-facets .facet-note').first().textContent(), /整个档案/);
    const kinds = facets.facets.kind.values;
    assert.deepEqual(await page.locator('.archive-facets [data-facet="kind"] .count').allTextContents(), kinds.map((v) => String(v.count)));
    assert.equal(await page.locator(`.archive-facets [data-facet="reporter"] label:has(input[data-value="${top.value}"]) .count`).textContent(), String(top.count));
    await audit(page, 'archive filters');
    await page.emulateMedia({ colorScheme: 'dark' });
    await audit(page, 'archive filters, dark');
    await page.emulateMedia({ colorScheme: 'light' });

    await page.goto(base + '#/?reporter=' + encodeURIComponent(top.value));
    await settled(page);
    // The archive's group of the panel: the picked value checked, counted in the results, which
    // are all on screen: exact counts.
    const box = page.locator(`.archive-facets [data-facet="reporter"] input[data-value="${top.value}"]`);
    assert.equal(await box.isChecked(), true);
    await page.waitForFunction(() => /档案结果中的篇数/.test(document.querySelector('.archive-facets .facet-note')?.textContent));
    assert.equal(await page.locator(`.archive-facets [data-facet="reporter"] label:has(input[data-value="${top.value}"]) .count`).textContent(), String(top.count));
    const kindCounts = new Map();
    for (const r of byReporter) kindCounts.set(r.kind, (kindCounts.get(r.kind) ?? 0) + 1);
    const shownKinds = await page.locator('.archive-facets [data-facet="kind"] input').evaluateAll((els) => els.map((e) => e.dataset.value));
    assert.deepEqual(new Set(shownKinds), new Set(kindCounts.keys()));
    // Without search text, every article of the reporter, newest first, exactly.
    await showAll(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), byReporter.toReversed().map((r) => r.title));
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`^档案中找到 ${top.count} 篇`));

    // A kind picked in the archive's group joins the same URL, and narrows both.
    // A kind some of the reporter's articles are and some are not.
    const kind = byReporter.map((r) => r.kind).find((k) => byReporter.some((r) => r.kind !== k));
    assert.ok(kind, `${top.value}'s articles are of one kind`);
    await page.locator(`.archive-facets [data-facet="kind"] input[data-value="${kind}"]`).check();
    await page.waitForFunction((k) => location.hash.includes(`kind=${k}`), kind);
    assert.ok(decodeURIComponent(await page.evaluate(() => location.hash)).includes(`reporter=${top.value}`));
    const both = byReporter.filter((r) => r.kind === kind);
    assert.ok(both.length > 0 && both.length < byReporter.length);
    await page.waitForFunction((first) => document.querySelector('.archive-list .card-title')?.textContent === first, both.at(-1).title);
    await settled(page);
    await showAll(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), both.toReversed().map((r) => r.title));
    assert.equal(await page.locator('.chips .chip').count(), 2);

    // Search text with two kinds (either) and a page.
    const [term] = titleBigrams();
    const picked = facets.facets.kind.values.slice(0, 2).map((v) => v.value);
    const section = facets.facets.section.values[0].value;
    const sectionOf = (r) => [r.page.page, r.page.section].filter(Boolean).join(' ');
    const want = all.filter((r) => text(r).some((s) => s.includes(term)) && picked.includes(r.kind) && sectionOf(r) === section).toReversed();
    assert.ok(want.length > 0);
    // A common term alone: the panel counts the kinds of the 20 results shown and scales them
    // to the estimated total, saying so.
    const common = all.filter((r) => text(r).some((s) => s.includes(term)));
    await page.goto(base + `#/?q=${encodeURIComponent(term)}`);
    await page.waitForFunction((first) => document.querySelector('.archive-list .card-title')?.textContent === first, common.at(-1).title);
    await settled(page);
    await page.waitForFunction(() => /按已显示的 20 篇档案结果估计/.test(document.querySelector('.archive-facets .facet-note')?.textContent));
    const estimated = await page.locator('.archive-facets [data-facet="kind"] .count').allTextContents();
    assert.ok(estimated.length > 0 && estimated.every((c) => /^(约\d+|至少1)$/.test(c)), `${estimated}`);
    const sum = estimated.reduce((n, c) => n + (c === '至少1' ? 1 : Number(c.slice(1))), 0);
    assert.ok(sum > common.length / 3 && sum < common.length * 3, `${sum} for ${common.length}`);

    await page.goto(base + `#/?q=${encodeURIComponent(term)}&kind=${picked[0]}&kind=${picked[1]}&section=${encodeURIComponent(section)}`);
    await page.waitForFunction((first) => document.querySelector('.archive-list .card-title')?.textContent === first, want[0].title);
    await settled(page);
    await showAll(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), want.map((r) => r.title));
  });
});

test('oldest first lists the archive\'s oldest matches first, a page at a time, exactly', async (t) => {
  const all = records();
  const [term] = titleBigrams();
  const matching = all.filter((r) => text(r).some((s) => s.includes(term)));
  await withPage(t, env, async (page) => {
    await page.goto(base + '#/?q=' + encodeURIComponent(term));
    await waitForApp(page);
    await settled(page);
    // The order is picked from the list's menu, and kept in the URL.
    await page.selectOption('.sort-select', 'oldest');
    await page.waitForFunction(() => location.hash.includes('sort=oldest'));
    await page.waitForFunction((first) => document.querySelector('.archive-list .card-title')?.textContent === first, matching[0].title);
    await settled(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), matching.slice(0, 20).map((r) => r.title));
    assert.match(await page.locator('.archive-summary').textContent(), /显示最早的 20 篇/);
    await showAll(page);
    assert.deepEqual(await page.locator('.archive-list .card-title').allTextContents(), matching.map((r) => r.title));
    assert.match(await page.locator('.archive-summary').textContent(), new RegExp(`^档案中找到 ${matching.length} 篇`));
  });
});

test('an archive built before facets were indexed still searches, and says which filters it cannot apply', async (t) => {
  const { server: other, url } = await serveWithout('facets');
  try {
    await withPage(t, env, async (page) => {
      const urls = [];
      page.on('request', (r) => urls.push(new URL(r.url()).pathname));
      const [term] = titleBigrams();
      const reporter = facetList().facets.reporter.values[0].value;
      await page.goto(`${url}#/?q=${encodeURIComponent(term)}&reporter=${encodeURIComponent(reporter)}`);
      await waitForApp(page);
      await settled(page);
      assert.match(await page.locator('.archive-filters-ignored').textContent(), /档案不能按记者筛选/);
      assert.equal(await page.locator('.archive-list .card-title').count(), 20);
      assert.equal(await page.locator('.archive-facets').count(), 0);
      assert.ok(!urls.some((u) => u.includes('facets.json')), `${urls}`);
    });
  } finally {
    await new Promise((ok) => other.close(ok));
  }
});
