import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');
export const SCRIPT = path.join(REPO, 'scripts', 'validate-manifest.js');
export const MANIFEST = path.join(REPO, 'manifest.xml');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout + stderr */
  output: string;
}

export function runValidate(args: string[], env: NodeJS.ProcessEnv = process.env): RunResult {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', env, cwd: REPO });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, output: `${r.stdout}${r.stderr}` };
}

export function hasXmllint(): boolean {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return !r.error;
}

/**
 * Copies manifest.xml and assets/ into a fresh temp folder, applies `edit` to the manifest text
 * and returns the copy's path. Validation of the copy reads icons from the copy's assets/.
 */
export function tempCopy(edit: (xml: string) => string = (x) => x): { dir: string; manifest: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-test-'));
  fs.cpSync(path.join(REPO, 'assets'), path.join(dir, 'assets'), { recursive: true });
  const original = fs.readFileSync(MANIFEST, 'utf8');
  const edited = edit(original);
  const manifest = path.join(dir, 'manifest.xml');
  fs.writeFileSync(manifest, edited, 'utf8');
  return { dir, manifest };
}

/** Replaces exactly one occurrence of `from`; throws if it is absent, so tests cannot go vacuous. */
export function replaceOnce(xml: string, from: string | RegExp, to: string): string {
  const found = typeof from === 'string' ? xml.includes(from) : from.test(xml);
  if (!found) throw new Error(`test fixture: ${String(from)} not found in manifest.xml`);
  return xml.replace(from, to);
}

export function lineOf(xml: string, needle: string): number {
  const at = xml.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not found`);
  return xml.slice(0, at).split('\n').length;
}
