// The committed seed fixtures must be exactly what the builder makes from ../shared/seeds,
// and must carry the published figures (errors included) unchanged.
import { existsSync, promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildFixtures, DEFAULT_SEEDS_DIR, FIXTURES_DIR, SAMPLE_PATH, type ExpectedSheet } from '../scripts/build-fixtures';
import type { SheetSnapshot, WorkbookSnapshot } from '../src/engine/grid';
import { readWorkbookFile } from '../src/io/xlsx-read';
import { headerMerges, layoutTable } from '../scripts/seeds/layout';

const haveSeeds = existsSync(DEFAULT_SEEDS_DIR);
if (!haveSeeds) console.warn(`fixtures-build: seed texts not found at ${DEFAULT_SEEDS_DIR} — skipping the rebuild comparison`);
const describeWithSeeds = haveSeeds ? describe : describe.skip;

const committedExpected = (): Record<string, ExpectedSheet[]> =>
  JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'expected.json'), 'utf8')) as Record<string, ExpectedSheet[]>;

const cache = new Map<string, Promise<WorkbookSnapshot>>();
function committed(file: string): Promise<WorkbookSnapshot> {
  let p = cache.get(file);
  if (!p) cache.set(file, (p = readWorkbookFile(path.join(FIXTURES_DIR, file))));
  return p;
}

function sheet(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name} in ${wb.file}`);
  return s;
}

/** The last row holding `label` (body rows come after header rows with the same words). */
function rowWith(s: SheetSnapshot, label: string): (string | number | boolean | null)[] {
  const row = [...s.values].reverse().find((r) => r.some((v) => v === label));
  if (!row) throw new Error(`no row "${label}" in ${s.name}`);
  return row;
}

describeWithSeeds('rebuilding the fixtures', () => {
  let outDir: string;
  let rebuilt: Record<string, ExpectedSheet[]>;
  beforeAll(async () => {
    outDir = await fs.mkdtemp(path.join(os.tmpdir(), 'fixtures-'));
    rebuilt = await buildFixtures(outDir);
  }, 60_000);
  afterAll(async () => {
    await fs.rm(outDir, { recursive: true, force: true });
  });

  test('expected.json is unchanged', () => {
    expect(rebuilt).toEqual(committedExpected());
  });

  test('every workbook has the committed cell values, formats and merges', async () => {
    for (const file of Object.keys(rebuilt)) {
      const fresh = await readWorkbookFile(path.join(outDir, file));
      const old = await committed(file);
      expect(fresh.sheets.map((s) => s.name)).toEqual(old.sheets.map((s) => s.name));
      fresh.sheets.forEach((s, i) => {
        expect({ sheet: s.name, values: s.values, formats: s.numberFormats, merges: s.merges }).toEqual({
          sheet: old.sheets[i].name,
          values: old.sheets[i].values,
          formats: old.sheets[i].numberFormats,
          merges: old.sheets[i].merges,
        });
      });
    }
  }, 60_000);

  test('rebuilding gives identical bytes (deterministic output)', async () => {
    for (const file of Object.keys(rebuilt)) {
      const fresh = await fs.readFile(path.join(outDir, file));
      const old = await fs.readFile(path.join(FIXTURES_DIR, file));
      expect(fresh.equals(old)).toBe(true);
    }
  });
});

describe('committed fixtures', () => {
  test('sheet lists match expected.json and every sheet name is valid', async () => {
    for (const [file, sheets] of Object.entries(committedExpected())) {
      const wb = await committed(file);
      expect(wb.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.sheet));
      for (const s of sheets) expect(s.sheet).toMatch(/^[^[\]:*?/\\]{1,31}$/);
      expect(sheets[0]).toMatchObject({ sheet: '说明', type: null });
      for (const s of sheets.slice(1)) {
        expect(s.type).toMatch(/^(budget|final)\./);
        expect(sheet(wb, s.sheet).values[0][0]).toBe(s.title);
      }
    }
  });

  test('the demo sample is seed 000', async () => {
    const [a, b] = await Promise.all([fs.readFile(SAMPLE_PATH), fs.readFile(path.join(FIXTURES_DIR, 'seed-000.xlsx'))]);
    expect(a.equals(b)).toBe(true);
  });

  test('seed 000 keeps the published figures, including its errors', async () => {
    const wb = await committed('seed-000.xlsx');
    const exp = sheet(wb, '支出总表');
    const row = rowWith(exp, '事业运行');
    expect(row.filter((v) => typeof v === 'number')).toEqual([383.78, 365.78, 346.04, 19.73, 18, 18]);
    const r = exp.values.indexOf(row);
    expect(exp.numberFormats![r][5]).toBe('0.00');
    expect(exp.text![r][10 + 2]).toBe('18.00');
    expect(rowWith(exp, '行政运行')[0]).toBe('210'); // codes stay text
    expect(rowWith(exp, '行政运行')[1]).toBe('15');

    const narrative = sheet(wb, '说明');
    expect(narrative.values.some((r) => typeof r[0] === 'string' && r[0].includes('支出总计 780.34 万元'))).toBe(true);

    const basic = sheet(wb, '基本支出表');
    expect(rowWith(basic, '合计').slice(4)).toEqual([559.37, 542.48, 16.89]);
    const revenue = sheet(wb, '收入总表');
    expect(rowWith(revenue, '517001')[2]).toBe(99.26);
    expect(rowWith(revenue, '517002')[2]).toBe(681.57);
    // Three header rows, with 基本支出 spanning its five sub-columns.
    expect(exp.merges).toContainEqual({ r0: 2, c0: 6, r1: 2, c1: 10 });
  });
});

describe('seed 003 (决算)', () => {
  test('公开06 has three code/name/amount groups side by side', async () => {
    const wb = await committed('seed-003.xlsx');
    const t06 = sheet(wb, '公开06表');
    const row = rowWith(t06, '301');
    expect(row.slice(0, 9)).toEqual(['301', '工资福利支出', 105.96, '302', '商品和服务支出', 4.24, '307', '债务利息及费用支出', 0]);
    expect(rowWith(t06, '人员经费合计')[2]).toBe(109.75);
  });
});

describe('layout rules', () => {

  test('header merges: spans over labelled sub-columns, down over blank cells', () => {
    const header = [
      ['科目编码', '', '', '合计', '基本支出', '', '项目支出'],
      ['类', '款', '项', '', '人员经费', '公用经费', ''],
    ];
    expect(headerMerges(header, 7)).toEqual([
      [0, 0, 0, 2],
      [0, 3, 1, 3],
      [0, 4, 0, 5],
      [0, 6, 1, 6],
    ]);
  });

  test('a 栏次 row is not merged into; 栏次 spans its blank neighbours', () => {
    const header = [
      ['项目', '', '本年支出合计'],
      ['科目代码', '科目名称', ''],
      ['栏次', '', '1'],
    ];
    expect(headerMerges(header, 3)).toEqual([
      [0, 0, 0, 1],
      [0, 2, 1, 2],
      [2, 0, 2, 1],
    ]);
  });

  test('repairs, number cells and code columns', () => {
    const lines = ['标题', '科目编码\t科目名称\t金额', '208\t社会保障\t1,234.50', '\t05\t合计\t0', '2080505\t养老\t15034295980'];
    const m = layoutTable(
      { sheet: 't', type: 'budget.general_expenditure', title: 1, header: [2, 2], body: [3, 5], shift: { 4: -1 } },
      lines,
    );
    expect(m.rows[2]).toEqual([
      { kind: 'text', text: '208' },
      { kind: 'text', text: '社会保障' },
      { kind: 'number', value: 1234.5, format: '#,##0.00' },
    ]);
    expect(m.rows[3]).toEqual([{ kind: 'text', text: '05' }, { kind: 'text', text: '合计' }, { kind: 'number', value: 0, format: '0' }]);
    expect(m.rows[4][2]).toEqual({ kind: 'text', text: '15034295980' }); // a phone number is not an amount
    expect(m.lastDataRow).toBe(4);
  });

  test('one cell per line (OCR) with explicit row starts', () => {
    const lines = ['标题', '\t合计', '', '\t[image: a.png]768. 04', '\t210', '\t卫生健康支出', '', '\t768.04'];
    const m = layoutTable(
      { sheet: 't', type: 'budget.general_expenditure', title: 1, body: [2, 8], cellPerLine: { rowStarts: [2, 5] }, width: 3, textCols: [0] },
      lines,
    );
    expect(m.rows.slice(1).map((r) => r.map((c) => (c ? (c.kind === 'text' ? c.text : c.value) : null)))).toEqual([
      ['合计', 768.04, null],
      ['210', '卫生健康支出', 768.04],
    ]);
  });
});
