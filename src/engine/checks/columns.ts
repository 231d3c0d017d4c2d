// Column relations read from the header (DOMAIN §4.1.2): in every header group, the
// 合计/小计 column = Σ the other columns (a sub-group counts by its own 小计, or by the
// sum of its leaves); 其中 columns are subsets and never added.
import { Dec } from '../amount';
import type { BodyRow, Column, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare, type Cell } from './emit';
import { columnLabel, rowHoldsExactly, rowName, valueAt } from './values';
import { buildTree, PerHeader, TOTAL_COL, valueCols, type HeaderNode } from '../header-tree';
import { isSubsetLabel } from '../text';

/** Columns that are not amounts to add: ratios, comparisons with other years, counts. */
const NOT_ADDITIVE = /%|占|比重|比例|增减|增长|下降|变动|上年|率|人数|数量|行次/;

interface Relation {
  total: number;
  parts: number[];
  name: string;
}

/** Groups such as 按收入性质分 / 按支出性质分 are alternative breakdowns of the same total. */
const BREAKDOWN = /^按.+分$/;

function relationFor(total: HeaderNode, parts: HeaderNode[], cols: readonly Column[]): Relation | null {
  const out: number[] = [];
  for (const o of parts) {
    const v = valueCols(o);
    if (!v) return null;
    out.push(...v);
  }
  return { total: total.leaf!, parts: out, name: columnLabel(cols[total.leaf!]) };
}

function relations(node: HeaderNode, cols: readonly Column[], out: Relation[]): void {
  if (node.leaf !== null) return;
  const total = node.children.find((n) => n.leaf !== null && TOTAL_COL.test(n.label));
  const others = node.children.filter((n) => n !== total && !isSubsetLabel(n.label));
  if (total && others.length > 0 && !others.some((n) => NOT_ADDITIVE.test(n.label)) && !NOT_ADDITIVE.test(total.label)) {
    const breakdowns = others.filter((n) => n.leaf === null && BREAKDOWN.test(n.label));
    const groups = breakdowns.length > 1 && breakdowns.length === others.length ? breakdowns.map((b) => [b]) : [others];
    for (const g of groups) {
      const rel = relationFor(total, g, cols);
      if (rel) out.push(rel);
    }
  }
  for (const child of node.children) relations(child, cols, out);
}

/** The column relations a header implies. */
const RELATIONS = new PerHeader<Relation[]>((cols) => {
  const rels: Relation[] = [];
  if (cols.length >= 2) relations(buildTree(cols), cols, rels);
  return rels;
});

export function checkColumns(table: Table, seg: Segment): Finding[] {
  const cols = seg.measures;
  const rels = RELATIONS.get(seg);
  if (rels.length === 0) return [];
  const findings: Finding[] = [];
  for (const row of seg.rows) {
    for (const rel of rels) {
      if (rowHoldsExactly(row, rel.parts, rel.total)) continue;
      const partsSum = sumParts(row, rel.parts);
      const cell: Cell = { r: row.r, c: row.cols[rel.total] };
      const f = compare(table, {
        rule: 'sum.columns',
        cell,
        expected: partsSum,
        actual: valueAt(row, rel.total),
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
    const v = valueAt(row, j);
    if (v) total = (total ?? new Dec(0)).plus(v);
  }
  return total;
}
