// A function table written with indented names only: the indentation carries the
// 类/款/项 levels, so parents are checked against their children as with codes.
import { checkWorkbook } from '../../src/engine/index';
import type { CellValue, WorkbookSnapshot } from '../../src/engine/grid';

function workbook(rows: CellValue[][]): WorkbookSnapshot {
  const values: CellValue[][] = [['2024年一般公共预算支出表'], ['单位：万元'], ['科目名称', '合计', '基本支出', '项目支出'], ...rows];
  return { file: 'indented.xlsx', sheets: [{ name: '支出表', values, merges: [{ r0: 0, c0: 0, r1: 0, c1: 3 }] }] };
}

const CONSISTENT: CellValue[][] = [
  ['合计', 100.5, 60.25, 40.25],
  ['社会保障和就业支出', 30.25, 30.25, null],
  ['  行政事业单位养老支出', 30.25, 30.25, null],
  ['    机关事业单位基本养老保险缴费支出', 30.25, 30.25, null],
  ['卫生健康支出', 70.25, 30, 40.25],
  ['\u3000医疗保障管理事务', 70.25, 30, 40.25],
  ['\u3000\u3000行政运行', 30, 30, null],
  ['\u3000\u3000其他医疗保障管理事务支出', 40.25, null, 40.25],
];

test('a consistent indented table gives no finding', () => {
  expect(checkWorkbook(workbook(CONSISTENT)).findings).toEqual([]);
});

test('a 项 changed under its 款 is an error on the 款 (Σ 项) and in its own row (合计 = 基本 + 项目)', () => {
  const rows = CONSISTENT.map((r) => [...r]);
  rows[6][1] = 35; // 行政运行 30 → 35 (合计 column), 款 and 类 now disagree
  const errors = checkWorkbook(workbook(rows)).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cell} ${f.expected}`);
  expect(errors).toEqual(expect.arrayContaining(['sum.rows B9 75.25', 'sum.columns B10 30.00']));
});
