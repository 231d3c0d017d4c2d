// Writes the findings as a sheet of their own, one row per finding, with links to the cells.
import type { Report } from '../engine/report';
import { qualify } from './excel-address';
import type { HostCapabilities } from './host';
import { jsonBytes } from './json-bytes';
import { SEVERITY_LABEL } from './mark-style';

export const EXPORT_SHEET = '审核结果';
const HEADER = ['表格', '工作表', '单元格', '规则', '级别', '应为', '实为', '差额', '容差', '说明'];
const CELL_COLUMN = 2;
const HEADER_FILL = '#D9E1F2';
/** Request bytes per write batch, below Excel on the web's 5 MB cap. */
const BATCH_BYTES = 2 * 1024 * 1024;

export async function writeFindingsSheet(context: Excel.RequestContext, caps: HostCapabilities, report: Report): Promise<string> {
  const wb = context.workbook;
  const existing = wb.worksheets.getItemOrNullObject(EXPORT_SHEET);
  const sheets = wb.worksheets.load('items/name');
  await context.sync();
  // A link to a sheet that is gone would fail the whole batch in Excel.
  const linkable = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
  if (!existing.isNullObject) existing.delete();
  const ws = wb.worksheets.add(EXPORT_SHEET);

  const titles = new Map(report.tables.map((t) => [t.id, t.title || t.id]));
  const rows: string[][] = [
    HEADER,
    ...report.findings.map((f) => [
      titles.get(f.table) ?? f.table,
      f.sheet,
      f.cell,
      f.rule,
      SEVERITY_LABEL[f.severity],
      f.expected,
      f.actual,
      f.difference,
      f.tolerance,
      f.message,
    ]),
  ];
  // Everything is written as text ("@" first, then the values): a message or amount that starts
  // with = + - @ would otherwise become a formula, and codes like "001" a number.
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && (end === start || bytes < BATCH_BYTES)) bytes += 2 * jsonBytes(rows[end++]);
    const block = rows.slice(start, end);
    const range = ws.getRangeByIndexes(start, 0, block.length, HEADER.length);
    range.numberFormat = block.map((r) => r.map(() => '@'));
    range.values = block;
    if (caps.excelApiMinor >= 7) {
      for (let i = Math.max(start, 1); i < end; i++) {
        const f = report.findings[i - 1];
        if (linkable.has(f.sheet.toLowerCase())) ws.getCell(i, CELL_COLUMN).hyperlink = { documentReference: qualify(f.sheet, f.cell), textToDisplay: f.cell, screenTip: '转到该单元格' };
      }
    }
    start = end;
    if (start < rows.length) await context.sync();
  }
  ws.getRangeByIndexes(0, 0, 1, HEADER.length).format.fill.color = HEADER_FILL;
  ws.getRangeByIndexes(0, 0, rows.length, HEADER.length).format.autofitColumns();
  ws.activate();
  await context.sync();
  return EXPORT_SHEET;
}
