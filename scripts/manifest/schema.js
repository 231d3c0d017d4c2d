'use strict';
/* Schema validation of the manifest with Debian's xmllint (libxml2-utils), fully offline. */

const { spawnSync } = require('child_process');
const path = require('path');

const DEFAULT_XSD = path.join(__dirname, '..', '..', 'schemas', 'office-manifest', 'OfficeAppManifestV1_1.xsd');

/**
 * @returns {{ status: 'valid' } | { status: 'invalid', findings: Array<{line:number|null, text:string}> }
 *   | { status: 'missing-tool' } | { status: 'tool-error', text: string }}
 */
function validateSchema(manifestPath, xsdPath = DEFAULT_XSD, xmllint = process.env.XMLLINT || 'xmllint') {
  const r = spawnSync(xmllint, ['--noout', '--nonet', '--schema', xsdPath, manifestPath], {
    encoding: 'utf8',
    timeout: 60000,
  });
  if (r.error) {
    if (r.error.code === 'ENOENT') return { status: 'missing-tool' };
    return { status: 'tool-error', text: String(r.error.message || r.error) };
  }
  if (r.status === 0) return { status: 'valid' };
  const findings = [];
  for (const raw of `${r.stderr || ''}${r.stdout || ''}`.split(/\r?\n/)) {
    const text = raw.trim();
    if (!text || /fails to validate$|validates$/.test(text)) continue;
    // "<file>:<line>: element X: Schemas validity error : ..." (file may contain colons on Windows)
    const m = /^(.*?):(\d+): (.*)$/.exec(text);
    if (m && (m[1] === manifestPath || path.resolve(m[1]) === path.resolve(manifestPath))) {
      findings.push({ line: Number(m[2]), text: m[3] });
    } else {
      findings.push({ line: null, text });
    }
  }
  if (!findings.length) findings.push({ line: null, text: `xmllint exited with status ${r.status}` });
  return { status: 'invalid', findings };
}

module.exports = { validateSchema, DEFAULT_XSD };
