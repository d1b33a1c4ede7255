import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, withPage, waitForApp } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const SAMPLE_TITLES = [
  '“合纵连横”走在前 “港城标兵”作表率',
  '烟台自然博物馆获评 国家自然资源科普基地',
  '58.44万粒“三无”减肥产品 夹藏进境被海关查获',
  '千名航天人奋战百亿级产业集群',
];

test('the served app lists the four articles of the bundled sample page without user action', async (t) => {
  await withPage(t, env, async (page, errors) => {
    await page.goto(env.base);
    await waitForApp(page);
    const titles = await page.locator('.card-title').allTextContents();
    assert.deepEqual(titles, SAMPLE_TITLES);
    assert.deepEqual(errors, []);
  });
});
