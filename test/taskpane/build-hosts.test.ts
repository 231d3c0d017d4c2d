// scripts/check-build-hosts.js: the scanner behind "the production build names no other host".
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkBuildHosts, baseUrlFromManifest } = require('../../scripts/check-build-hosts.js') as {
  checkBuildHosts: (dir: string, o: { baseUrl: string; allowCdn?: boolean }) => { files: number; problems: { file: string; url: string }[] };
  baseUrlFromManifest: (dir: string) => string | null;
};

const BASE = 'https://budget.intranet.example/addin/';
let dir: string;

function write(rel: string, text: string): void {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, text);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hosts-'));
  write(
    'manifest.xml',
    `<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
       <DefaultSettings><SourceLocation DefaultValue="${BASE}taskpane.html"/></DefaultSettings></OfficeApp>`
  );
  write('taskpane.html', '<script src="office-js/office.js"></script><script src="taskpane.js"></script>');
  write('taskpane.js', `fetch("${BASE}assets/x.json"); const ns = "http://www.w3.org/2000/svg";`);
  write('office-js/office.js', 'load("https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js")');
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a clean build passes; namespaces and the copied office-js folder are ignored', () => {
  expect(baseUrlFromManifest(dir)).toBe(BASE);
  const r = checkBuildHosts(dir, { baseUrl: BASE });
  expect(r.problems).toEqual([]);
  expect(r.files).toBe(3);
});

test('any other host fails, including the same host outside the base path', () => {
  write('taskpane.js', 'x("https://fonts.googleapis.com/css?family=Noto"); y("https://budget.intranet.example/other/a.js")');
  write('assets/page.html', '<a href="http://cdn.example.com/lib.js">x</a>');
  const r = checkBuildHosts(dir, { baseUrl: BASE });
  expect(r.problems.map((p) => p.url).sort()).toEqual([
    'http://cdn.example.com/lib.js',
    'https://budget.intranet.example/other/a.js',
    'https://fonts.googleapis.com/css?family=Noto',
  ]);
});

test('the office.js CDN is allowed only with the CDN option', () => {
  write('taskpane.html', '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  expect(checkBuildHosts(dir, { baseUrl: BASE }).problems).toHaveLength(1);
  expect(checkBuildHosts(dir, { baseUrl: BASE, allowCdn: true }).problems).toEqual([]);
});
