// Renders Kanbao's PNG icons (static/icons/kanbao-192.png, kanbao-512.png) from
// static/icons/kanbao.svg with headless Chromium. Run it after changing the SVG:
//   node scripts/lib/icons.mjs      (needs e2e/node_modules, as scripts/test installs)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { chromium } = createRequire(join(ROOT, 'e2e', 'package.json'))('playwright-core');
const svg = readFileSync(join(ROOT, 'static', 'icons', 'kanbao.svg'), 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: join(ROOT, 'static', 'icons', `kanbao-${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
