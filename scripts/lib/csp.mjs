// Trunk post-build hook: gives the built index.html a strict Content-Security-Policy.
// The only inline script is Trunk's module loader; it is allowed by its SHA-256, so no other
// inline script can run. The same policy, plus what only a header can carry, is written to
// csp.txt for administrators who set it as a response header.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk hook, or pass the dist directory)');
  process.exit(2);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?/, '');

const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);
// The deployment manifest: the origins of the archives it lists (connect-src) and of the pages
// that may embed Kanbao (frame-ancestors). Run again on a built site (`node scripts/lib/csp.mjs
// dist`) after changing the archives it lists.
let deployment = {};
try {
  deployment = JSON.parse(readFileSync(join(dir, 'static', 'library.json'), 'utf8'));
} catch {
  // No manifest: the site's own archive and pages only.
}
const origin = (url) => /^(https?:\/\/[A-Za-z0-9.\-:\[\]]+)(?:[/?#]|$)/.exec(String(url).trim())?.[1];
const archiveOrigins = [
  ...new Set((Array.isArray(deployment.archives) ? deployment.archives : []).map((a) => origin(a?.url)).filter(Boolean)),
];
export const directives = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  ["connect-src 'self'", ...archiveOrigins].join(' '),
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];
const policy = directives.join('; ');
html = html.replace(/(<meta charset="utf-8">)/i, `$1\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(file, html);
// frame-ancestors works only as a header: the pages allowed to embed Kanbao are the site's own
// and those the deployment manifest lists under embed.origins (the same list the app takes
// messages from).
const origins = (deployment.embed?.origins ?? []).filter((o) => /^https?:\/\/[^\s;'"]+$/.test(o));
writeFileSync(join(dir, 'csp.txt'), `${policy}; frame-ancestors ${["'self'", ...origins].join(' ')}\n`);
