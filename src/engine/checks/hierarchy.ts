// Code hierarchies (DOMAIN §4.1.1): every 类 = Σ 款, 款 = Σ 项, 301 = Σ 301xx, a unit
// = Σ its sub-units (517 = 517001 + 517002), and each 合计 = Σ top-level rows.
import type { BodyRow, CodeDim, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare } from './emit';
import { pushTo } from '../collections';
import { codeParents } from '../code-parents';
import { cellAt, columnLabel, holdsExactly, rowName, sumAt, valueAt } from './values';
import { flatMap } from '../collections';

const DIM_NAME: Record<CodeDim, string> = { function: '科目', economic: '经济科目', unit: '单位', other: '项目' };

/** Each coded row's parent in its own dimension; a code listed twice is ambiguous as a parent, so its rows are leaves. */
function parents(rows: BodyRow[]): Map<BodyRow, BodyRow> {
  const byDim = new Map<CodeDim | null, BodyRow[]>();
  for (const row of rows) if (row.code) pushTo(byDim, row.dim, row);
  const out = new Map<BodyRow, BodyRow>();
  for (const list of byDim.values()) {
    const found = codeParents(list, (r) => r.code, true);
    list.forEach((row, i) => {
      const parent = found[i];
      if (parent) out.set(row, parent);
    });
  }
  return out;
}

/** Each 合计 row with the rows it sums. */
function totalBlocks(rows: BodyRow[]): { total: BodyRow; scope: BodyRow[] }[] {
  const totals = rows.filter((r) => r.kind === 'total');
  if (totals.length <= 1) return totals.map((total) => ({ total, scope: rows.filter((r) => r !== total) }));
  const out: { total: BodyRow; scope: BodyRow[] }[] = [];
  const onTop = rows[0]?.kind === 'total';
  let block: BodyRow[] = [];
  let head: BodyRow | null = null;
  for (const row of rows) {
    if (row.kind === 'total') {
      if (onTop) {
        if (head) out.push({ total: head, scope: block });
        head = row;
      } else out.push({ total: row, scope: block });
      block = [];
    } else block.push(row);
  }
  if (onTop && head) out.push({ total: head, scope: block });
  return out.filter((b) => b.scope.length > 0);
}

export function checkHierarchy(table: Table, segs: Segment[]): Finding[] {
  const rows = flatMap(segs, (s) => s.rows);
  const coded = rows.filter((r) => r.code && (r.kind === 'item' || r.kind === 'subset'));
  if (!coded.some((r) => r.dim === 'function' || r.dim === 'economic' || r.dim === 'unit' || r.dim === 'other')) return [];
  const measures = Math.max(...segs.map((s) => s.amountCols.length));
  const columnOf = (j: number) => segs[0].measures[j];
  const findings: Finding[] = [];
  const parentOf = parents(coded);
  const children = new Map<BodyRow, BodyRow[]>();
  for (const row of coded) {
    const parent = parentOf.get(row);
    if (parent) pushTo(children, parent, row);
  }

  children.forEach((kids, parent) => {
    for (let j = 0; j < measures; j++) {
      if (holdsExactly(kids, parent, j)) continue;
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
  });

  // 合计 = Σ top-level rows, separately for each code dimension present (units and
  // function rows both add up to the same 合计), and for uncoded item rows. With several
  // 合计 rows, each one sums its own block: the rows after a 合计 standing on top, else
  // the rows since the previous 合计.
  for (const { total, scope: block } of totalBlocks(rows)) {
    const dims = new Map<string, BodyRow[]>();
    for (const row of block) {
      if (row.kind !== 'item') continue;
      if (parentOf.has(row)) continue;
      const k = row.code ? row.dim ?? 'other' : 'none';
      pushTo(dims, k, row);
    }
    for (const [dim, scope] of dims) {
      // Uncoded rows next to coded ones are notes or sub-lines, unless nothing is coded.
      if (dim === 'none' && dims.size > 1 && scope.length < 2) continue;
      for (let j = 0; j < measures; j++) {
        if (holdsExactly(scope, total, j)) continue;
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
