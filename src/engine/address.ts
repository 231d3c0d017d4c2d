// A1 notation at the edges; everything inside the engine is zero-based.
import type { CellRange } from './grid';

export function columnName(c: number): string {
  let n = c + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function rangeA1(range: CellRange): string {
  const start = a1(range.r0, range.c0);
  if (range.r0 === range.r1 && range.c0 === range.c1) return start;
  return `${start}:${a1(range.r1, range.c1)}`;
}

export class AddressError extends Error {
  override name = 'AddressError';
}

/** Parses "C12" to zero-based {r, c}. */
export function parseA1(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new AddressError(`不是有效的单元格地址：${ref}`);
  return { r: Number(m[2]) - 1, c: columnIndex(m[1]) };
}

/** Parses "A1:D42" (or a single cell) to a zero-based range. */
export function parseRangeA1(ref: string): CellRange {
  const [a, b] = ref.split(':');
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

/** Quotes a sheet name for a reference when Excel requires it. */
export function sheetRef(sheet: string, ref: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet);
  return plain ? `${sheet}!${ref}` : `'${sheet.replace(/'/g, "''")}'!${ref}`;
}
