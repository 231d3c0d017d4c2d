// Workbooks for the adapter tests, shaped like Chinese department budget disclosure tables.
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/grid';
import type { Finding, Severity } from '../../src/engine/report';
import { a1 } from '../../src/engine/address';

const ITEMS = ['一般公共服务支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '城乡社区支出', '农林水支出'];

/** Title row merged across, a header row, item rows with amounts and a SUM total row. */
export function budgetSheet(name: string, rows = ITEMS.length, cols = 5): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  values.push([`${name}（单位：万元）`, ...new Array<CellValue>(cols - 1).fill(null)]);
  values.push(['项目', ...Array.from({ length: cols - 1 }, (_, j) => `金额${j + 1}`)]);
  formulas.push([], []);
  numberFormats.push([], []);
  for (let i = 0; i < rows; i++) {
    values.push([ITEMS[i % ITEMS.length] + (i >= ITEMS.length ? i : ''), ...Array.from({ length: cols - 1 }, (_, j) => Math.round((i + 1) * (j + 3) * 1234.5) / 100)]);
    formulas.push([]);
    numberFormats.push([null, ...new Array<string>(cols - 1).fill('#,##0.00')]);
  }
  const first = 3;
  const last = rows + 2;
  values.push(['合计', ...Array.from({ length: cols - 1 }, (_, j) => values.slice(2).reduce((s, r) => s + (r[j + 1] as number), 0))]);
  formulas.push([null, ...Array.from({ length: cols - 1 }, (_, j) => `=SUM(${a1(first - 1, j + 1).replace(/\d+/, '')}${first}:${a1(first - 1, j + 1).replace(/\d+/, '')}${last})`)]);
  numberFormats.push([null, ...new Array<string>(cols - 1).fill('#,##0.00')]);
  return { name, values, formulas, numberFormats, merges: [{ r0: 0, c0: 0, r1: 0, c1: cols - 1 }] };
}

export function budgetWorkbook(): WorkbookSnapshot {
  return {
    file: '某局2024年部门预算.xlsx',
    sheets: [budgetSheet('收支总表'), budgetSheet('收入总表', 8, 6), budgetSheet('Sheet 3'), { ...budgetSheet('隐藏表', 2, 3), hidden: true }],
  };
}

/** About `cells` cells over `sheets` sheets, with a merged title row per sheet. */
export function largeWorkbook(sheets: number, cells: number, cols = 20): WorkbookSnapshot {
  const rows = Math.ceil(cells / sheets / cols) - 3;
  return { file: 'large.xlsx', sheets: Array.from({ length: sheets }, (_, i) => budgetSheet(`表${i + 1}`, rows, cols)) };
}

export function finding(sheet: string, cell: string, severity: Severity = 'error', extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'sum.rows',
    severity,
    table: 't1',
    sheet,
    cell,
    expected: '1,234.00',
    actual: '1,230.00',
    difference: '4.00',
    tolerance: '0.01',
    message: '合计数不等于各项之和',
    related: [`${sheet}!B3:B8`],
    ...extra,
  };
}
