// Type-specific formulas declared in specs.ts: row formulas by economic code
// (公开06 人员经费合计 = 301 + 303) and column formulas by header label
// (公开07 年末结转和结余 = 年初 + 本年收入 − 本年支出).
import { Dec } from '../amount';
import type { BodyRow, Column } from '../layout';
import type { Finding } from '../report';
import type { Formula } from '../specs';
import type { Table } from '../table';
import { compare, type Cell } from './emit';
import { cellAt, columnLabel, rowName, valueAt } from './values';
import { flatMap } from '../collections';

function signedSum(terms: { sign: 1 | -1; value: Dec | null }[]): Dec | null {
  let total: Dec | null = null;
  for (const t of terms) if (t.value !== null) total = (total ?? new Dec(0)).plus(t.value.times(t.sign));
  return total;
}

export function checkRowFormulas(table: Table, formulas: readonly Formula[]): Finding[] {
  const rows = flatMap(table.layout.segments, (s) => s.rows);
  const out: Finding[] = [];
  for (const f of formulas) {
    const result = rows.find((r) => f.result.test(r.bare));
    if (!result || result.amounts.length === 0) continue;
    const terms: { sign: 1 | -1; row: BodyRow }[] = [];
    for (const term of f.terms) {
      const row = rows.find((r) => (f.byCode ? r.code !== null && term.match.test(r.code) : term.match.test(r.bare)));
      if (row) terms.push({ sign: term.sign, row });
    }
    if (terms.length === 0) continue;
    const finding = compare(table, {
      rule: f.id,
      cell: cellAt(result, 0),
      expected: signedSum(terms.map((t) => ({ sign: t.sign, value: valueAt(t.row, 0) }))),
      actual: valueAt(result, 0),
      addends: terms.length,
      related: terms.map((t) => cellAt(t.row, 0)),
      what: `「${result.label}」应等于${terms.map((t) => `${t.sign < 0 ? '−' : '+'}「${rowName(t.row)}」`).join('').replace(/^\+/, '')}`,
      over: f.severity,
    });
    if (finding) out.push(finding);
  }
  return out;
}

export function checkColumnFormulas(table: Table, formulas: readonly Formula[]): Finding[] {
  const out: Finding[] = [];
  for (const seg of table.layout.segments) {
    const cols = seg.measures;
    const find = (re: RegExp): number => cols.findIndex((c: Column) => c.path.some((p) => re.test(p)));
    for (const f of formulas) {
      const res = find(f.result);
      const terms = f.terms.map((t) => ({ sign: t.sign, j: find(t.match) })).filter((t) => t.j >= 0 && t.j !== res);
      if (res < 0 || terms.length === 0) continue;
      for (const row of seg.rows) {
        const cell: Cell = { r: row.r, c: row.cols[res] };
        const finding = compare(table, {
          rule: f.id,
          cell,
          expected: signedSum(terms.map((t) => ({ sign: t.sign, value: valueAt(row, t.j) }))),
          actual: valueAt(row, res),
          addends: terms.length,
          related: terms.map((t) => ({ r: row.r, c: row.cols[t.j] })),
          what: `「${rowName(row)}」行「${columnLabel(cols[res])}」应等于${terms.map((t) => `${t.sign < 0 ? "−" : "+"}「${columnLabel(cols[t.j])}」`).join('').replace(/^\+/, '')}`,
          over: f.severity,
        });
        if (finding) out.push(finding);
      }
    }
  }
  return out;
}
