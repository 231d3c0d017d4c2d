// A read-only view over one sheet snapshot with merged-cell lookup and normalized text.
import { cellAmount, type Amount } from './amount';
import { cellText, cellValue, sheetColCount, type CellRange, type CellValue, type SheetSnapshot } from './grid';
import { isBlank, isNormal, norm } from './text';
import { Memo } from './collections';

/** Texts that need folding (full-width brackets, spaces): the same labels recur on every sheet. */
const FOLDED = new Memo(norm);

/** A text cell's value in comparison form (text.norm), for callers that hold the value already. */
export function fold(text: string): string {
  return isNormal(text) ? text : FOLDED.get(text);
}

const SPACE = /\s/;
const SPACES = /\s+/g;

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly mergeTopLeft = new Map<number, number>();
  private readonly mergeByTopLeft = new Map<number, CellRange>();

  constructor(readonly sheet: SheetSnapshot) {
    this.rows = sheet.values.length;
    this.cols = sheetColCount(sheet);
    for (const m of sheet.merges) {
      const top = this.id(m.r0, m.c0);
      this.mergeByTopLeft.set(top, m);
      // Merges in body rows are rare and small; header merges are what matter.
      if ((m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1) > 4096) continue;
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) this.mergeTopLeft.set(this.id(r, c), top);
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  private id(r: number, c: number): number {
    return r * 65536 + c;
  }

  raw(r: number, c: number): CellValue {
    return cellValue(this.sheet, r, c);
  }

  /** The value shown in a cell, looking through merged areas to their top-left cell. */
  merged(r: number, c: number): CellValue {
    const top = this.mergeTopLeft.get(this.id(r, c));
    if (top === undefined) return this.raw(r, c);
    return this.raw(Math.floor(top / 65536), top % 65536);
  }

  mergeAt(r: number, c: number): CellRange | undefined {
    return this.mergeByTopLeft.get(this.id(r, c));
  }

  /** Whether (r, c) is covered by a merge but is not its top-left cell. */
  isCovered(r: number, c: number): boolean {
    const top = this.mergeTopLeft.get(this.id(r, c));
    return top !== undefined && top !== this.id(r, c);
  }

  /** Raw text of a cell ("" for empty), numbers as shown. */
  str(r: number, c: number): string {
    const v = this.raw(r, c);
    if (v === null) return '';
    if (typeof v === 'string') return v;
    return cellText(this.sheet, r, c) ?? String(v);
  }

  /** Normalized text (see text.norm). */
  n(r: number, c: number): string {
    const v = this.raw(r, c);
    if (v === null) return '';
    // Numbers need no folding; most cells of a budget table are numbers.
    if (typeof v === 'number') {
      const s = this.str(r, c);
      return SPACE.test(s) ? s.replace(SPACES, '') : s;
    }
    if (typeof v === 'boolean') return norm(this.str(r, c));
    return fold(v);
  }

  /**
   * The cell as an amount. Not cached: a body figure is read once, by its row, and a million
   * cached amounts would cost more to keep than to parse.
   */
  amount(r: number, c: number): Amount | null {
    return cellAmount(this.sheet, r, c);
  }

  isEmpty(r: number, c: number): boolean {
    const v = this.raw(r, c);
    return v === null || (typeof v === 'string' && isBlank(v));
  }

  rowLength(r: number): number {
    return this.sheet.values[r]?.length ?? 0;
  }
}
