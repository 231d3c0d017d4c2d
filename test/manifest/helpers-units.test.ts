import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { REPO } from './helpers';

// The validator is plain Node (CommonJS, no types): describe the parts used here.
interface XmlEl {
  local: string;
  ns: string | null;
  line: number;
  text: string;
  children: XmlEl[];
  attrs: Array<{ name: string; value: string; line: number; ns: string | null }>;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const xml = require(path.join(REPO, 'scripts', 'manifest', 'xml.js')) as {
  parseXml(text: string): XmlEl;
  XmlError: new (m: string, line: number) => Error & { line: number };
};
const png = require(path.join(REPO, 'scripts', 'manifest', 'png.js')) as {
  readPngSize(file: string): { ok: true; width: number; height: number } | { ok: false; reason: string };
};
const checks = require(path.join(REPO, 'scripts', 'manifest', 'checks.js')) as {
  compareVersions(a: string, b: string): number;
};

describe('XML reader', () => {
  test('gives elements, attributes and namespaces with line numbers', () => {
    const root = xml.parseXml(
      '<?xml version="1.0"?>\n<!-- c -->\n<a xmlns="urn:x" xmlns:b="urn:b">\n  <b:c d="1 &amp; 2"\n     e=\'&#x4e2d;\'>t&lt;</b:c>\n</a>\n'
    );
    expect(root.local).toBe('a');
    expect(root.ns).toBe('urn:x');
    const c = root.children[0];
    expect(c.local).toBe('c');
    expect(c.ns).toBe('urn:b');
    expect(c.line).toBe(4);
    expect(c.text).toBe('t<');
    expect(c.attrs.map((a) => [a.name, a.value, a.line])).toEqual([
      ['d', '1 & 2', 4],
      ['e', '中', 5],
    ]);
  });

  test.each([
    ['<a><b></a>', 1, /does not match/],
    ['<a>\n<b>\n</a>', 3, /does not match/],
    ['<a x="1" x="2"/>', 1, /duplicate attribute/],
    ['<a>\n &nbsp; </a>', 2, /unknown entity/],
    ['<a><p:b/></a>', 1, /undeclared namespace prefix/],
    ['<a>', 1, /never closed/],
  ])('rejects %j at line %i', (text, line, message) => {
    let caught: unknown;
    try {
      xml.parseXml(text);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(xml.XmlError);
    expect((caught as { line: number }).line).toBe(line);
    expect((caught as Error).message).toMatch(message);
  });
});

describe('PNG size reader', () => {
  test.each([16, 32, 64, 80, 128])('assets/icon-%i.png is %i x %i', (size) => {
    expect(png.readPngSize(path.join(REPO, 'assets', `icon-${size}.png`))).toEqual({ ok: true, width: size, height: size });
  });

  test('reports missing files and non-PNG files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'png-test-'));
    try {
      expect(png.readPngSize(path.join(dir, 'nope.png'))).toEqual({ ok: false, reason: 'missing' });
      const fake = path.join(dir, 'fake.png');
      fs.writeFileSync(fake, 'GIF89a not a png at all, just text');
      expect(png.readPngSize(fake)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('version comparison', () => {
  test.each([
    ['1.7', '1.14', -1],
    ['1.14', '1.14', 0],
    ['1.18', '1.14', 1],
    ['1.10', '1.9', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(checks.compareVersions(a, b))).toBe(sign);
  });
});

describe('icons', () => {
  test('scripts/make-icons.js reproduces the committed PNGs byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-test-'));
    try {
      const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'make-icons.js'), dir], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      for (const size of [16, 32, 64, 80, 128]) {
        const made = fs.readFileSync(path.join(dir, `icon-${size}.png`));
        const committed = fs.readFileSync(path.join(REPO, 'assets', `icon-${size}.png`));
        expect(made.equals(committed)).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
