// Equivalence of an original report and the report of a transformed workbook, through the
// transform's cell mapping. Every check returns a list of human-readable problems (empty =
// equivalent), each precise enough to serve as a repro for the engine author.
import { a1, parseA1, parseRangeA1 } from '../../src/engine/address';
import { Dec } from '../../src/engine/amount';
import type { Finding, Report, Severity } from '../../src/engine/report';
import type { CellRef, Variant } from './transforms';

function mapA1(v: Variant, sheet: string, cell: string): CellRef | null {
  const p = parseA1(cell);
  return v.map({ sheet, r: p.r, c: p.c });
}

function refA1(ref: CellRef): string {
  return `${ref.sheet}!${a1(ref.r, ref.c)}`;
}

function contains(range: string, r: number, c: number): boolean {
  const g = parseRangeA1(range);
  return r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1;
}

function describe(f: Finding): string {
  return `${f.rule}/${f.severity} at ${f.sheet}!${f.cell} (expected ${f.expected}, actual ${f.actual}, tol ${f.tolerance})`;
}

/** The severity an original finding must have after the transform (see Variant.scaleAt). */
export function expectedSeverity(v: Variant, f: Finding): Severity {
  const p = parseA1(f.cell);
  const scaled = v.scaleAt({ sheet: f.sheet, r: p.r, c: p.c }).greaterThan(1);
  return scaled && f.severity === 'rounding' ? 'error' : f.severity;
}

/** Non-unknown table types of a report, sorted (a multiset). */
export function typeMultiset(rep: Report): string[] {
  return rep.tables.map((t) => t.type).filter((t) => t !== 'unknown').sort();
}

/**
 * (a) Recognition. Strict: the multiset of recognized (non-unknown) types is unchanged, and
 * every recognized original table has, on its mapped sheet, exactly one transformed table whose
 * range contains the mapped top-left (title) cell, with the same type.
 * Relaxed (`variant.relaxed`, title removed): every table on a touched sheet has the original
 * type of that sheet or 'unknown'.
 */
export function compareTables(orig: Report, trans: Report, v: Variant): string[] {
  const problems: string[] = [];
  if (v.relaxed) {
    for (const o of orig.tables) {
      if (o.type === 'unknown') continue;
      const m = v.map({ sheet: o.sheet, r: 0, c: 0 });
      if (!m) continue;
      for (const t of trans.tables.filter((x) => x.sheet === m.sheet)) {
        if (t.type !== o.type && t.type !== 'unknown') problems.push(`${o.sheet} (was ${o.type}): now ${t.type} at ${t.sheet}!${t.range} (title "${t.title}")`);
      }
    }
    return problems;
  }
  const a = typeMultiset(orig).join(', ');
  const b = typeMultiset(trans).join(', ');
  if (a !== b) {
    const left = typeMultiset(orig);
    const right = typeMultiset(trans);
    const lost = left.filter((x) => {
      const i = right.indexOf(x);
      if (i >= 0) right.splice(i, 1);
      return i < 0;
    });
    problems.push(`type multiset differs: lost [${lost.join(', ')}], extra [${right.join(', ')}]`);
  }
  for (const o of orig.tables) {
    if (o.type === 'unknown') continue;
    const g = parseRangeA1(o.range);
    const m = v.map({ sheet: o.sheet, r: g.r0, c: g.c0 });
    if (!m) {
      problems.push(`${o.sheet}!${o.range} ${o.type}: anchor cell has no image`);
      continue;
    }
    const hits = trans.tables.filter((t) => t.sheet === m.sheet && contains(t.range, m.r, m.c));
    if (hits.length !== 1 || hits[0].type !== o.type) {
      const got = hits.length ? hits.map((t) => `${t.type} ${t.sheet}!${t.range} "${t.title}"`).join(' | ') : 'no table';
      const onSheet = trans.tables.filter((t) => t.sheet === m.sheet).map((t) => `${t.type}@${t.range}`);
      problems.push(
        `${o.sheet}!${o.range} (${o.type}, title "${o.title}") → ${refA1(m)}: got ${got}` +
          (hits.length ? '' : `; tables on ${m.sheet}: [${onSheet.slice(0, 12).join(', ')}${onSheet.length > 12 ? ', …' : ''}]`),
      );
    }
  }
  return problems;
}

function decOrNull(s: string): Dec | null {
  try {
    return /^[+-]?\d+(\.\d+)?$/.test(s.trim()) ? new Dec(s.trim()) : null;
  } catch {
    return null;
  }
}

/** True when the transformed figure equals the original one times `scale` (exactly). */
function sameFigure(o: string, t: string, scale: Dec): boolean {
  const a = decOrNull(o);
  const b = decOrNull(t);
  if (a === null || b === null) return o === t;
  return a.times(scale).equals(b);
}

export interface FindingComparison {
  /** Original findings with no transformed finding of the same rule + expected severity at the mapped cell. */
  missing: string[];
  /** Transformed `error` findings that no original finding expects (same rule, mapped cell, expected severity error). */
  newErrors: string[];
  /** Matched findings whose expected/actual are not the original figures × scale. */
  valueChanges: string[];
}

/**
 * (b) Findings. For each original finding whose cell still exists after the transform (only
 * subtotals-dropped deletes cells): a transformed finding with the same rule and the
 * expected severity (expectedSeverity) at the mapped cell. No transformed `error` without such
 * an original. For matched pairs, `expected` and `actual` equal the original figures × the
 * amount scale at that cell (exact decimal comparison; formatting of decimals is ignored).
 * With `variant.relaxed` only `newErrors` is meaningful.
 */
export function compareFindings(orig: Report, trans: Report, v: Variant): FindingComparison {
  const byCell = new Map<string, Finding[]>();
  for (const t of trans.findings) {
    const k = `${t.sheet}!${t.cell}`;
    const list = byCell.get(k) ?? [];
    list.push(t);
    byCell.set(k, list);
  }
  const missing: string[] = [];
  const valueChanges: string[] = [];
  const explained = new Set<Finding>();
  for (const o of orig.findings) {
    const m = mapA1(v, o.sheet, o.cell);
    // A cell the transform deleted (subtotals-dropped) takes its findings with it.
    if (!m) continue;
    const sev = expectedSeverity(v, o);
    const there = byCell.get(refA1(m)) ?? [];
    const hit = there.filter((t) => t.rule === o.rule && t.severity === sev);
    for (const t of hit) explained.add(t);
    if (!hit.length) {
      const seen = there.length ? there.map((t) => `${t.rule}/${t.severity} (expected ${t.expected}, actual ${t.actual}, tol ${t.tolerance})`).join('; ') : 'nothing';
      missing.push(`${describe(o)} → ${refA1(m)} wanted ${o.rule}/${sev}, got ${seen}`);
      continue;
    }
    const scale = v.scaleAt({ sheet: o.sheet, ...parseA1(o.cell) });
    if (!hit.some((t) => sameFigure(o.expected, t.expected, scale) && sameFigure(o.actual, t.actual, scale))) {
      valueChanges.push(
        `${describe(o)} → ${refA1(m)}: wanted expected ${o.expected}×${scale.toString()}, actual ${o.actual}×${scale.toString()}; got ${hit
          .map((t) => `expected ${t.expected}, actual ${t.actual}`)
          .join(' | ')}`,
      );
    }
  }
  const newErrors = trans.findings
    .filter((t) => t.severity === 'error' && !explained.has(t))
    .map((t) => `${describe(t)}: ${t.message.slice(0, 140)}`);
  return { missing, newErrors, valueChanges };
}
