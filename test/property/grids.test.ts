// Property tests: arbitrary grids never make the engine throw, the report is identical on a
// second run, the input snapshot is left untouched, and every report meets the contract.
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine/index';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/grid';
import { mulberry32, pick } from '../support/prng';
import { reportViolations } from '../support/report-contract';
import { TABLE_WORDS, workbookArb } from '../support/arbitraries';

jest.setTimeout(180_000);

function checkTwice(wb: WorkbookSnapshot): void {
  const before = JSON.stringify(wb);
  const first = JSON.stringify(checkWorkbook(wb));
  const second = JSON.stringify(checkWorkbook(wb));
  expect(second).toBe(first);
  expect(JSON.stringify(wb)).toBe(before);
  expect(reportViolations(JSON.parse(first))).toEqual([]);
}

test('random workbooks: no throw, deterministic, input untouched, contract holds', () => {
  fc.assert(fc.property(workbookArb, (wb) => checkTwice(wb)), { numRuns: 400, seed: 4242 });
});

test('empty workbook and empty sheets', () => {
  checkTwice({ file: 'empty.xlsx', sheets: [] });
  checkTwice({ file: 'empty.xlsx', sheets: [{ name: 'A', values: [], merges: [] }, { name: 'B', values: [[], [null], [null, null]], merges: [] }] });
  checkTwice({ file: 'm.xlsx', sheets: [{ name: 'A', values: [[null]], merges: [{ r0: 0, c0: 0, r1: 5, c1: 5 }] }] });
});

function bigSheet(name: string, rows: number, cols: number, seed: number): SheetSnapshot {
  const rng = mulberry32(seed);
  const values: CellValue[][] = [];
  values.push(['2023年一般公共预算支出情况表']);
  values.push([null, null, '单位：万元']);
  values.push(['科目编码', '科目名称', ...Array.from({ length: cols - 2 }, (_, j) => (j === 0 ? '合计' : j % 2 ? '基本支出' : '项目支出'))]);
  for (let r = 3; r < rows; r++) {
    const row: CellValue[] = [];
    for (let c = 0; c < cols; c++) {
      const x = rng();
      if (c === 0) row.push(x < 0.3 ? pick(rng, ['208', '20801', '2080109', '210', '2101101']) : null);
      else if (c === 1) row.push(x < 0.05 ? '合计' : x < 0.1 ? pick(rng, TABLE_WORDS) : '行政运行');
      else row.push(x < 0.2 ? null : x < 0.25 ? pick(rng, TABLE_WORDS) : Math.round(rng() * 1e6) / 100);
    }
    values.push(row);
  }
  return { name, values, merges: [{ r0: 0, c0: 0, r1: 0, c1: Math.min(cols - 1, 10) }] };
}

test('very wide sheet (300 columns) and several sheets', () => {
  checkTwice({ file: 'wide.xlsx', sheets: [bigSheet('宽表', 60, 300, 1), bigSheet('表2', 40, 12, 2), { name: '空', values: [], merges: [] }] });
});

/** A 20,000-row function table with unique 类/款/项 codes and one 合计 row: the realistic tall case. */
function tallCodedSheet(rows: number): SheetSnapshot {
  const rng = mulberry32(9);
  const values: CellValue[][] = [['2023年一般公共预算支出情况表'], [null, null, '单位：万元'], ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], [null, '合计', null, null, null]];
  let cls = 100;
  while (values.length < rows) {
    cls++;
    values.push([String(cls), '类', null, null, null]);
    for (let k = 1; k <= 20 && values.length < rows; k++) {
      values.push([`${cls}${String(k).padStart(2, '0')}`, '款', null, null, null]);
      for (let x = 1; x <= 20 && values.length < rows; x++) {
        const a = Math.round(rng() * 1e6) / 100;
        const b = Math.round(rng() * 1e6) / 100;
        values.push([`${cls}${String(k).padStart(2, '0')}${String(x).padStart(2, '0')}`, '行政运行', Math.round((a + b) * 100) / 100, a, b]);
      }
    }
  }
  return { name: '长表', values, merges: [] };
}

test('very tall sheet (20,000 rows, coded hierarchy, one 合计)', () => {
  const t0 = performance.now();
  checkTwice({ file: 'tall.xlsx', sheets: [tallCodedSheet(20_000)] });
  console.log(`tall coded sheet 20,000 × 5, two checks: ${(performance.now() - t0).toFixed(0)} ms`);
});

test('very tall sheet (20,000 rows of random content, many 合计 rows) completes within 60 s', () => {
  const t0 = performance.now();
  checkTwice({ file: 'tall.xlsx', sheets: [bigSheet('长表', 20_000, 8, 3)] });
  const ms = performance.now() - t0;
  console.log(`tall random sheet 20,000 × 8, two checks: ${ms.toFixed(0)} ms`);
  expect(ms).toBeLessThan(60_000);
}, 300_000);
