// The header of a segment's amount columns as a tree: groups (基本支出) over leaves
// (人员经费, 公用经费). A node's value is its 合计/小计 column or the sum of its parts;
// 其中 columns are subsets and never added.
import type { Column, Segment } from './layout';
import { isSubsetLabel } from './text';
import { Memo } from './collections';

export interface HeaderNode {
  label: string;
  children: HeaderNode[];
  /** Index into the segment's amount columns for a leaf. */
  leaf: number | null;
}

export const TOTAL_COL = /(合计|小计|总计|资金总额)(数)?$|^合计|^总计/;

export function buildTree(cols: readonly Column[]): HeaderNode {
  const root: HeaderNode = { label: '', children: [], leaf: null };
  // The segment's shared top labels (收入/支出, 本年…基本支出) are not groups.
  let shared = 0;
  const paths = cols.map((c) => c.path);
  while (paths.every((p) => p.length > shared + 1 && p[shared] === paths[0][shared])) shared++;
  cols.forEach((col, j) => {
    let node = root;
    const path = col.path.slice(shared);
    path.forEach((label, depth) => {
      const last = depth === path.length - 1;
      let child = last ? undefined : node.children.find((n) => n.label === label && n.leaf === null);
      if (!child) {
        child = { label, children: [], leaf: last ? j : null };
        node.children.push(child);
      }
      node = child;
    });
    if (path.length === 0) root.children.push({ label: '', children: [], leaf: j });
  });
  return root;
}

/** The amount columns whose sum a node stands for, or null when it has no additive meaning. */
export function valueCols(node: HeaderNode): number[] | null {
  if (node.leaf !== null) return [node.leaf];
  const total = node.children.find((n) => n.leaf !== null && TOTAL_COL.test(n.label));
  if (total) return [total.leaf!];
  const out: number[] = [];
  for (const p of node.children.filter((n) => !isSubsetLabel(n.label))) {
    const cols = valueCols(p);
    if (!cols) return null;
    out.push(...cols);
  }
  return out.length > 0 ? out : null;
}

/** Depth-first nodes, shallow first, so a group is found before a same-named leaf below it. */
export function nodes(root: HeaderNode): HeaderNode[] {
  const out: HeaderNode[] = [];
  const queue = [...root.children];
  while (queue.length > 0) {
    const n = queue.shift()!;
    out.push(n);
    queue.push(...n.children);
  }
  return out;
}

/**
 * Something derived from a segment's amount-column headers alone (not their positions),
 * computed once per distinct header: a workbook repeats its templates' headers in every
 * department's tables.
 */
export class PerHeader<T> {
  private readonly memo: Memo<T, readonly Column[]>;

  constructor(derive: (measures: readonly Column[]) => T) {
    this.memo = new Memo((_, measures) => derive(measures), 10_000, Infinity);
  }

  get(seg: Segment): T {
    return this.memo.get(seg.headerKey, seg.measures);
  }
}
