// The grid snapshot: what the engine sees of a workbook. Plain data, zero-based
// addresses; A1 notation only at the edges (see address.ts).

/** A raw cell value as a spreadsheet stores it. Empty cells are null. */
export type CellValue = string | number | boolean | null;

/** An inclusive, zero-based rectangle of cells. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetSnapshot {
  name: string;
  /** Row-major values; rows may be ragged or missing (treated as empty). */
  values: CellValue[][];
  /** Displayed text per cell where the host knows it (Excel's Range.text). */
  text?: (string | null)[][];
  /** Formula per cell ("=SUM(C5:C9)") or null where the cell holds a constant. */
  formulas?: (string | null)[][];
  /** Number format per cell ("#,##0.00", "0.00%") or null for General. */
  numberFormats?: (string | null)[][];
  merges: CellRange[];
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  /** File name shown in reports (no directory). */
  file: string;
  sheets: SheetSnapshot[];
}

export function cellValue(sheet: SheetSnapshot, r: number, c: number): CellValue {
  const row = sheet.values[r];
  if (!row) return null;
  const v = row[c];
  return v === undefined ? null : v;
}

export function cellText(sheet: SheetSnapshot, r: number, c: number): string | null {
  const row = sheet.text?.[r];
  const t = row?.[c];
  return t === undefined ? null : t;
}

export function cellFormat(sheet: SheetSnapshot, r: number, c: number): string | null {
  return sheet.numberFormats?.[r]?.[c] ?? null;
}

export function cellFormula(sheet: SheetSnapshot, r: number, c: number): string | null {
  return sheet.formulas?.[r]?.[c] ?? null;
}

export function sheetRowCount(sheet: SheetSnapshot): number {
  return sheet.values.length;
}

export function sheetColCount(sheet: SheetSnapshot): number {
  let n = 0;
  for (const row of sheet.values) if (row && row.length > n) n = row.length;
  return n;
}
