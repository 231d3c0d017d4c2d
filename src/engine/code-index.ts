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
  private readonly items = new Map<number, T[]>();

  add(code: string, item: T): void {
    if (!isCode(code)) return;
    const k = keyOf(Number(code), code.length);
    const list = this.items.get(k);
    if (list) list.push(item);
    else this.items.set(k, [item]);
  }

  /**
   * The items of the longest proper prefix of `code` (3 digits at least) that `accept` takes,
   * trying shorter prefixes after a refused one.
   */
  findPrefix(code: string, accept: (items: T[]) => boolean = () => true): T[] | undefined {
    if (!isCode(code)) return undefined;
    let value = Number(code);
    for (let len = code.length - 1; len >= 3; len--) {
      value = Math.floor(value / 10);
      const list = this.items.get(keyOf(value, len));
      if (list && accept(list)) return list;
    }
    return undefined;
  }
}
