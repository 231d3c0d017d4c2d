// Mutation helpers: which cells may be mutated, how, and where the engine is allowed
// (and expected) to report the injected error.
import { a1, parseA1, parseRangeA1 } from '../../src/engine/address';
import { Dec } from '../../src/engine/amount';
import type { CellRange, WorkbookSnapshot } from '../../src/engine/grid';
import { recognize } from '../../src/engine/recognize';
import type { Finding, Report } from '../../src/engine/report';
import { tolerance, type Rounding } from '../../src/engine/rounding';
import { specOf } from '../../src/engine/specs';
import type { BodyRow } from '../../src/engine/layout';
import { formatNumber } from '../../src/io/number-text';
import { pick, randInt, type Rng } from './prng';

export type MutationClass = 'digit' | 'swap' | 'delta' | 'stale' | 'blank';
export const MUTATION_CLASSES: readonly MutationClass[] = ['digit', 'swap', 'delta', 'stale', 'blank'];

/** A numeric cell of a recognized, checkable table. */
export interface Candidate {
  sheetIndex: number;
  sheet: string;
  tableId: string;
  tableType: string;
  tableRange: CellRange;
  r: number;
  c: number;
  value: Dec;
  /** Decimals the figure is shown with (its number format / displayed text). */
  decimals: number;
  /** Decimals most figures of the table are shown with (the engine's rounding precision). */
  tableDecimals: number;
  unit: string;
  rounding: Rounding;
  rowKind: BodyRow['kind'];
  /** Item row without sub-items (a 项, a 30101, a project): changing it leaves totals stale. */
  leaf: boolean;
  /** Change above which a mutation is an unmistakable error: the tolerance of the widest relation the table can hold. */
  threshold: Dec;
  /** One step of the shown precision (0.01 at two decimals). */
  step: Dec;
}

const TOTAL_HEADER = /合计|小计|总计/;
/** Counters, not amounts, even where the layout gives them the amount role. */
const COUNTER_HEADER = /^(序号|行次|栏次|编号)$/;

/**
 * Cells a mutation may hit: the amount cells of the body rows (items, totals, partial
 * totals; not "其中" subset rows, which only take part in ≤ relations) of every
 * recognized table whose type is known and not a text-only (performance) table, and
 * only where the table holds a relation at all: a total row in the segment, a code
 * hierarchy (a code whose prefix code is also listed), or a 合计/小计 column beside other
 * amount columns; "三公" tables always. A plain list without any total (绩效目标清单) holds
 * no relation a change could break.
 * Positions come from the engine's layout; the expected outcome does not.
 */
export function candidates(wb: WorkbookSnapshot, report: Report): Candidate[] {
  const tables = recognize(wb, { fixedTolerance: null, typeOverrides: {} });
  const out: Candidate[] = [];
  for (const t of tables) {
    const rep = report.tables.find((x) => x.id === t.id);
    if (!rep || rep.sheet !== t.view.name) throw new Error(`recognize() and the report disagree on table ${t.id}`);
    if (t.type === 'unknown' || specOf(t.type)?.shape === 'text' || !specOf(t.type)) continue;
    const sheetIndex = wb.sheets.findIndex((s) => s.name === t.view.name);
    const bodyRows = t.layout.segments.reduce((n, s) => n + s.rows.length, 0);
    const threshold = tolerance(t.rounding, Math.max(20, bodyRows + 1));
    const tableRange = parseRangeA1(rep.range);
    const coded = t.layout.segments.flatMap((s) => s.rows).filter((row) => row.code !== null);
    const codeTree = coded.some((row) => coded.some((o) => o !== row && o.dim === row.dim && o.code!.length < row.code!.length && row.code!.startsWith(o.code!)));
    for (const seg of t.layout.segments) {
      const items = seg.rows.filter((row) => row.kind === 'item');
      const amountCols = seg.columns.filter((col) => col.role === 'amount');
      const totalCol = amountCols.length >= 2 && amountCols.some((col) => col.path.some((p) => TOTAL_HEADER.test(p)));
      const totalRow = seg.rows.some((row) => row.kind === 'total' || row.kind === 'partial');
      if (!(codeTree || totalCol || totalRow || specOf(t.type)?.shape === 'three_public')) continue;
      seg.rows.forEach((row, i) => {
        if (row.kind !== 'item' && row.kind !== 'total' && row.kind !== 'partial') return;
        let leaf = row.kind === 'item';
        if (leaf && row.code) leaf = !items.some((o) => o !== row && o.code !== null && o.dim === row.dim && o.code.length > row.code!.length && o.code.startsWith(row.code!));
        if (leaf && !row.code) {
          const next = seg.rows[i + 1];
          if (next && next.kind === 'item' && next.ordinalLevel > row.ordinalLevel && row.ordinalLevel > 0) leaf = false;
        }
        for (let j = 0; j < row.amounts.length; j++) {
          const amt = row.amounts.at(j);
          if (!amt || amt.percent) continue;
          const col = seg.columns.find((x) => x.c === row.cols[j]);
          if (col && COUNTER_HEADER.test(col.path[col.path.length - 1] ?? '')) continue;
          out.push({
            sheetIndex, sheet: t.view.name, tableId: t.id, tableType: t.type, tableRange,
            r: row.r, c: row.cols[j], value: amt.value, decimals: amt.decimals, tableDecimals: t.rounding.decimals,
            unit: t.unit, rounding: t.rounding, rowKind: row.kind, leaf, threshold, step: new Dec(10).pow(-amt.decimals),
          });
        }
      });
    }
  }
  return out;
}

export interface Mutation {
  cls: MutationClass | 'perturb';
  cell: Candidate;
  /** null = blanked. */
  next: Dec | null;
  change: Dec;
}

function shown(v: Dec, decimals: number): string {
  return v.abs().toFixed(decimals);
}

function fromShown(s: string, negative: boolean): Dec {
  const v = new Dec(s);
  return negative ? v.negated() : v;
}

/** Draws one mutation of the class, or null when the class does not apply to the cell. */
export function drawMutation(rng: Rng, cls: MutationClass, cell: Candidate): Mutation | null {
  const v = cell.value;
  const d = cell.decimals;
  const neg = v.isNegative();
  let next: Dec | null;
  switch (cls) {
    case 'digit': {
      const s = shown(v, d);
      const pos = [...s].map((ch, i) => (/\d/.test(ch) ? i : -1)).filter((i) => i >= 0);
      const i = pick(rng, pos);
      const old = Number(s[i]);
      const lead = i === 0 && s.length > 1 && s[1] !== '.';
      let nd = randInt(rng, lead ? 1 : 0, 9);
      if (nd === old) nd = ((nd + 1 - (lead ? 1 : 0)) % (lead ? 9 : 10)) + (lead ? 1 : 0);
      if (nd === old) return null;
      next = fromShown(s.slice(0, i) + String(nd) + s.slice(i + 1), neg);
      break;
    }
    case 'swap': {
      const s = shown(v, d);
      const pos: number[] = [];
      for (let i = 0; i + 1 < s.length; i++) if (/\d/.test(s[i]) && /\d/.test(s[i + 1]) && s[i] !== s[i + 1] && !(i === 0 && s[1] === '0')) pos.push(i);
      if (pos.length === 0) return null;
      const i = pick(rng, pos);
      next = fromShown(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2), neg);
      break;
    }
    case 'delta': {
      const k = 2 + rng() * 48;
      let delta = cell.threshold.times(k).toDecimalPlaces(d);
      if (delta.isZero()) delta = cell.step.times(randInt(rng, 1, 500));
      const down = rng() < 0.5 && v.greaterThan(delta);
      next = down ? v.minus(delta) : v.plus(delta);
      break;
    }
    case 'stale': {
      if (!cell.leaf || v.isZero()) return null;
      const f = 0.05 + rng() * 0.45;
      let delta = v.abs().times(f).toDecimalPlaces(d);
      if (delta.lessThanOrEqualTo(cell.threshold)) delta = cell.threshold.times(3).toDecimalPlaces(d, Dec.ROUND_UP);
      next = rng() < 0.5 ? v.plus(delta) : v.minus(delta);
      break;
    }
    case 'blank': {
      if (!cell.leaf || v.isZero()) return null;
      next = null;
      break;
    }
  }
  const change = (next ?? new Dec(0)).minus(v).abs();
  if (change.isZero()) return null;
  return { cls, cell, next, change };
}

/** An unmistakable error: the change is above the table's widest rounding tolerance. */
export function isInjectedError(m: Mutation): boolean {
  return m.change.greaterThan(m.cell.threshold);
}

/** A change of exactly 0.01 on a figure shown at 0.01 万元 (in a table shown at 0.01 万元). */
export function isRoundingSized(m: Mutation): boolean {
  const c = m.cell;
  return c.rounding.applies && c.unit === '万元' && c.decimals === 2 && c.tableDecimals === 2 && m.change.equals(c.step);
}

/** Applies the mutation to a cloned snapshot: the value, and the displayed text as Excel would show it. */
export function applyMutation(wb: WorkbookSnapshot, m: Mutation): void {
  const sheet = wb.sheets[m.cell.sheetIndex];
  const { r, c } = m.cell;
  const old = sheet.values[r][c];
  if (m.next === null) {
    sheet.values[r][c] = null;
    if (sheet.text?.[r]) sheet.text[r][c] = null;
    return;
  }
  const fmt = sheet.numberFormats?.[r]?.[c] ?? null;
  if (typeof old === 'string') {
    const s = m.next.toFixed(m.cell.decimals);
    sheet.values[r][c] = s;
    if (sheet.text?.[r]) sheet.text[r][c] = s;
    return;
  }
  const percent = fmt !== null && fmt.includes('%');
  const n = Number(percent ? m.next.div(100).toString() : m.next.toString());
  sheet.values[r][c] = n;
  if (sheet.text?.[r]) sheet.text[r][c] = formatNumber(n, fmt);
}

export interface Location {
  sheet: string;
  r: number;
  c: number;
}

/**
 * Where the engine may report an error caused by mutating `cell`: the cell itself and the
 * cells in its row or its column inside its table (the totals that now disagree).
 * `relatedCells`: further allowed cells (the corresponding cells in related tables).
 */
export function isAllowedLocation(cell: Candidate, at: Location, relatedCells: readonly Location[] = []): boolean {
  if (relatedCells.some((x) => x.sheet === at.sheet && x.r === at.r && x.c === at.c)) return true;
  if (at.sheet !== cell.sheet) return false;
  const t = cell.tableRange;
  if (at.r < t.r0 || at.r > t.r1 || at.c < t.c0 || at.c > t.c1) return false;
  return at.r === cell.r || at.c === cell.c;
}

/** Parses a `related` entry (`Sheet!A1:B2`, `'Sheet name'!A1`) into sheet and range. */
export function parseSheetRange(ref: string): { sheet: string; range: CellRange } | null {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(ref);
  if (!m) return null;
  try {
    return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], range: parseRangeA1(m[3]) };
  } catch {
    return null;
  }
}

/** Whether a `related` range of a finding touches the cells the mutation put out of balance. */
function relatedTouches(cell: Candidate, f: Finding): boolean {
  const t = cell.tableRange;
  return f.related.some((ref) => {
    const p = parseSheetRange(ref);
    if (!p || p.sheet !== cell.sheet) return false;
    const g = p.range;
    const rows = { r0: Math.max(g.r0, t.r0), r1: Math.min(g.r1, t.r1) };
    const cols = { c0: Math.max(g.c0, t.c0), c1: Math.min(g.c1, t.c1) };
    if (rows.r0 > rows.r1 || cols.c0 > cols.c1) return false;
    const hasRow = rows.r0 <= cell.r && cell.r <= rows.r1;
    const hasCol = cols.c0 <= cell.c && cell.c <= cols.c1;
    return hasRow || hasCol;
  });
}

/**
 * Whether an error finding is one the mutation of `cell` may legitimately cause: in the
 * mutated table, at a cell of its row or column (isAllowedLocation); anywhere, when its
 * `related` ranges contain the mutated cell itself; in another table
 * (a cross-table relation, 勾稽关系), when the finding compares its cell with a figure of
 * the mutated cell's row or column (its `related` ranges say which).
 */
export function isAllowedFinding(cell: Candidate, f: Finding): boolean {
  const at = findingLocation(f);
  if (isAllowedLocation(cell, at)) return true;
  // A relation that names the mutated cell itself among its compared cells (公开06's side-by-side groups: 公用经费合计 in another group's column).
  if (relatedHas(cell, f)) return true;
  return f.table !== cell.tableId && relatedTouches(cell, f);
}

function relatedHas(cell: Candidate, f: Finding): boolean {
  return f.related.some((ref) => {
    const p = parseSheetRange(ref);
    return p !== null && p.sheet === cell.sheet && p.range.r0 <= cell.r && cell.r <= p.range.r1 && p.range.c0 <= cell.c && cell.c <= p.range.c1;
  });
}

export function findingLocation(f: Finding): Location {
  const { r, c } = parseA1(f.cell);
  return { sheet: f.sheet, r, c };
}

export function findingKey(f: Finding): string {
  return `${f.sheet}!${f.cell}|${f.rule}|${f.severity}|${f.expected}|${f.actual}`;
}

export function describeCell(cell: Candidate): string {
  return `${cell.sheet}!${a1(cell.r, cell.c)}`;
}

export function describeMutation(m: Mutation): string {
  const d = m.cell.decimals;
  return `${describeCell(m.cell)} [${m.cell.tableType}, ${m.cell.rowKind}${m.cell.leaf ? ' leaf' : ''}] ${m.cell.value.toFixed(d)} → ${m.next === null ? '(blank)' : m.next.toFixed(d)} (Δ ${m.change.toFixed(d)}, threshold ${m.cell.threshold.toString()})`;
}

export function describeFinding(f: Finding): string {
  return `${f.severity} ${f.rule} ${f.sheet}!${f.cell} expected ${f.expected} actual ${f.actual} diff ${f.difference} tol ${f.tolerance}`;
}
