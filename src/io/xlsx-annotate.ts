// Writes an annotated copy of a workbook: every finding's cell gets a fill and a note.
// The input file is only read; the copy goes to another path.
import ExcelJS from 'exceljs';
import type { Finding, Severity } from '../engine/report';
import { parseA1 } from '../engine/address';

/** Light tints, readable under black text: error red, 尾差 amber, warning yellow, info blue. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: 'FFF8B4B4',
  rounding: 'FFFFD591',
  warning: 'FFFFF2A8',
  info: 'FFCFE2F3',
};

export const SEVERITY_NAME: Record<Severity, string> = { error: '错误', rounding: '尾差', warning: '警告', info: '提示' };

/** The note text of one finding: verdict, expected vs found, where the figure comes from. */
export function noteText(f: Finding): string {
  const lines = [
    `【预算核对·${SEVERITY_NAME[f.severity]}】${f.message}`,
    `应为 ${f.expected}，实为 ${f.actual}，差额 ${f.difference}（容差 ${f.tolerance}）`,
  ];
  if (f.related.length > 0) lines.push(`比较：${f.related.join('，')}`);
  lines.push(`规则：${f.rule}`);
  return lines.join('\n');
}

const ORDER: Record<Severity, number> = { error: 0, rounding: 1, warning: 2, info: 3 };

export async function writeAnnotatedCopy(input: string, output: string, findings: Finding[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  // Several findings on one cell share one note; the worst severity picks the colour.
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const k = `${f.sheet}\u0000${f.cell}`;
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  for (const [k, list] of byCell) {
    const [sheetName, ref] = k.split('\u0000');
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const { r, c } = parseA1(ref);
    const cell = ws.getCell(r + 1, c + 1);
    list.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_FILL[list[0].severity] } };
    const previous = typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('') ?? '';
    const ours = list.map(noteText).join('\n\n');
    cell.note = previous ? `${ours}\n\n（原批注）${previous}` : ours;
  }
  await wb.xlsx.writeFile(output);
  return byCell.size;
}
