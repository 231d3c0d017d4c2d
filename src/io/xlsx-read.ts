// Read an .xlsx into the engine's WorkbookSnapshot (src/engine/grid.ts).
// exceljs does the parsing; this module turns its cell objects into dense plain arrays
// and turns every failure into an InputError with a one-line Chinese message.
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../engine/grid';
import { InputError } from './errors';
import { formatNumber } from './number-text';
import { assertXlsxBytes } from './sniff';

const VT = ExcelJS.ValueType;

/** exceljs keeps merges in a private map (master address → range); its public `model`
 *  getter would serialise the whole sheet to reach them, which is far too slow. */
interface MergeIndex {
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
}

function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function errorText(v: unknown): string | null {
  return typeof v === 'object' && v !== null && 'error' in v ? String((v as { error: unknown }).error) : null;
}

/** A plain value (no formula) as exceljs gives it → snapshot value. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) {
      const t = (v as { text: unknown }).text; // hyperlink: text may itself be rich text
      return typeof t === 'string' ? t : plainValue(t);
    }
    const err = errorText(v);
    if (err !== null) return err;
  }
  return String(v);
}

function textOf(value: CellValue, numFmt: string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

function normalFormat(fmt: string | undefined): string | null {
  return fmt === undefined || fmt === '' || /^general$/i.test(fmt) ? null : fmt;
}

function nullRow(n: number): null[] {
  return new Array<null>(n).fill(null);
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  // First pass: the used range = last row/column holding a value or a merge (styles alone don't count).
  let lastRow = -1;
  let lastCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === VT.Null || cell.type === VT.Merge) return;
      if (rowNumber - 1 > lastRow) lastRow = rowNumber - 1;
      if (colNumber - 1 > lastCol) lastCol = colNumber - 1;
    });
  });

  const merges: CellRange[] = [];
  for (const m of Object.values((ws as unknown as MergeIndex)._merges ?? {})) {
    if (!m) continue;
    merges.push({ r0: m.top - 1, c0: m.left - 1, r1: m.bottom - 1, c1: m.right - 1 });
    // A merged area is in use even where only its top-left cell holds the value.
    if (m.bottom - 1 > lastRow) lastRow = m.bottom - 1;
    if (m.right - 1 > lastCol) lastCol = m.right - 1;
  }
  merges.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);

  const nRows = lastRow + 1;
  const nCols = lastCol + 1;
  const values: CellValue[][] = new Array<CellValue[]>(nRows);
  const text: (string | null)[][] = new Array<(string | null)[]>(nRows);
  const formulas: (string | null)[][] = new Array<(string | null)[]>(nRows);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(nRows);
  for (let r = 0; r < nRows; r++) {
    values[r] = nullRow(nCols);
    text[r] = nullRow(nCols);
    formulas[r] = nullRow(nCols);
    numberFormats[r] = nullRow(nCols);
  }

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (r >= nRows) return;
    const vRow = values[r];
    const tRow = text[r];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (c >= nCols) return;
      const fmt = normalFormat(cell.numFmt);
      numberFormats[r][c] = fmt;
      const type = cell.type;
      // Non-master cells of a merge stay empty, as in Excel's Range.values.
      if (type === VT.Null || type === VT.Merge) return;
      let value: CellValue;
      if (type === VT.Formula) {
        value = plainValue(cell.result);
        if (cell.formula) formulas[r][c] = `=${cell.formula}`;
      } else value = plainValue(cell.value);
      vRow[c] = value;
      tRow[c] = textOf(value, fmt);
    });
  });

  const snap: SheetSnapshot = { name: ws.name, values, text, formulas, numberFormats, merges };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') snap.hidden = true;
  return snap;
}

function isEmptySheet(s: SheetSnapshot): boolean {
  return s.values.every((row) => row.every((v) => v === null || v === ''));
}

/** Read an .xlsx already in memory. `fileName` is what reports and messages show. */
export async function readWorkbookBuffer(buf: Buffer, fileName: string): Promise<WorkbookSnapshot> {
  const file = path.basename(fileName);
  assertXlsxBytes(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings want its own Buffer alias; a Node Buffer is what it reads.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new InputError('corrupt', `“${file}”文件已损坏或不完整，无法作为 .xlsx 读取，请重新获取或在 Excel/WPS 中另存后再检查。`, { cause: e });
  }
  let sheets: SheetSnapshot[];
  try {
    sheets = wb.worksheets.map(readSheet);
  } catch (e) {
    throw new InputError('unreadable', `读取“${file}”的单元格时出错，请在 Excel/WPS 中另存为 .xlsx 后再检查。`, { cause: e });
  }
  if (sheets.length === 0 || sheets.every(isEmptySheet)) {
    throw new InputError('empty', `“${file}”是空工作簿：没有任何含内容的单元格。`);
  }
  return { file, sheets };
}

/** Read an .xlsx file from disk. */
export async function readWorkbookFile(filePath: string): Promise<WorkbookSnapshot> {
  const file = path.basename(filePath);
  let buf: Buffer;
  try {
    const st = await fs.stat(filePath);
    if (!st.isFile()) throw new InputError('not_file', `“${filePath}”不是文件（可能是文件夹）。`);
    buf = await fs.readFile(filePath);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError('not_found', `找不到文件“${filePath}”。`, { cause: e });
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('unreadable', `没有权限读取“${filePath}”。`, { cause: e });
    throw new InputError('unreadable', `无法读取“${filePath}”。`, { cause: e });
  }
  return readWorkbookBuffer(buf, file);
}
