#!/usr/bin/env node
/*
 * Offline validation of the add-in manifest (npm run validate).
 *
 *   node scripts/validate-manifest.js [manifest.xml] [--base URL] [--root DIR] [--schema XSD]
 *
 *   manifest   default: manifest.xml next to package.json
 *   --base     URL prefix every URL must start with (default https://localhost:3000/).
 *              For a production build, e.g.:
 *                node scripts/validate-manifest.js dist-addin/manifest.xml \
 *                  --base https://intranet.example/budget-check/ --root dist-addin
 *   --root     folder that URL paths after the base map to (default: the manifest's folder);
 *              icons are read from <root>/assets/...
 *   --schema   entry XSD (default schemas/office-manifest/OfficeAppManifestV1_1.xsd)
 *
 * Two stages, both always run:
 *   1. schema: xmllint --noout --nonet --schema <xsd> <manifest>   (no network)
 *   2. structure: checks the XSDs cannot make (scripts/manifest/checks.js)
 * Exit 0: valid. 1: the manifest has errors. 2: usage error or xmllint is missing
 * (install: apt-get install libxml2-utils; env XMLLINT=/path/to/xmllint picks another binary).
 * Never contacts the online Office validation service (that is `npm run validate:online`).
 */
'use strict';

const fs = require('fs');
const path = require('path');
const { parseXml, XmlError } = require('./manifest/xml');
const { runChecks, displayPath, DEFAULT_BASE } = require('./manifest/checks');
const { validateSchema, DEFAULT_XSD } = require('./manifest/schema');

function usage(msg) {
  if (msg) console.error(`错误 / error: ${msg}`);
  console.error('用法 / usage: node scripts/validate-manifest.js [manifest.xml] [--base URL] [--root DIR] [--schema XSD]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { manifest: undefined, base: DEFAULT_BASE, root: undefined, schema: DEFAULT_XSD };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const value = () => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      if (k + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++k];
    };
    if (a === '-h' || a === '--help') usage();
    else if (a === '--base' || a.startsWith('--base=')) opts.base = value();
    else if (a === '--root' || a.startsWith('--root=')) opts.root = value();
    else if (a === '--schema' || a.startsWith('--schema=')) opts.schema = value();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.manifest === undefined) opts.manifest = a;
    else usage(`unexpected argument ${a}`);
  }
  if (!/^https?:\/\/[^/]+\/(.*\/)?$/.test(opts.base)) usage(`--base must be an absolute URL ending in "/": ${opts.base}`);
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const manifestPath = opts.manifest || path.join(__dirname, '..', 'manifest.xml');
  const shown = displayPath(manifestPath);
  const root = opts.root || path.dirname(path.resolve(manifestPath));
  let text;
  try {
    text = fs.readFileSync(manifestPath, 'utf8');
  } catch (e) {
    usage(`cannot read ${manifestPath}: ${e.message}`);
  }

  const lines = [];
  let failed = false;
  let toolMissing = false;

  // 1. Schema (xmllint).
  const schema = validateSchema(manifestPath, opts.schema);
  if (schema.status === 'missing-tool') {
    toolMissing = true;
    lines.push(
      `${shown}: 错误 [schema] 未找到 xmllint，无法做 XSD 校验。请安装：apt-get install libxml2-utils`,
      `${shown}: error [schema] xmllint not found, cannot validate against the XSDs. Install it: apt-get install libxml2-utils`
    );
  } else if (schema.status === 'tool-error') {
    toolMissing = true;
    lines.push(`${shown}: 错误 / error [schema] xmllint 运行失败 / xmllint failed: ${schema.text}`);
  } else if (schema.status === 'invalid') {
    failed = true;
    for (const f of schema.findings) {
      lines.push(`${shown}:${f.line === null ? '' : `${f.line}:`} 错误 [schema] 不符合清单 XSD / does not match the manifest XSD: ${f.text}`);
    }
  }

  // 2. Structural checks.
  let result = { errors: [], warnings: [] };
  try {
    result = runChecks(parseXml(text), { base: opts.base, root });
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    result.errors.push({ line: e.line, id: 'xml', zh: `XML 格式错误：${e.message}`, en: `malformed XML: ${e.message}` });
  }
  for (const f of result.errors) {
    failed = true;
    lines.push(`${shown}:${f.line}: 错误 [${f.id}] ${f.zh}`, `${shown}:${f.line}: error [${f.id}] ${f.en}`);
  }
  for (const f of result.warnings) {
    lines.push(`${shown}:${f.line}: 警告 [${f.id}] ${f.zh} / warning: ${f.en}`);
  }

  for (const l of lines) console.error(l);
  if (failed || toolMissing) {
    const n = result.errors.length + (schema.status === 'invalid' ? schema.findings.length : 0);
    console.error(
      `${shown}: 清单校验未通过（${n} 个错误${toolMissing ? '，且未能做 XSD 校验' : ''}）/ manifest is NOT valid` +
        ` (${n} error(s)${toolMissing ? ', XSD validation could not run' : ''})`
    );
    process.exit(failed ? 1 : 2);
  }
  console.log(
    `${shown}: 清单校验通过（XSD + 结构检查，基础地址 ${opts.base}）/ manifest is valid (XSD + structural checks, base ${opts.base})`
  );
}

main();
