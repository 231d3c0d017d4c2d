// Code hierarchies (DOMAIN §4.1.1): every 类 = Σ 款, 款 = Σ 项, 301 = Σ 301xx, a unit
// = Σ its sub-units (517 = 517001 + 517002), and each 合计 = Σ top-level rows.
import type { BodyRow, CodeDim, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare } from './emit';
import { cellAt, columnLabel, rowName, sumAt, valueAt } from './values';

const DIM_NAME: Record<CodeDim, string> = { function: '科目', economic: '经济科目', unit: '单位', other: '项目' };

/** Parent of each coded row: the longest proper prefix code present in the same dimension. */
function parents(rows: BodyRow[]): Map<BodyRow, BodyRow | null> {
  const byCode = new Map<string, BodyRow[]>();
  for (const row of rows) if (row.code) byCode.set(`${row.dim}:${row.code}`, [...(byCode.get(`${row.dim}:${row.code}`) ?? []), row]);
  const out = new Map<BodyRow, BodyRow | null>();
  for (const row of rows) {
    let parent: BodyRow | null = null;
    if (row.code) {
      for (let len = row.code.length - 1; len >= 3 && !parent; len--) {
        const same = byCode.get(`${row.dim}:${row.code.slice(0, len)}`);
        // A code listed twice is ambiguous as a parent; its rows are leaves.
        if (same && same.length === 1) parent = same[0];
      }
    }
    out.set(row, parent);
  }
  return out;
}

export function checkHierarchy(table: Table, segs: Segment[]): Finding[] {
  const rows = segs.flatMap((s) => s.rows);
  const coded = rows.filter((r) => r.code && (r.kind === 'item' || r.kind === 'subset'));
  if (!coded.some((r) => r.dim === 'function' || r.dim === 'economic' || r.dim === 'unit' || r.dim === 'other')) return [];
  const measures = Math.max(...segs.map((s) => s.amountCols.length));
  const columnOf = (j: number) => segs[0].columns.filter((c) => c.role === 'amount')[j];
  const findings: Finding[] = [];
  const parentOf = parents(coded);
  const children = new Map<BodyRow, BodyRow[]>();
  for (const [row, parent] of parentOf) if (parent) children.set(parent, [...(children.get(parent) ?? []), row]);

  for (const [parent, kids] of children) {
    for (let j = 0; j < measures; j++) {
      const f = compare(table, {
        rule: 'sum.code',
        cell: cellAt(parent, j),
        expected: sumAt(kids, j),
        actual: valueAt(parent, j),
        addends: kids.length,
        related: kids.map((k) => cellAt(k, j)),
        what: `「${rowName(parent)}」${columnLabel(columnOf(j))}应等于其下级${DIM_NAME[parent.dim ?? 'other']}之和`,
      });
      if (f) findings.push(f);
    }
  }

  // 合计 = Σ top-level rows, separately for each code dimension present (units and
  // function rows both add up to the same 合计), and for uncoded item rows.
  const totals = rows.filter((r) => r.kind === 'total');
  const dims = new Map<string, BodyRow[]>();
  for (const row of rows) {
    if (row.kind !== 'item') continue;
    if (row.code && parentOf.get(row)) continue;
    const k = row.code ? row.dim ?? 'other' : 'none';
    dims.set(k, [...(dims.get(k) ?? []), row]);
  }
  for (const total of totals) {
    for (const [dim, tops] of dims) {
      // Uncoded rows next to coded ones are notes or sub-lines, unless nothing is coded.
      if (dim === 'none' && dims.size > 1 && tops.length < 2) continue;
      const scope = tops.filter((r) => r.r !== total.r);
      if (scope.length === 0) continue;
      for (let j = 0; j < measures; j++) {
        const f = compare(table, {
          rule: 'sum.total',
          cell: cellAt(total, j),
          expected: sumAt(scope, j),
          actual: valueAt(total, j),
          addends: scope.length,
          related: scope.map((k) => cellAt(k, j)),
          what: `「${total.label}」${columnLabel(columnOf(j))}应等于各${dim === 'none' ? '明细行' : `一级${DIM_NAME[dim as CodeDim]}`}之和`,
        });
        if (f) findings.push(f);
      }
    }
  }
  return findings;
}
