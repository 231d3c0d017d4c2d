// Column relations read from the header (DOMAIN §4.1.2): in every header group, the
// 合计/小计 column = Σ the other columns (a sub-group counts by its own 小计, or by the
// sum of its leaves); 其中 columns are subsets and never added.
import { Dec } from '../amount';
import type { BodyRow, Column, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare, type Cell } from './emit';
import { columnLabel, rowName } from './values';

interface Node {
  label: string;
  children: Node[];
  /** Index into the segment's amount columns for a leaf. */
  leaf: number | null;
}

const TOTAL_COL = /(合计|小计|总计)(数)?$|^合计|^总计/;
/** Columns that are not amounts to add: ratios, comparisons with other years, counts. */
const NOT_ADDITIVE = /%|占|比重|比例|增减|增长|下降|变动|上年|率|人数|数量|行次/;

function buildTree(cols: Column[]): Node {
  const root: Node = { label: '', children: [], leaf: null };
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

function isSubset(label: string): boolean {
  return /^其中/.test(label);
}

/** The columns whose sum a node stands for, or null when it has no additive meaning. */
function valueCols(node: Node): number[] | null {
  if (node.leaf !== null) return [node.leaf];
  const total = node.children.find((n) => n.leaf !== null && TOTAL_COL.test(n.label));
  if (total) return [total.leaf!];
  const parts = node.children.filter((n) => !isSubset(n.label));
  const out: number[] = [];
  for (const p of parts) {
    const cols = valueCols(p);
    if (!cols) return null;
    out.push(...cols);
  }
  return out.length > 0 ? out : null;
}

interface Relation {
  total: number;
  parts: number[];
  name: string;
}

function relations(node: Node, cols: Column[], out: Relation[]): void {
  if (node.leaf !== null) return;
  const total = node.children.find((n) => n.leaf !== null && TOTAL_COL.test(n.label));
  const others = node.children.filter((n) => n !== total && !isSubset(n.label));
  if (total && others.length > 0 && !others.some((n) => NOT_ADDITIVE.test(n.label)) && !NOT_ADDITIVE.test(total.label)) {
    const parts: number[] = [];
    let ok = true;
    for (const o of others) {
      const v = valueCols(o);
      if (!v) ok = false;
      else parts.push(...v);
    }
    if (ok) out.push({ total: total.leaf!, parts, name: columnLabel(cols[total.leaf!]) });
  }
  for (const child of node.children) relations(child, cols, out);
}

export function checkColumns(table: Table, seg: Segment): Finding[] {
  const cols = seg.columns.filter((c) => c.role === 'amount');
  if (cols.length < 2) return [];
  const rels: Relation[] = [];
  relations(buildTree(cols), cols, rels);
  const findings: Finding[] = [];
  for (const row of seg.rows) {
    for (const rel of rels) {
      const partsSum = sumParts(row, rel.parts);
      const cell: Cell = { r: row.r, c: row.cols[rel.total] };
      const f = compare(table, {
        rule: 'sum.columns',
        cell,
        expected: partsSum,
        actual: row.amounts[rel.total]?.value ?? null,
        addends: rel.parts.length,
        related: rel.parts.map((j) => ({ r: row.r, c: row.cols[j] })),
        what: `「${rowName(row)}」行「${rel.name}」应等于${rel.parts.map((j) => `「${columnLabel(cols[j])}」`).join('+')}`,
      });
      if (f) findings.push(f);
    }
  }
  return findings;
}

function sumParts(row: BodyRow, parts: number[]): Dec | null {
  let total: Dec | null = null;
  for (const j of parts) {
    const v = row.amounts[j]?.value;
    if (v) total = (total ?? new Dec(0)).plus(v);
  }
  return total;
}
