// A phone-sized reader (390×844) and an automated accessibility audit (axe-core, WCAG 2.1 AA
// and best practice) of every view, in light and dark.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withPage, waitForApp, audit as auditPage } from './harness.mjs';
const PHONE = { width: 390, height: 844 };

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function phone() {
  return env.browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true });
}

/** Nothing scrolls sideways. */
async function noSidewaysScroll(page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the page is ${width} px wide on a ${PHONE.width} px screen`);
}

/** Every control on the screen is a tap target of 44 × 44 px at least. */
async function tapTargets(page) {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, textarea, .site-nav a, .facet-value, .button')]
      .filter((e) => e.offsetParent !== null && e.type !== 'checkbox' && e.type !== 'file')
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { what: e.className || e.tagName, w: Math.round(r.width), h: Math.round(r.height) };
      })
      .filter((b) => b.w < 44 || b.h < 44));
  assert.deepEqual(small, []);
}

test('on a phone the list comes first and the facets open in a drawer with the number of filters', async (t) => {
  const context = await phone();
  await withPage(t, env, async (page) => {
    await page.goto(env.base);
    await waitForApp(page);
    // The whole first article card is on the first screen; the facets are not.
    const card = await page.locator('.card').first().boundingBox();
    assert.ok(card.y + card.height <= PHONE.height, `the first card ends at ${card.y + card.height} px`);
    assert.equal(await page.locator('#facets').isVisible(), false);
    await noSidewaysScroll(page);
    await tapTargets(page);

    const toggle = page.locator('.filters-toggle');
    assert.equal(await toggle.textContent(), '筛选');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await page.waitForSelector('#facets.open');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    // Focus moves into the drawer; it fits the screen.
    assert.equal(await page.evaluate(() => document.activeElement.closest('#facets') !== null), true);
    const drawer = await page.locator('#facets').boundingBox();
    assert.ok(drawer.x >= 0 && drawer.x + drawer.width <= PHONE.width);
    await tapTargets(page);

    // Choosing a reporter filters the list; the button counts the filter.
    await page.locator('#facets [data-facet="reporter"] input[data-value="杨健"]').check();
    await page.waitForFunction(() => document.querySelectorAll('.card').length === 1);
    assert.equal(await toggle.textContent(), '筛选 (1)');
    // The box keeps the focus though the facets around it changed.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.value), '杨健');
    // Escape closes the drawer and gives focus back to its button.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#facets:not(.open)', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('filters-toggle')), true);
    assert.equal(await page.locator('#facets').isVisible(), false);
    // So does a tap beside it.
    await toggle.click();
    await page.waitForSelector('#facets.open');
    await page.mouse.click(10, PHONE.height / 2);
    await page.waitForSelector('#facets:not(.open)', { state: 'attached' });
    assert.match(page.url(), /reporter=/);
  }, { context });
  await context.close();
});

test('on a phone the reading view fits the screen with no sideways scroll', async (t) => {
  const context = await phone();
  await withPage(t, env, async (page) => {
    await page.goto(env.base);
    await waitForApp(page);
    await page.locator('.card-title a').first().click();
    await page.waitForSelector('article.reader');
    await noSidewaysScroll(page);
    await tapTargets(page);
    const body = await page.locator('.body p').first().boundingBox();
    assert.ok(body.x >= 0 && body.x + body.width <= PHONE.width);
    // The library view too.
    await page.goto(env.base + '#/library');
    await page.waitForSelector('.library-view');
    await noSidewaysScroll(page);
    await tapTargets(page);
  }, { context });
  await context.close();
});

test('the same list on a wide screen shows the facets beside it and no drawer button', async (t) => {
  await withPage(t, env, async (page) => {
    await page.goto(env.base);
    await waitForApp(page);
    assert.equal(await page.locator('#facets').isVisible(), true);
    assert.equal(await page.locator('.filters-toggle').isVisible(), false);
    assert.equal(await page.locator('.drawer-bar').isVisible(), false);
  });
});

for (const scheme of ['light', 'dark']) {
  test(`every view passes an automated accessibility audit in ${scheme} mode, with one level-one heading`, async (t) => {
    for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
      const context = await env.browser.newContext({ locale: 'zh-CN', viewport, colorScheme: scheme });
      await withPage(t, env, async (page) => {
        const audit = (view) => auditPage(page, `${view} ${viewport.width}px`);
        await page.goto(env.base);
        await waitForApp(page);
        await audit('list');
        await page.goto(env.base + '#/?q=' + encodeURIComponent('烟台'));
        await page.waitForFunction(() => document.querySelector('h1')?.textContent === '搜索“烟台”');
        await audit('search');
        await page.locator('.card-title a').first().click();
        await page.waitForSelector('article.reader');
        await audit('article');
        await page.goto(env.base + '#/library');
        await page.waitForSelector('.library-view');
        await audit('library');
      }, { context });
      await context.close();
    }
  });
}
