// Classification codes are digit strings whose prefixes are their ancestors (2101101 →
// 21011 → 210). Keyed by value and length, a code's prefixes are found by division, without
// building a string per prefix: this runs for every coded row of a workbook.
import { isDigits } from './text';

/** Codes longer than this take no part (no classification code is). */
const MAX_DIGITS = 14;

function keyOf(value: number, length: number): number {
  return value * 16 + length;
}

function isCode(code: string): boolean {
  return code.length <= MAX_DIGITS && isDigits(code);
}

export class CodeIndex<T> {
  /** The first item listed under each code, and the codes listed more than once. */
  private readonly first = new Map<number, T>();
  private readonly repeated = new Set<number>();

  add(code: string, item: T): void {
    if (!isCode(code)) return;
    const k = keyOf(Number(code), code.length);
    if (this.first.has(k)) this.repeated.add(k);
    else this.first.set(k, item);
  }

  /**
   * The item of the longest proper prefix of `code` (3 digits at least) that is listed; with
   * `uniqueOnly`, a prefix listed more than once is passed over for a shorter one.
   */
  findPrefix(code: string, uniqueOnly = false): T | undefined {
    if (!isCode(code)) return undefined;
    let value = Number(code);
    for (let len = code.length - 1; len >= 3; len--) {
      value = Math.floor(value / 10);
      const k = keyOf(value, len);
      const item = this.first.get(k);
      if (item !== undefined && !(uniqueOnly && this.repeated.has(k))) return item;
    }
    return undefined;
  }
}
