// Small helpers shared by the checks: a row's figure in one measure, sums, labels.
import { Dec } from '../amount';
import type { BodyRow, Column, Segment } from '../layout';
import type { Cell } from './emit';
import { pushTo } from '../collections';

export function valueAt(row: BodyRow, j: number): Dec | null {
  return row.amounts.at(j)?.value ?? null;
}

export function cellAt(row: BodyRow, j: number): Cell {
  return { r: row.r, c: row.cols[j] };
}

/** Σ of the rows' figures in measure j; null when every one is blank. */
export function sumAt(rows: BodyRow[], j: number): Dec | null {
  let total: Dec | null = null;
  for (const row of rows) {
    const v = valueAt(row, j);
    if (v !== null) total = (total ?? new Dec(0)).plus(v);
  }
  return total;
}

const GROUPED_LEAF = /^(小计|合计|其中|金额|决算数|预算数)/;

/** A column's name for messages: its leaf label, with the group for 小计/合计/其中 columns. */
export function columnLabel(col: Column | undefined): string {
  if (!col || col.path.length === 0) return '金额';
  const leaf = col.path[col.path.length - 1];
  const parent = col.path[col.path.length - 2];
  return parent && GROUPED_LEAF.test(leaf) ? `${parent}/${leaf}` : leaf;
}

export function rowName(row: BodyRow): string {
  const name = row.label || row.code || `第${row.r + 1}行`;
  return row.code && row.label ? `${row.code} ${row.label}` : name;
}

/** Segments that hold the same measures (公开06's groups) are checked as one list. */
export function measureGroups(segments: Segment[]): Segment[][] {
  if (segments.length === 1) return [segments];
  const sig = (s: Segment): string => s.measures.map((c) => c.path[c.path.length - 1] ?? '').join('|');
  const groups = new Map<string, Segment[]>();
  for (const s of segments) {
    const k = sig(s);
    pushTo(groups, k, s);
  }
  return [...groups.values()];
}

/** Whether an exact Σ equals the total; undefined when either is not exact (NaN, or Σ beyond safe integers): compare in decimals. */
export function settles(sum: number, total: number): boolean | undefined {
  return !Number.isSafeInteger(sum) || Number.isNaN(total) ? undefined : sum === total;
}

/**
 * Whether Σ parts = total holds exactly in measure j, decided on integer units without
 * building a decimal (blank = 0). undefined when some figure does not fit the integer form:
 * the caller then compares in decimals.
 */
export function holdsExactly(parts: readonly BodyRow[], total: BodyRow, j: number): boolean | undefined {
  let sum = 0;
  for (let i = 0; i < parts.length; i++) sum += parts[i].amounts.exact(j);
  return settles(sum, total.amounts.exact(j));
}

/** Like holdsExactly, across columns of one row: Σ columns `parts` = column `total`. */
export function rowHoldsExactly(row: BodyRow, parts: readonly number[], total: number): boolean | undefined {
  let sum = 0;
  for (let i = 0; i < parts.length; i++) sum += row.amounts.exact(parts[i]);
  return settles(sum, row.amounts.exact(total));
}
