// Code hierarchies (DOMAIN §4.1.1): every 类 = Σ 款, 款 = Σ 项, 301 = Σ 301xx, a unit
// = Σ its sub-units (517 = 517001 + 517002), and each 合计 = Σ top-level rows.
import type { BodyRow, CodeDim, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare } from './emit';
import { codeParents } from '../code-parents';
import { cellAt, columnLabel, holdsExactly, rowName, settles, sumAt, valueAt } from './values';
import { doubles, flatMap, mapped, pushTo } from '../collections';

const DIM_NAME: Record<CodeDim, string> = { function: '科目', economic: '经济科目', unit: '单位', other: '项目' };

/**
 * Each row's parent row index (-1 for none), within its own code dimension; a code listed
 * twice is ambiguous as a parent, so its rows are leaves. Only coded items and subsets count.
 */
function parents(rows: readonly BodyRow[]): number[] {
  const coded = (r: BodyRow): boolean => r.code !== null && r.code !== '' && (r.kind === 'item' || r.kind === 'subset');
  const dims = new Set<CodeDim | null>();
  for (const r of rows) if (coded(r)) dims.add(r.dim);
  const out = new Array<number>(rows.length).fill(-1);
  for (const dim of dims) {
    const found = codeParents(mapped(rows, (r) => (coded(r) && r.dim === dim ? r.code : null)), true);
    found.forEach((p, i) => {
      if (p >= 0) out[i] = p;
    });
  }
  return out;
}

/** Each 合计 row with the rows it sums (indices into rows). */
function totalBlocks(rows: readonly BodyRow[]): { total: number; scope: number[] }[] {
  const out: { total: number; scope: number[] }[] = [];
  const totals: number[] = [];
  rows.forEach((r, i) => {
    if (r.kind === 'total') totals.push(i);
  });
  if (totals.length <= 1) {
    for (const total of totals) out.push({ total, scope: mapped(rows, (_, i) => i).filter((i) => i !== total) });
    return out;
  }
  const onTop = rows[0]?.kind === 'total';
  let block: number[] = [];
  let head = -1;
  rows.forEach((row, i) => {
    if (row.kind === 'total') {
      if (onTop) {
        if (head >= 0) out.push({ total: head, scope: block });
        head = i;
      } else out.push({ total: i, scope: block });
      block = [];
    } else block.push(i);
  });
  if (onTop && head >= 0) out.push({ total: head, scope: block });
  return out.filter((b) => b.scope.length > 0);
}

export function checkHierarchy(table: Table, segs: Segment[]): Finding[] {
  const rows = flatMap(segs, (s) => s.rows);
  if (!rows.some((r) => r.code && (r.kind === 'item' || r.kind === 'subset'))) return [];
  const measures = Math.max(...segs.map((s) => s.amountCols.length));
  const columnOf = (j: number) => segs[0].measures[j];
  const findings: Finding[] = [];
  const parentOf = parents(rows);
  // Each parent's Σ of children per measure in exact units, in one pass: the children are
  // listed only for a parent whose sum does not settle. Parents in the order their first
  // child is listed.
  const sums = doubles(rows.length * measures);
  const order: number[] = [];
  const listed = new Array<boolean>(rows.length).fill(false);
  for (let i = 0; i < rows.length; i++) {
    const p = parentOf[i];
    if (p < 0) continue;
    if (!listed[p]) {
      listed[p] = true;
      order.push(p);
    }
    for (let j = 0; j < measures; j++) sums[p * measures + j] += rows[i].amounts.exact(j);
  }

  for (const p of order) {
    const parent = rows[p];
    let kids: BodyRow[] | null = null;
    for (let j = 0; j < measures; j++) {
      if (settles(sums[p * measures + j], parent.amounts.exact(j))) continue;
      kids ??= rows.filter((_, i) => parentOf[i] === p);
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
  // function rows both add up to the same 合计), and for uncoded item rows. With several
  // 合计 rows, each one sums its own block: the rows after a 合计 standing on top, else
  // the rows since the previous 合计.
  for (const { total: t, scope: block } of totalBlocks(rows)) {
    const total = rows[t];
    const dims = new Map<string, BodyRow[]>();
    for (const i of block) {
      const row = rows[i];
      if (row.kind !== 'item' || parentOf[i] >= 0) continue;
      pushTo(dims, row.code ? row.dim ?? 'other' : 'none', row);
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
