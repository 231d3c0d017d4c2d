// Turns a comparison into a finding (or nothing): one place decides severity and
// formats amounts, cells and related ranges.
import { a1, rangeA1, sheetRef } from '../address';
import { fmt, ZERO, type Dec } from '../amount';
import type { CellRange } from '../grid';
import type { Finding, Severity } from '../report';
import { tolerance } from '../rounding';
import type { TableHead } from '../table';

export interface Cell {
  r: number;
  c: number;
}

export interface Comparison {
  rule: string;
  cell: Cell;
  /** null = blank cell(s): counts as 0, and nothing is compared when both are blank. */
  expected: Dec | null;
  actual: Dec | null;
  /** Number of addends: sets the rounding tolerance. */
  addends: number;
  related: Cell[];
  /** Message without the amounts; the amounts and verdict are appended. */
  what: string;
  /** Severity above tolerance ('error' unless the relation is a 口径 warning). */
  over?: Severity;
  /** Compare "actual ≤ expected" instead of equality. */
  atMost?: boolean;
  /** Overrides the table's rounding rule (ratios: one unit of the last shown digit). */
  tolerance?: Dec;
  /** Decimals for the message when they differ from the table's (percentages). */
  decimals?: number;
  /** Unit shown after the difference ("%" for rates). */
  unit?: string;
}

/** Groups cells of one column into contiguous ranges for `related`. */
export function relatedRanges(sheet: string, cells: Cell[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const x of cells) {
    const list = byCol.get(x.c) ?? [];
    list.push(x.r);
    byCol.set(x.c, list);
  }
  const out: string[] = [];
  for (const [c, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    const flush = (): void => {
      const range: CellRange = { r0: start, c0: c, r1: prev, c1: c };
      out.push(sheetRef(sheet, rangeA1(range)));
    };
    for (const r of rows.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = prev = r;
    }
    flush();
  }
  return out;
}

export function compare(table: TableHead, cmp: Comparison): Finding | null {
  if (cmp.expected === null && cmp.actual === null) return null;
  // A ragged row may lack the compared column: nothing to point at, nothing to say.
  if (!Number.isInteger(cmp.cell.c)) return null;
  const expected = cmp.expected ?? ZERO;
  const actual = cmp.actual ?? ZERO;
  const diff = actual.minus(expected);
  if (diff.isZero()) return null;
  if (cmp.atMost && diff.isNegative()) return null;
  const tol = cmp.tolerance ?? tolerance(table.rounding, cmp.addends);
  const severity: Severity = diff.abs().lessThanOrEqualTo(tol) ? 'rounding' : cmp.over ?? 'error';
  const d = cmp.decimals ?? table.rounding.decimals;
  const exp = fmt(expected, d);
  const act = fmt(actual, d);
  // A difference finer than the shown decimals is printed in full, never as "0.00".
  const dif = fmt(diff, Math.min(10, Math.max(d, diff.decimalPlaces())));
  const unit = cmp.unit ?? table.unit;
  const verdict = tol.isZero()
    ? `相差 ${dif}${unit}`
    : severity === 'rounding'
      ? `相差 ${dif}${unit}，在尾差容限 ±${fmt(tol, d + 1)} 内，属四舍五入尾差`
      : `相差 ${dif}${unit}，超出尾差容限 ±${fmt(tol, d + 1)}`;
  const message = cmp.atMost
    ? `${cmp.what}：不应大于 ${exp}，表中为 ${act}，${verdict}`
    : `${cmp.what}：应为 ${exp}，表中为 ${act}，${verdict}`;
  return {
    rule: cmp.rule,
    severity,
    table: table.id,
    sheet: table.view.name,
    cell: a1(cmp.cell.r, cmp.cell.c),
    expected: exp,
    actual: act,
    difference: dif,
    tolerance: tol.toString(),
    message,
    related: relatedRanges(table.view.name, cmp.related.filter((x) => Number.isInteger(x.c))),
  };
}

