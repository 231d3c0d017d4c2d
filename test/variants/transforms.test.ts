// The transforms themselves do what their documentation says (independent of the engine).
import { Dec } from '../../src/engine/amount';
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/engine/grid';
import { loadSeed, seedFiles } from './cases';
import {
  codesInName,
  codesJoined,
  codesSplit,
  columnOrder,
  compose,
  decOf,
  getCell,
  mergedFill,
  noMerges,
  norm,
  numbersAsText,
  offset,
  retitle,
  retitleText,
  spaces,
  stack,
  subtotalsAdded,
  subtotalsDropped,
  STACK_SHEET,
  titleRemoved,
  totalBottom,
  withThousands,
  yuan,
  type Transform,
} from './transforms';

const SEEDS = seedFiles();

function sheet(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

const ALL: [string, Transform][] = [
  ['offset', offset(2, 3)],
  ['stack', stack()],
  ['no-merges', noMerges],
  ['merged-fill', mergedFill],
  ['spaces', spaces],
  ['retitle', retitle],
  ['title-removed', titleRemoved],
  ['codes-joined', codesJoined],
  ['codes-split', codesSplit],
  ['codes-in-name', codesInName],
  ['subtotals-added', compose(codesJoined, subtotalsAdded)],
  ['yuan', yuan('#,##0.00')],
  ['total-bottom', totalBottom],
  ['column-order', columnOrder],
  ['numbers-as-text', numbersAsText],
];

describe.each(SEEDS)('transforms on %s', (seed) => {
  test.each(ALL)('%s does not mutate its input and keeps every non-empty cell reachable', async (_n, t) => {
    // (subtotals-dropped deletes rows by design and is tested separately below.)
    const { wb } = await loadSeed(seed);
    const before = JSON.stringify(wb);
    const v = t(wb);
    expect(JSON.stringify(wb)).toBe(before);
    // Every original non-empty value cell maps to a cell of the transformed workbook.
    const names = new Set(v.snapshot.sheets.map((x) => x.name));
    const lost: string[] = [];
    for (const s of wb.sheets) {
      for (let r = 0; r < s.values.length; r++) {
        for (let c = 0; c < (s.values[r]?.length ?? 0); c++) {
          if (s.values[r][c] === null) continue;
          const m = v.map({ sheet: s.name, r, c });
          if (!m || !names.has(m.sheet)) lost.push(`${s.name}!${r},${c}`);
        }
      }
    }
    expect(lost).toEqual([]);
  });

  test('offset moves every value by (k, k)', async () => {
    const { wb } = await loadSeed(seed);
    const v = offset(2, 3)(wb);
    const bad: string[] = [];
    for (const s of wb.sheets)
      for (let r = 0; r < s.values.length; r++)
        for (let c = 0; c < s.values[r].length; c++) if (getCell(sheet(v.snapshot, s.name), r + 2, c + 3).v !== s.values[r][c]) bad.push(`${s.name}!${r},${c}`);
    expect(bad).toEqual([]);
  });

  test('stack puts every table sheet on one sheet, values preserved at mapped cells', async () => {
    const { wb } = await loadSeed(seed);
    const v = stack([1, 2, 3])(wb);
    expect(v.snapshot.sheets.filter((s) => s.name === STACK_SHEET)).toHaveLength(1);
    const bad: string[] = [];
    for (const s of wb.sheets)
      for (let r = 0; r < s.values.length; r++)
        for (let c = 0; c < s.values[r].length; c++) {
          const m = v.map({ sheet: s.name, r, c });
          if (m && getCell(sheet(v.snapshot, m.sheet), m.r, m.c).v !== s.values[r][c]) bad.push(`${s.name}!${r},${c}`);
        }
    expect(bad).toEqual([]);
  });

  test('merges: no-merges leaves none and keeps values; merged-fill repeats the master', async () => {
    const { wb } = await loadSeed(seed);
    const a = noMerges(wb);
    const b = mergedFill(wb);
    for (const s of wb.sheets) {
      expect(sheet(a.snapshot, s.name).merges).toEqual([]);
      expect(sheet(b.snapshot, s.name).merges).toEqual([]);
      const bad: string[] = [];
      for (const g of s.merges)
        for (let r = g.r0; r <= g.r1; r++)
          for (let c = g.c0; c <= g.c1; c++) if (getCell(sheet(b.snapshot, s.name), r, c).v !== getCell(s, g.r0, g.c0).v) bad.push(`${s.name}!${r},${c}`);
      expect(bad).toEqual([]);
    }
  });

  test('yuan multiplies amounts by 10000 exactly and relabels the unit', async () => {
    const { wb } = await loadSeed(seed);
    const v = yuan('#,##0.00')(wb);
    for (const name of v.touched) {
      const s0 = sheet(wb, name);
      const s1 = sheet(v.snapshot, name);
      expect(s1.values.flat().some((x) => typeof x === 'string' && /^单位[:：]\s*元$/.test(norm(x)))).toBe(true);
      const bad: string[] = [];
      for (let r = 0; r < s0.values.length; r++)
        for (let c = 0; c < s0.values[r].length; c++) {
          const x = s0.values[r][c];
          const y = s1.values[r][c];
          if (typeof x !== 'number' || typeof y !== 'number') continue;
          const ok = decOf(y).equals(decOf(x).times(10000)) || decOf(y).equals(decOf(x)); // 行次 numbers unchanged
          if (!ok) bad.push(`${name}!${r},${c}: ${x} → ${y}`);
        }
      expect(bad).toEqual([]);
    }
  });

  test('codes-split then codes-joined restores every code', async () => {
    const { wb } = await loadSeed(seed);
    const v = compose(codesSplit, codesJoined)(wb);
    const split = codesSplit(wb);
    for (const name of split.touched) {
      const s0 = sheet(wb, name);
      const s1 = sheet(v.snapshot, name);
      for (let r = 0; r < s0.values.length; r++) {
        const code = norm(s0.values[r]?.[0] ?? null);
        if (/^\d{3}(\d{2}){0,2}$/.test(code)) expect(norm(getCell(s1, r, 0).v)).toBe(code);
      }
    }
  });
});

describe('subtotals-dropped', () => {
  test('removes 类/款 rows with 项 children and keeps the rest in order', () => {
    const wb: WorkbookSnapshot = {
      file: 'x.xlsx',
      sheets: [
        {
          name: 'S',
          values: [
            ['T', null],
            ['科目代码', '科目名称'],
            ['合计', null],
            ['208', 'a'],
            ['20805', 'b'],
            ['2080501', 'c'],
            ['221', 'd'],
          ],
          merges: [],
        },
      ],
    };
    const v = subtotalsDropped(wb);
    expect(v.snapshot.sheets[0].values.map((r) => r[0])).toEqual(['T', '科目代码', '合计', '2080501', '221']);
    expect(v.map({ sheet: 'S', r: 3, c: 0 })).toBeNull();
    expect(v.map({ sheet: 'S', r: 6, c: 1 })).toEqual({ sheet: 'S', r: 4, c: 1 });
  });
});

describe('subtotals-added', () => {
  test('inserts exact 类/款 sums before sorted 项 rows', () => {
    const wb: WorkbookSnapshot = {
      file: 'x.xlsx',
      sheets: [
        {
          name: 'S',
          values: [
            ['科目编码', '科目名称', '合计'],
            [null, '合计', 0.3],
            ['2101501', '行政运行', 0.1],
            ['2080505', '养老', 0.1],
            ['2101599', '其他', 0.1],
          ],
          numberFormats: [
            [null, null, null],
            [null, null, '0.00'],
            [null, null, '0.00'],
            [null, null, '0.00'],
            [null, null, '0.00'],
          ],
          merges: [],
        },
      ],
    };
    const v = subtotalsAdded(wb);
    const rows = v.snapshot.sheets[0].values;
    expect(rows.map((r) => r[0])).toEqual(['科目编码', null, '208', '20805', '2080505', '210', '21015', '2101501', '2101599']);
    expect(rows[5][2]).toBe(0.2); // 0.1 + 0.1 exactly, via Dec
    expect(v.map({ sheet: 'S', r: 2, c: 2 })).toEqual({ sheet: 'S', r: 7, c: 2 });
  });
});

describe('transform details', () => {
  test('retitle keeps the keywords and changes the wording', () => {
    expect(retitleText('2023年部门收支总体情况表')).toBe('XX局2023年收支预算总表');
    expect(retitleText('2023年部门收入总体情况表')).toBe('XX局2023年收入预算总表');
    expect(retitleText('泗县医疗保障局2024年一般公共预算支出表')).toBe('XX局2024年一般公共预算支出预算表');
    expect(retitleText('2023年部门支出总体情况表')).toBe('XX局2023年部门支出预算总表');
    expect(retitleText('收入支出决算总表')).toBe('XX局2023年度部门收入支出决算总表');
  });

  test('spaces and full-width digits', () => {
    const wb: WorkbookSnapshot = {
      file: 'x.xlsx',
      sheets: [{ name: 'S', values: [['合计', '收入总计', '2101501', '本年收入合计', 12.5]], merges: [] }],
    };
    const v = spaces(wb);
    expect(v.snapshot.sheets[0].values[0]).toEqual(['合 计', '收 入 总 计', '２１０１５０１', '本年收入合计', 12.5]);
  });

  test('numbers-as-text uses the shown decimals and thousands separators', () => {
    expect(withThousands('7808400.00')).toBe('7,808,400.00');
    expect(withThousands('-1234.5')).toBe('-1,234.5');
    const wb: WorkbookSnapshot = {
      file: 'x.xlsx',
      sheets: [{ name: 'S', values: [[1234.5, 0, 0.125]], numberFormats: [['#,##0.00', '0', '0.00%']], merges: [] }],
    };
    expect(numbersAsText(wb).snapshot.sheets[0].values[0]).toEqual(['1,234.50', '0', '12.50%']);
  });

  test('yuan is exact decimal arithmetic', () => {
    const wb: WorkbookSnapshot = {
      file: 'x.xlsx',
      sheets: [
        {
          name: 'S',
          values: [
            ['单位：万元', null, null],
            [0.07, 780.84, 0.29],
          ],
          numberFormats: [
            [null, null, null],
            ['0.00', '0.00', '0.00'],
          ],
          merges: [],
        },
      ],
    };
    const v = yuan('0')(wb);
    expect(v.snapshot.sheets[0].values[1]).toEqual([700, 7808400, 2900]);
    expect(v.snapshot.sheets[0].values[0][0]).toBe('单位：元');
    expect(v.scaleAt({ sheet: 'S', r: 1, c: 0 }).equals(new Dec(10000))).toBe(true);
  });
});
