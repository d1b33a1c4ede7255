// Trunk post-build hook (Trunk.toml): writes precache.json into the staging directory, the list
// of everything the service worker (static/sw.js) keeps for offline use — the app shell with
// Trunk's hashed wasm, JS and CSS, index.html, static/ with the deployment's pages — and a
// version hashed from their contents, which names the worker's cache. The version is written
// into sw.js too, so that every build whose files differ is a new service worker for the
// browser. Run again on a built site (`node scripts/lib/precache.mjs DIR`) after changing its
// files, it gives the site a new version the same way.
// All URLs are relative to the site's root, so the site works under any sub-path.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('precache: TRUNK_STAGING_DIR is not set (run by trunk build, or pass the directory)');
  process.exit(1);
}

// The worker itself is fetched by the browser's update check, never from its own cache;
// csp.txt is for administrators (and written by csp.mjs while this hook runs).
const SKIP = new Set(['sw.js', 'static/sw.js', 'precache.json', 'csp.txt']);

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)],
  );
}

const files = walk(dir)
  .map((f) => relative(dir, f).split(sep).join('/'))
  .filter((f) => !SKIP.has(f))
  .sort();

const hash = createHash('sha256');
for (const f of files) {
  hash.update(f).update('\0');
  // Trunk runs post-build hooks side by side, and csp.mjs rewrites index.html meanwhile: its
  // content follows from the other files anyway, and the worker fetches it network-first.
  if (f !== 'index.html') hash.update(readFileSync(join(dir, f)));
  hash.update('\0');
}
const version = hash.digest('hex').slice(0, 16);
const urls = files.map((f) => encodeURI(f));
writeFileSync(join(dir, 'precache.json'), JSON.stringify({ version, urls }, null, 1) + '\n');
const VERSION_LINE = /^const VERSION = '[^']*';$/m;
for (const worker of ['sw.js', 'static/sw.js']) {
  let source;
  try {
    source = readFileSync(join(dir, worker), 'utf8');
  } catch {
    continue;
  }
  if (!VERSION_LINE.test(source)) {
    console.error(`precache: ${worker} has no VERSION line to write the version into`);
    process.exit(1);
  }
  writeFileSync(join(dir, worker), source.replace(VERSION_LINE, `const VERSION = '${version}';`));
}
console.log(`precache: ${urls.length} files, version ${version}`);
