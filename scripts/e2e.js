#!/usr/bin/env node
// npm run test:e2e
//  1. builds the playground (development) and serves it on 127.0.0.1 on a free port;
//  2. runs every test/e2e/*.e2e.ts against it (Debian Chromium via playwright-core);
//  3. builds the production add-in into build/e2e-addin/ for a made-up intranet base URL and runs
//     scripts/check-build-hosts.js on it (no host but the base URL may be referenced).
// Prints "N passed, N failed" last; exit code 1 on any failure.
//   node scripts/e2e.js [--no-build] [--skip-prod]
'use strict';
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { buildPlayground, serveStatic, PLAYGROUND_OUT } = require('./playground');

const ROOT = path.resolve(__dirname, '..');
const E2E_DIR = path.join(ROOT, 'test', 'e2e');
const PROD_OUT = path.join(ROOT, 'build', 'e2e-addin');
const PROD_BASE = 'https://budget-check.intranet.example/addin/';
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runFile(file, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => {
      const m = /(\d+) passed, (\d+) failed\s*$/.exec(out.trim());
      if (m) resolve({ passed: Number(m[1]), failed: Number(m[2]) + (code !== 0 && Number(m[2]) === 0 ? 1 : 0) });
      else resolve({ passed: 0, failed: 1 });
    });
  });
}

function productionBuildHosts() {
  console.log(`\n[e2e] production build for ${PROD_BASE} → ${path.relative(ROOT, PROD_OUT)}/`);
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const t0 = Date.now();
  const wp = spawnSync(
    process.execPath,
    [cli, '--mode', 'production', '--env', `baseUrl=${PROD_BASE}`, '--env', `outDir=${PROD_OUT}`],
    { cwd: ROOT, encoding: 'utf8' }
  );
  if (wp.status !== 0) {
    console.log(`  ✗ production build\n${wp.stdout}\n${wp.stderr}`);
    return { passed: 0, failed: 1 };
  }
  const bundle = fs.readdirSync(PROD_OUT).filter((f) => /^taskpane\..*\.js$/.test(f));
  const size = bundle.reduce((n, f) => n + fs.statSync(path.join(PROD_OUT, f)).size, 0);
  console.log(`  ✓ production build (${Date.now() - t0} ms; task pane bundle ${(size / 1024).toFixed(0)} KiB)`);
  const check = spawnSync(process.execPath, [path.join(__dirname, 'check-build-hosts.js'), PROD_OUT, '--base-url', PROD_BASE], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const text = `${check.stdout}${check.stderr}`.trim();
  const ok = check.status === 0;
  console.log(`  ${ok ? '✓' : '✗'} build references no host but ${PROD_BASE}\n      ${text.split('\n').join('\n      ')}`);
  const html = fs.readFileSync(path.join(PROD_OUT, 'taskpane.html'), 'utf8');
  const countFiles = (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
  const officeDist = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
  const copied = fs.existsSync(path.join(PROD_OUT, 'office-js')) ? countFiles(path.join(PROD_OUT, 'office-js')) : 0;
  const local =
    /<head>[\s\S]*<script[^>]+src="?office-js\/office\.js"?[\s>][\s\S]*<\/head>/.test(html) && copied === countFiles(officeDist);
  const manifest = fs.existsSync(path.join(PROD_OUT, 'manifest.xml')) ? fs.readFileSync(path.join(PROD_OUT, 'manifest.xml'), 'utf8') : '';
  const rewritten = manifest.includes(PROD_BASE) && !manifest.includes('https://localhost:3000/');
  const noPlayground = !fs.readdirSync(PROD_OUT).some((f) => f.startsWith('playground') || f === 'playground-data');
  console.log(`  ${local ? '✓' : '✗'} office.js served from the build (office-js/office.js in <head>; ${copied} files copied)`);
  console.log(`  ${rewritten ? '✓' : '✗'} manifest URLs rewritten to the base URL`);
  console.log(`  ${noPlayground ? '✓' : '✗'} no playground in the production output`);
  const results = [ok, local, rewritten, noPlayground, cdnBuildHosts(cli)];
  return { passed: 1 + results.filter(Boolean).length, failed: results.filter((x) => !x).length };
}

/** --env officeJs=cdn: office.js from Microsoft's CDN is then the one foreign reference, and nothing is copied. */
function cdnBuildHosts(cli) {
  const out = `${PROD_OUT}-cdn`;
  const wp = spawnSync(
    process.execPath,
    [cli, '--mode', 'production', '--env', `baseUrl=${PROD_BASE}`, '--env', 'officeJs=cdn', '--env', `outDir=${out}`],
    { cwd: ROOT, encoding: 'utf8' }
  );
  const check = (extra) =>
    spawnSync(process.execPath, [path.join(__dirname, 'check-build-hosts.js'), out, '--base-url', PROD_BASE, ...extra], { encoding: 'utf8' });
  const strict = wp.status === 0 ? check([]) : null;
  const allowed = wp.status === 0 ? check(['--allow-cdn']) : null;
  const ok =
    wp.status === 0 &&
    strict.status === 1 &&
    /appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/.test(strict.stderr) &&
    (strict.stderr.match(/^  \S+: https?:/gm) || []).length === 1 &&
    allowed.status === 0 &&
    !fs.existsSync(path.join(out, 'office-js'));
  console.log(`  ${ok ? '✓' : '✗'} --env officeJs=cdn: only the office.js CDN is added (flagged unless --allow-cdn), no office-js/ copy`);
  if (!ok) console.log(`      ${wp.status !== 0 ? wp.stderr : `${strict.stderr}${allowed.stdout}${allowed.stderr}`}`);
  return ok;
}

async function main() {
  const args = process.argv.slice(2);
  let passed = 0;
  let failed = 0;
  if (!args.includes('--no-build')) {
    console.log('[e2e] building the playground…');
    buildPlayground({ quiet: true });
  }
  const server = await serveStatic(PLAYGROUND_OUT, { port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${server.address().port}/`;
  console.log(`[e2e] playground on ${url}`);
  try {
    const files = fs.readdirSync(E2E_DIR).filter((f) => f.endsWith('.e2e.ts')).sort();
    for (const f of files) {
      console.log(`\n${path.join('test', 'e2e', f)}`);
      const r = await runFile(path.join(E2E_DIR, f), { E2E_BASE_URL: url });
      passed += r.passed;
      failed += r.failed;
    }
  } finally {
    server.close();
  }
  if (!args.includes('--skip-prod')) {
    const r = productionBuildHosts();
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(`e2e: ${e.stack || e.message}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
