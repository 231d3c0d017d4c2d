#!/usr/bin/env node
// Proves the production add-in build references no host but its own base URL (unless the CDN option
// was chosen): scans every .html/.js/.mjs/.xml/.css/.json file of the build output, except the office-js/
// folder copied verbatim from Microsoft's package, for absolute http(s) URLs.
//
//   node scripts/check-build-hosts.js [dir=dist-addin] [--base-url https://host/path/] [--allow-cdn]
// Exit 0 = clean, 1 = foreign hosts found (listed), 2 = bad usage.
'use strict';
const fs = require('fs');
const path = require('path');

// Namespace and identifier URIs that are never fetched.
const ALLOWED_NAMESPACES = [
  /^https?:\/\/schemas\.microsoft\.com\/office\//i,
  /^https?:\/\/www\.w3\.org\//i,
  /^https?:\/\/schemas\.openxmlformats\.org\//i,
  /^https?:\/\/purl\.org\//i,
  /^http:\/\/ns\.adobe\.com\//i,
];
const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
// Not .txt: webpack's *.LICENSE.txt legal notices name their projects' home pages and are never loaded.
const SCANNED = new Set(['.html', '.htm', '.js', '.mjs', '.xml', '.css', '.json']);
const URL_RE = /\bhttps?:\/\/[^\s"'`<>()\\{}|^]+/gi;

function parseArgs(argv) {
  const out = { dir: 'dist-addin', baseUrl: null, allowCdn: false };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') out.baseUrl = argv[++i];
    else if (a.startsWith('--base-url=')) out.baseUrl = a.slice('--base-url='.length);
    else if (a === '--allow-cdn') out.allowCdn = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: check-build-hosts.js [dir] [--base-url URL] [--allow-cdn]');
      process.exit(0);
    } else rest.push(a);
  }
  if (rest[0]) out.dir = rest[0];
  return out;
}

/** The base URL the build was made for: the task pane's SourceLocation in the built manifest. */
function baseUrlFromManifest(dir) {
  const file = path.join(dir, 'manifest.xml');
  if (!fs.existsSync(file)) return null;
  const m = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) return null;
  return new URL('./', m[1]).href;
}

function* walk(dir, rel = '') {
  for (const ent of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) {
      if (r === 'office-js') continue; // Microsoft's own files, copied as is
      yield* walk(dir, r);
    } else yield r;
  }
}

/**
 * Returns the offending references: [{ file, url }].
 * @param {string} dir build output
 * @param {{ baseUrl: string, allowCdn?: boolean }} opts
 */
function checkBuildHosts(dir, opts) {
  const base = new URL(opts.baseUrl);
  const problems = [];
  let files = 0;
  for (const rel of walk(dir)) {
    if (!SCANNED.has(path.extname(rel).toLowerCase())) continue;
    files++;
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const m of text.matchAll(URL_RE)) {
      const url = m[0].replace(/[.,;:]+$/, '');
      if (ALLOWED_NAMESPACES.some((re) => re.test(url))) continue;
      if (opts.allowCdn && url === CDN_OFFICE_JS) continue;
      let u;
      try {
        u = new URL(url);
      } catch {
        problems.push({ file: rel, url });
        continue;
      }
      const sameOrigin = u.origin === base.origin;
      const underBase = sameOrigin && (u.pathname + '/').startsWith(base.pathname);
      if (!underBase) problems.push({ file: rel, url });
    }
  }
  return { files, problems };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = path.resolve(args.dir);
  if (!fs.existsSync(dir)) {
    console.error(`check-build-hosts: ${args.dir} does not exist (run npm run build first)`);
    process.exit(2);
  }
  const baseUrl = args.baseUrl || baseUrlFromManifest(dir);
  if (!baseUrl) {
    console.error('check-build-hosts: no --base-url given and no manifest.xml SourceLocation to take it from');
    process.exit(2);
  }
  const { files, problems } = checkBuildHosts(dir, { baseUrl, allowCdn: args.allowCdn });
  if (files === 0) {
    console.error(`check-build-hosts: no html/js/xml files in ${args.dir}`);
    process.exit(2);
  }
  if (problems.length) {
    console.error(`check-build-hosts: FAIL: ${problems.length} reference(s) to hosts other than ${baseUrl}:`);
    const seen = new Set();
    for (const p of problems) {
      const k = `${p.file} ${p.url}`;
      if (seen.has(k)) continue;
      seen.add(k);
      console.error(`  ${p.file}: ${p.url}`);
    }
    process.exit(1);
  }
  console.log(`check-build-hosts: OK: ${files} file(s) in ${args.dir} reference no host but ${baseUrl}`);
}

module.exports = { checkBuildHosts, baseUrlFromManifest };
if (require.main === module) main();
