#!/usr/bin/env node
// npm run playground: converts the sample workbooks to snapshot JSON, builds the dev-only playground
// (the real task pane over the fake Excel host) into build/playground/ and serves it on
// http://127.0.0.1:3001 with a plain Node static server.
//   node scripts/playground.js [--port 3001] [--no-build]
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build', 'playground');
const DATA = path.join(ROOT, 'build', 'playground-data');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** Converts the workbooks and runs webpack (development, playground only). Throws on failure. */
function buildPlayground({ quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit';
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const data = spawnSync(process.execPath, [tsx, path.join(ROOT, 'src', 'playground', 'build-data.ts'), DATA], { cwd: ROOT, stdio });
  if (data.status !== 0) throw new Error(`converting the sample workbooks failed${quiet ? `:\n${data.stderr}` : ''}`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const wp = spawnSync(process.execPath, [cli, '--mode', 'development', '--env', 'playground'], { cwd: ROOT, stdio });
  if (wp.status !== 0) throw new Error(`webpack failed${quiet ? `:\n${wp.stdout}\n${wp.stderr}` : ''}`);
  return OUT;
}

/** A static file server for `dir` (GET/HEAD only, no directory listing). Resolves to the http.Server. */
function serveStatic(dir, { port = 0, host = '127.0.0.1', index = 'index.html' } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname.endsWith('/')) pathname += index;
    const file = path.resolve(root, `.${pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 未找到');
        return;
      }
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

async function main() {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : 3001;
  if (!args.includes('--no-build')) buildPlayground();
  if (!fs.existsSync(path.join(OUT, 'index.html'))) {
    console.error('playground: build/playground/index.html is missing; run without --no-build');
    process.exit(2);
  }
  const server = await serveStatic(OUT, { port, host: '127.0.0.1' });
  const { port: actual } = server.address();
  console.log(`\n预算表格核对 · 演练场: http://127.0.0.1:${actual}/   (Ctrl+C 停止)`);
}

module.exports = { buildPlayground, serveStatic, PLAYGROUND_OUT: OUT };

if (require.main === module) {
  main().catch((e) => {
    console.error(`playground: ${e.message}`);
    process.exit(1);
  });
}
