// Row relations from labels (DOMAIN §4.1.3) for tables without codes: an ordinal parent
// (一、) = Σ its children（（一）…), 本年合计 = Σ top-level items, 总计 = 本年合计 + the
// items after it, 其中 rows ≤ their parent, and 收入总计 = 支出总计 across halves.
import type { BodyRow, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare } from './emit';
import { cellAt, columnLabel, holdsExactly, rowName, sumAt, valueAt } from './values';
import { mapped } from '../collections';

const FUND_CHILD = /^(一般公共预算|政府性基金|国有资本经营)(预算)?(财政)?(拨款)?(收入)?$/;
const CARRY = /结转|结余/;

interface Item {
  row: BodyRow;
  level: number;
  children: Item[];
}

/** Effective levels: unnumbered items are top-level, except fund lines under a 结转结余 row. */
function levelOf(row: BodyRow, lastTop: BodyRow | null): number {
  // "上年财政拨款结转" followed by its fund lines, numbered or not (seed 003 公开04, seed 004).
  if (lastTop && lastTop.ordinalLevel === 0 && CARRY.test(lastTop.bare) && FUND_CHILD.test(row.bare)) return Math.max(2, row.ordinalLevel + 1);
  if (row.ordinalLevel > 0) return row.ordinalLevel;
  return 1;
}

function label(seg: Segment, j: number): string {
  const cols = seg.measures;
  return cols.length > 1 ? columnLabel(cols[j]) : '';
}

export function checkRows(table: Table, seg: Segment): Finding[] {
  const findings: Finding[] = [];
  const measures = seg.amountCols.length;
  const emit = (total: BodyRow, parts: BodyRow[], rule: string, what: string): void => {
    for (let j = 0; j < measures; j++) {
      if (holdsExactly(parts, total, j)) continue;
      const f = compare(table, {
        rule,
        cell: cellAt(total, j),
        expected: sumAt(parts, j),
        actual: valueAt(total, j),
        addends: parts.length,
        related: parts.map((p) => cellAt(p, j)),
        what: `${what}${label(seg, j) ? `（${label(seg, j)}）` : ''}`,
      });
      if (f) findings.push(f);
    }
  };

  let block: Item[] = [];
  let stack: Item[] = [];
  let lastTop: BodyRow | null = null;
  let lastSubtotal: BodyRow | null = null;
  let afterSubtotal: BodyRow[] = [];
  const closeParents = (items: Item[]): void => {
    for (const it of items) {
      const kids = it.children.filter((k) => k.row.kind === 'item');
      if (kids.length > 0) emit(it.row, mapped(kids, (k) => k.row), 'sum.rows', `「${rowName(it.row)}」应等于其下各项之和`);
      closeParents(it.children);
    }
  };

  // A total standing above its items (项目支出表: the department row first) sums all below it.
  const first = seg.rows.find((r) => r.kind !== 'partial');
  const topTotal = first?.kind === 'total' && seg.rows.filter((r) => r.kind === 'total').length === 1 ? first : null;
  for (const row of seg.rows) {
    if (row.kind === 'partial' || row === topTotal) continue;
    if (row.kind === 'total') {
      const tops = mapped(block.filter((it) => it.level === 1 && it.row.kind === 'item'), (it) => it.row);
      if (row.grand && lastSubtotal) {
        emit(row, [lastSubtotal, ...afterSubtotal], 'sum.rows', `「${row.label}」应等于「${lastSubtotal.label}」加其后各项`);
      } else if (tops.length > 0) {
        emit(row, tops, 'sum.rows', `「${row.label}」应等于各项之和`);
      }
      closeParents(block.filter((it) => it.level === 1));
      if (row.grand) {
        lastSubtotal = null;
      } else {
        lastSubtotal = row;
      }
      afterSubtotal = [];
      block = [];
      stack = [];
      lastTop = null;
      continue;
    }
    if (row.kind === 'subset') {
      const parent = stack[stack.length - 1];
      if (parent) {
        for (let j = 0; j < measures; j++) {
          const f = compare(table, {
            rule: 'subset.le',
            cell: cellAt(row, j),
            expected: valueAt(parent.row, j),
            actual: valueAt(row, j),
            addends: 1,
            related: [cellAt(parent.row, j)],
            what: `「${row.label}」是「${rowName(parent.row)}」的一部分`,
            atMost: true,
          });
          if (f) findings.push(f);
        }
      }
      continue;
    }
    const level = levelOf(row, lastTop);
    const item: Item = { row, level, children: [] };
    while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(item);
    stack.push(item);
    block.push(item);
    if (level === 1) {
      lastTop = row;
      if (lastSubtotal) afterSubtotal.push(row);
    }
  }
  closeParents(block.filter((it) => it.level === 1));
  if (topTotal) {
    const tops = mapped(block.filter((it) => it.level === 1 && it.row.kind === 'item'), (it) => it.row);
    if (tops.length > 0) emit(topTotal, tops, 'sum.rows', `「${topTotal.label || '合计'}」应等于其下各项之和`);
  }
  return findings;
}

/** 收入总计 = 支出总计: the last grand total of each half, first measure. */
export function checkBalance(table: Table, segs: Segment[]): Finding[] {
  const ends = segs
    .map((s) => [...s.rows].reverse().find((r) => r.kind === 'total' && (r.grand || r.bare.includes('合计'))))
    .filter((r): r is BodyRow => r !== undefined && r.amounts.length > 0);
  if (ends.length < 2) return [];
  const [income, ...others] = ends;
  const out: Finding[] = [];
  for (const other of others) {
    const f = compare(table, {
      rule: 'balance.totals',
      cell: cellAt(other, 0),
      expected: valueAt(income, 0),
      actual: valueAt(other, 0),
      addends: 1,
      related: [cellAt(income, 0)],
      what: `「${other.label}」应与「${income.label}」相等`,
    });
    if (f) out.push(f);
  }
  return out;
}
