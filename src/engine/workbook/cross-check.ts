// Checks the cross-table relations of relations.ts over a workbook's tables. Amounts in
// different units are converted to the unit of the table that carries the finding.
import { Dec } from '../amount';
import { compare } from '../checks/emit';
import type { Finding } from '../report';
import { UNIT_SCALE } from '../rounding';
import type { TableHead } from '../table';
import type { TableType } from '../report';
import { CROSS_RELATIONS, type CrossRelation, type FigureSel } from './relations';
import { cellRef, type TableFigure } from './table-figures';
import { sheetRef } from '../address';
import { flatMap, Memo, pushTo } from '../collections';
import { key } from '../text';

/** One figure as found: possibly the sum of several same-named figures of one table (30217 listed twice). */
type Found = TableFigure;

function convert(value: Dec, from: TableHead, to: TableHead): Dec {
  if (from.unit === to.unit) return value;
  return value.times(UNIT_SCALE[from.unit] ?? 1e4).div(UNIT_SCALE[to.unit] ?? 1e4);
}

type ByType = Map<string, TableFigure[]>;

const MAIN = /^$/;

/** Index of the first pattern a name matches, or -1. */
function patternIndex(patterns: readonly RegExp[], name: string): number {
  for (let i = 0; i < patterns.length; i++) if (patterns[i].test(name)) return i;
  return -1;
}

function patternsOf(s: FigureSel): readonly RegExp[] {
  return s.name instanceof RegExp ? [s.name] : s.name;
}

/** Every figure selector of the relations, by the table type it reads. */
const SELECTORS = new Map<TableType, FigureSel[]>();
for (const rel of CROSS_RELATIONS) {
  for (const s of [...(rel.equal ?? []), ...(rel.cell ? [rel.cell] : []), ...(rel.sum ?? [])]) for (const t of s.types) pushTo(SELECTORS, t, s);
}

function pickable(type: TableType, column: string, name: string): boolean {
  for (const s of SELECTORS.get(type) ?? []) if ((s.column ?? MAIN).test(column) && patternIndex(patternsOf(s), name) >= 0) return true;
  return false;
}

/** pickable by table type, column and figure name (names recur in every department); bounded per type. */
const PICKABLE = new Map<TableType, Map<string, Memo<boolean>>>();

/** Whether some relation could pick such a figure: others need not be read for checkCrossTables. */
export function mayBePicked(type: TableType, column: string, name: string): boolean {
  let byColumn = PICKABLE.get(type);
  if (!byColumn || byColumn.size >= 1_000) PICKABLE.set(type, (byColumn = new Map()));
  let memo = byColumn.get(column);
  if (!memo) byColumn.set(column, (memo = new Memo((n) => pickable(type, column, n), 10_000)));
  return memo.get(name);
}

/** What a selector picked from one table: its figures by name, in listing order. */
interface Picked {
  table: TableHead;
  found: Found[];
}

function pick(byType: ByType, s: FigureSel): Picked[] {
  // Most selectors find no table of their types in a department: nothing to set up for them.
  let any = false;
  for (const type of s.types) any ||= byType.has(type);
  if (!any) return [];
  const patterns = patternsOf(s);
  const column = s.column ?? MAIN;
  // One pass tests each figure once; per table only figures of the best pattern that
  // matches any of its figures are kept. (A department has a table or two of a type: lists.)
  const matched: TableFigure[] = [];
  const ranks: number[] = [];
  const out: Picked[] = [];
  const best: number[] = [];
  for (const type of s.types) {
    for (const f of byType.get(type) ?? []) {
      if (!column.test(f.column)) continue;
      const i = patternIndex(patterns, f.name);
      if (i < 0) continue;
      matched.push(f);
      ranks.push(i);
      let t = out.findIndex((p) => p.table === f.table);
      if (t < 0) t = out.push({ table: f.table, found: [] }) - 1;
      best[t] = Math.min(best[t] ?? Infinity, i);
    }
  }
  // Tables in the order of their first kept figure.
  const kept: Picked[] = [];
  for (let k = 0; k < matched.length; k++) {
    const f = matched[k];
    const t = out.findIndex((p) => p.table === f.table);
    if (ranks[k] !== best[t]) continue;
    const found = out[t].found;
    if (found.length === 0) kept.push(out[t]);
    const at = found.findIndex((x) => x.name === f.name);
    if (at < 0) {
      found.push(f);
      continue;
    }
    // The first matching column wins; duplicates of the same row name in that column add up.
    const prev = found[at];
    if (prev.cells[0] && f.cells[0] && prev.cells[0].c !== f.cells[0].c) continue;
    found[at] = prev.plus(f);
  }
  return kept;
}

function describe(f: Found): string {
  return `「${f.table.view.name}」${cellRef(f.cells)}`;
}

function refs(list: Found[]): string[] {
  return flatMap(list, (f) => f.cells.map((c) => sheetRef(f.table.view.name, cellRef([c]))));
}

const EXCLUDES_CARRY = /不含(上年)?结转/;

/**
 * A table titled "（不含上年结转）" leaves out what its counterpart includes: a difference
 * is a 口径 matter to look at, not an error.
 */
function scope(rel: CrossRelation, tables: TableHead[]): { over: CrossRelation['severity']; note: string } {
  const narrow = tables.filter((t) => EXCLUDES_CARRY.test(t.region.title));
  if (narrow.length === 0 || narrow.length === tables.length) return { over: rel.severity, note: '' };
  return { over: 'warning', note: `（「${narrow[0].view.name}」不含上年结转，口径不同）` };
}

/** Half a shown unit of each side, in the unit of `at`'s table: both figures are rounded. */
function pairTolerance(at: TableHead, other: TableHead): Dec {
  const half = (t: TableHead): Dec => (t.rounding.applies ? new Dec(10).pow(-t.rounding.decimals).div(2) : new Dec(0));
  return half(at).plus(convert(half(other), other, at));
}

function emitEqual(rel: CrossRelation, at: Found, others: Found[], note: string): Finding | null {
  const other = others[0];
  const sc = scope(rel, [at.table, ...others.map((o) => o.table)]);
  const fixed = at.table.rounding.fixed;
  const f = compare(at.table, {
    rule: rel.id,
    cell: at.cells[0],
    expected: other.value === null ? null : convert(other.value, other.table, at.table),
    actual: at.value,
    addends: 1,
    related: [],
    tolerance: fixed ?? pairTolerance(at.table, other.table),
    what: `${rel.what}不一致：应与${describe(other)}${note}相等${sc.note}`,
    over: sc.over,
  });
  if (f) f.related = refs(others);
  return f;
}

/** The first figure picked (in table order), or the first of that name when one is given. */
function firstPicked(picked: Picked[], name: string | null): Found | undefined {
  for (const p of picked) {
    const f = name === null ? p.found[0] : p.found.find((x) => x.name === name);
    if (f) return f;
  }
  return undefined;
}

/** Equality among figures of several tables, with the odd one out carrying the finding. */
function checkEqual(rel: CrossRelation, picked: Picked[][], name: string | null): Finding[] {
  const present: Found[] = [];
  for (const p of picked) {
    const f = firstPicked(p, name);
    if (f !== undefined && f.cells.length > 0) present.push(f);
  }
  if (present.length < 2 || present.every((f) => f.blank)) return [];
  const same = (a: Found, b: Found): boolean => {
    if (a.table.unit === b.table.unit && a.units !== null && b.units !== null) return a.units === b.units;
    const av = a.value ?? new Dec(0);
    const bv = b.value === null ? new Dec(0) : convert(b.value, b.table, a.table);
    return av.equals(bv);
  };
  if (present.length >= 3) {
    const odd = present.filter((f) => present.filter((g) => g !== f && !same(f, g)).length === present.length - 1);
    const rest = present.filter((f) => !odd.includes(f));
    if (odd.length === 1 && rest.every((a) => rest.every((b) => same(a, b)))) {
      const f = emitEqual(rel, odd[0], rest, `及${describe(rest[1])}（这两张表一致）`);
      return f ? [f] : [];
    }
  }
  const out: Finding[] = [];
  for (const other of present.slice(1)) {
    if (same(present[0], other)) continue;
    const f = emitEqual(rel, present[0], [other], '');
    if (f) out.push(f);
  }
  return out;
}

/** Σ parts = target decided on exact units, when every figure has them in one unit. */
function holdsInUnits(target: Found, parts: Found[]): boolean {
  if (target.units === null || parts.some((p) => p.units === null || p.table.unit !== target.table.unit)) return false;
  return parts.reduce((s, p) => s + (p.units ?? 0), 0) === target.units;
}

function checkSum(rel: CrossRelation, figs: ByType): Finding[] {
  const cellSel = rel.cell!;
  const targets = flatMap(pick(figs, cellSel), (p) => p.found);
  const parts = flatMap(rel.sum!, (s) => flatMap(pick(figs, s), (p) => p.found.slice(0, 1)));
  const target = targets[0];
  if (!target || parts.length === 0) return [];
  if (holdsInUnits(target, parts)) return [];
  let expected: Dec | null = null;
  for (const p of parts) if (p.value) expected = (expected ?? new Dec(0)).plus(convert(p.value, p.table, target.table));
  const sc = scope(rel, [target.table, ...parts.map((p) => p.table)]);
  const f = compare(target.table, {
    rule: rel.id,
    cell: target.cells[0],
    expected,
    actual: target.value,
    addends: parts.length,
    related: [],
    what: `${rel.what}不一致：应等于${parts.map(describe).join('+')}${sc.note}`,
    over: sc.over,
  });
  if (!f) return [];
  f.related = refs(parts);
  return [f];
}

/**
 * Tables of one department: a workbook holding several units (one sheet each, each with its
 * 部门名称 row) is reconciled unit by unit. A table naming no unit joins its sheet's unit.
 */
function departments(figures: TableFigure[], tables: readonly TableHead[]): TableFigure[][] {
  const named = new Set(tables.map((t) => key(t.entity)).filter((e) => e !== ''));
  if (named.size <= 1) return [figures];
  const bySheet = new Map<string, string>();
  for (const t of tables) if (t.entity !== '' && !bySheet.has(t.view.name)) bySheet.set(t.view.name, key(t.entity));
  const group = (t: TableHead): string => (t.entity !== '' ? key(t.entity) : bySheet.get(t.view.name) ?? '');
  const out = new Map<string, TableFigure[]>();
  for (const f of figures) pushTo(out, group(f.table), f);
  return [...out.values()];
}

/**
 * The cross-table relations over the tables' figures. `tables` are the tables that have
 * figures (figures nothing picks may have been left out): they tell the departments apart.
 */
export function checkCrossTables(figures: TableFigure[], tables: readonly TableHead[] = [...new Set(figures.map((f) => f.table))]): Finding[] {
  return flatMap(departments(figures, tables), checkDepartment);
}

function checkDepartment(figures: TableFigure[]): Finding[] {
  const byType: ByType = new Map();
  for (const f of figures) pushTo(byType, f.table.type, f);
  const out: Finding[] = [];
  for (const rel of CROSS_RELATIONS) {
    if (rel.perClass && rel.equal) {
      const picked = rel.equal.map((s) => pick(byType, s));
      const names = new Set(flatMap(picked[0], (p) => p.found.map((f) => f.name)).filter((n) => n.startsWith('class:')));
      for (const n of names) out.push(...checkEqual(rel, picked, n));
    } else if (rel.equal) out.push(...checkEqual(rel, rel.equal.map((s) => pick(byType, s)), null));
    else if (rel.cell && rel.sum) out.push(...checkSum(rel, byType));
  }
  return out;
}
