// The `budget-check` command line: exit codes, JSON contract, annotated copies, and one
// Chinese line (never a stack trace) for every kind of bad input.
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main, type Io } from '../../src/cli/main';
import type { Report } from '../../src/engine/report';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples', '卢氏县医疗保障局2023年部门预算.xlsx');
const SEED3 = path.join(ROOT, 'test/fixtures/seeds/seed-003.xlsx');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) };
  const code = await main(args, io);
  return { code, out, err };
}

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'budget-check-'));
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('check --json', () => {
  test('reports tables and findings per REPORT-FORMAT and exits 1 on errors', async () => {
    const { code, out } = await run(['check', SAMPLE, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as Report;
    expect(report.schema).toBe('budget-check/report@1');
    expect(report.file).toBe(path.basename(SAMPLE));
    expect(report.tables.length).toBeGreaterThanOrEqual(12);
    expect(report.tables.every((t) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(t.range))).toBe(true);
    const narrative = report.findings.find((f) => f.rule === 'narrative.amount' && f.severity === 'error');
    expect(narrative?.actual).toBe('780.34');
  });

  test('several files give an array', async () => {
    const { out } = await run(['check', SAMPLE, SEED3, '--json']);
    const reports = JSON.parse(out) as Report[];
    expect(reports.map((r) => r.file)).toEqual([path.basename(SAMPLE), 'seed-003.xlsx']);
  });

  test('a fixed --tolerance turns 尾差 into errors when it is 0', async () => {
    const auto = JSON.parse((await run(['check', SEED3, '--json'])).out) as Report;
    const strict = JSON.parse((await run(['check', SEED3, '--json', '--tolerance', '0'])).out) as Report;
    expect(auto.findings.filter((f) => f.severity === 'rounding').length).toBeGreaterThan(0);
    expect(strict.findings.filter((f) => f.severity === 'rounding')).toEqual([]);
    expect(strict.findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(auto.findings.filter((f) => f.severity === 'error').length);
  });

  test('the readable summary is Chinese, English with --lang en', async () => {
    expect((await run(['check', SAMPLE])).out).toMatch(/识别到 \d+ 张表/);
    expect((await run(['check', SAMPLE, '--lang', 'en'])).out).toMatch(/tables recognized/);
  });
});

describe('--annotate', () => {
  test('writes a copy with a fill and a note on every finding cell; the input is untouched', async () => {
    const dir = tmp();
    const before = sha(SAMPLE);
    const { code, out } = await run(['check', SAMPLE, '--json', '--annotate', dir]);
    expect(code).toBe(1);
    const report = JSON.parse(out) as Report;
    expect(sha(SAMPLE)).toBe(before);
    const copy = path.join(dir, '卢氏县医疗保障局2023年部门预算.checked.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    for (const f of report.findings) {
      const cell = wb.getWorksheet(f.sheet)!.getCell(f.cell);
      const fill = cell.fill as ExcelJS.FillPattern | undefined;
      expect({ at: `${f.sheet}!${f.cell}`, fill: fill?.fgColor?.argb !== undefined }).toEqual({ at: `${f.sheet}!${f.cell}`, fill: true });
      const note = typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('');
      expect(note).toContain(f.expected);
      expect(note).toContain('预算核对');
    }
  });
});

describe('bad input: exit 2 with one Chinese line', () => {
  const dir = tmp();
  const cases: [string, () => string, RegExp][] = [
    ['missing file', () => path.join(dir, 'nope.xlsx'), /不存在|找不到/],
    ['random bytes', () => { const f = path.join(dir, 'junk.xlsx'); writeFileSync(f, Buffer.from('this is not a workbook at all')); return f; }, /xlsx|不是/],
    ['.xls (OLE2)', () => { const f = path.join(dir, 'old.xls'); writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)])); return f; }, /另存为/],
    ['encrypted', () => { const f = path.join(dir, 'secret.xlsx'); writeFileSync(f, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)])); return f; }, /密码|加密/],
    ['truncated', () => { const f = path.join(dir, 'cut.xlsx'); writeFileSync(f, readFileSync(SAMPLE).subarray(0, 4000)); return f; }, /损坏|不完整/],
  ];
  test.each(cases)('%s', async (_name, make, reason) => {
    const file = make();
    const { code, err, out } = await run(['check', file]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(reason);
    expect(err).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  test('an empty workbook', async () => {
    const f = path.join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    await wb.xlsx.writeFile(f);
    const { code, err } = await run(['check', f]);
    expect(code).toBe(2);
    expect(err).toMatch(/空/);
  });

  test('usage errors', async () => {
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['check', SAMPLE, '--tolerance', 'abc'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  });
});

test('a workbook with no recognizable table reports no tables and exits 0', async () => {
  const f = path.join(tmp(), 'prose.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('备忘');
  ws.getCell('A1').value = '会议纪要：请各科室于周五前报送材料。';
  ws.getCell('A2').value = '联系人：张三';
  await wb.xlsx.writeFile(f);
  const { code, out } = await run(['check', f, '--json']);
  expect(code).toBe(0);
  expect((JSON.parse(out) as Report).tables).toEqual([]);
});

test('the installed bin exits with the right code and no stack trace', () => {
  const bin = path.join(ROOT, 'bin/budget-check.js');
  // `npm test` builds dist/ first (pretest), as `npm install` does (prepare).
  if (!existsSync(path.join(ROOT, 'dist/cli/main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  const ok = spawnSync('node', [bin, 'check', SAMPLE, '--json'], { encoding: 'utf8' });
  expect(ok.status).toBe(1);
  const bad = spawnSync('node', [bin, 'check', '/nonexistent.xlsx'], { encoding: 'utf8' });
  expect(bad.status).toBe(2);
  expect(bad.stderr.trim().split('\n')).toHaveLength(1);
});
