// Checks the 说明 statements against the table figures (FigureIndex) and recomputes their
// 占/增减/完成 percentages. Only a confident match can make an error; anything else is info.
import { sheetRef } from '../address';
import { Dec, fmt } from '../amount';
import type { SheetSnapshot } from '../grid';
import type { Finding, Severity } from '../report';
import { key } from '../text';
import { UNIT_SCALE } from '../rounding';
import type { Figure, FigureIndex } from '../workbook/figures';
import { flatMap } from '../collections';
import {
  extractStatements,
  type AmountStatement,
  type ChangeStatement,
  type RateStatement,
  type ShareStatement,
  type Stated,
  type StatedAmount,
  type Statement,
} from './extract';

export interface NarrativeStats {
  /** Amount and percent statements read from prose. */
  found: number;
  /** Those that name a table figure (or a percentage of named figures). */
  namingFigure: number;
  /** Of those, the ones whose figures the text itself supplies completely. */
  extracted: number;
  /** Of the figure-naming ones, amounts matched with confidence and percentages recomputed. */
  checked: number;
  /** Figure-naming amounts whose name the index does not know (no such table in the workbook). */
  absent: number;
}

export interface NarrativeResult {
  findings: Finding[];
  stats: NarrativeStats;
  statements: Statement[];
}

const HUNDRED = new Dec(100);
const HALF = new Dec('0.5');

/** Half a unit of the last shown digit. */
function halfUnit(decimals: number): Dec {
  return HALF.times(new Dec(10).pow(-decimals));
}

/** Display form of a canonical name (the index keys drop brackets and quotes); quoted inside “…”. */
const DISPLAY: Record<string, string> = {
  三公经费: '‘三公’经费',
  因公出国境费: '因公出国（境）费',
};

function label(name: string | null): string {
  return name === null ? '' : DISPLAY[name] ?? name;
}

function said(s: { subject: string | null }, value: Stated, unit: string): string {
  return `说明中“${label(s.subject)} ${value.text} ${unit}”`;
}

/** A value in a unit, with the precision it is shown at (in that unit). */
interface Value {
  value: Dec;
  /** Half a unit of the shown precision: how far rounding may have moved it. */
  slack: Dec;
  /** The table cell it comes from, when it is a matched figure. */
  ref?: string;
}

function scale(unit: string): Dec {
  return new Dec(UNIT_SCALE[unit] ?? NaN);
}

function inUnit(f: Figure, unit: string): Value {
  const k = scale(f.unit).div(scale(unit));
  return { value: f.value.times(k), slack: halfUnit(f.decimals).times(k), ref: sheetRef(f.sheet, f.cell) };
}

function stated(a: StatedAmount): Value {
  return { value: a.value, slack: halfUnit(a.decimals) };
}

type MatchResult =
  | { kind: 'match'; figures: Figure[] }
  | { kind: 'none' }
  | { kind: 'ambiguous'; figures: Figure[] }
  | { kind: 'alias'; figures: Figure[] };

/**
 * Figures of the first name the index knows, of the year. Confident only for figures of
 * exactly that name that all agree; a figure found through an alias is no ground for an error.
 */
function match(index: FigureIndex, names: string[], year: number | null, unit: string): MatchResult {
  let alias: Figure[] = [];
  for (const name of names) {
    const found = index.find(name).filter((f) => f.year === null || year === null || f.year === year);
    const figures = found.filter((f) => f.name === key(name));
    if (figures.length === 0) {
      if (alias.length === 0) alias = found;
      continue;
    }
    // A table without a unit line cannot be converted: its figure proves nothing.
    if (figures.some((f) => !(f.unit in UNIT_SCALE))) return { kind: 'ambiguous', figures };
    const first = inUnit(figures[0], unit);
    const agree = figures.every((f) => {
      const v = inUnit(f, unit);
      return v.value.minus(first.value).abs().lessThanOrEqualTo(v.slack.plus(first.slack));
    });
    return agree ? { kind: 'match', figures } : { kind: 'ambiguous', figures };
  }
  return alias.length ? { kind: 'alias', figures: alias } : { kind: 'none' };
}

function finding(
  rule: string,
  severity: Severity,
  s: Statement,
  expected: Dec,
  actual: Dec,
  decimals: number,
  tol: Dec,
  message: string,
  related: string[],
): Finding {
  return {
    rule,
    severity,
    table: 'narrative',
    sheet: s.source.sheet,
    cell: s.source.cell,
    expected: fmt(expected, decimals),
    actual: fmt(actual, decimals),
    difference: fmt(actual.minus(expected), decimals),
    tolerance: fmt(tol, decimals + 1),
    message,
    related,
  };
}

/** Fund-source figures that a text may give with or without the 上年结转 of that source. */
const FUND_SOURCES = new Set(['一般公共预算收入', '政府性基金预算收入', '国有资本经营预算收入', '财政拨款收入', '一般公共预算支出']);

interface Checker {
  index: FigureIndex;
  /** Text cells that state a non-zero 上年结转. */
  carryOver: Set<string>;
  matched: Map<AmountStatement, Value>;
  findings: Finding[];
  checked: Set<Statement>;
  absent: Set<Statement>;
}

function checkAmount(ck: Checker, s: AmountStatement): void {
  if (s.subject === null) return;
  const unit = s.amount.unit;
  // A 年初预算 figure set against a 决算 one stands in the tables' 预算数 column, if anywhere.
  const m = match(ck.index, s.basis === 'budget' ? s.names.map((n) => `${n}预算数`) : s.names, s.year, unit);
  const text = said(s, s.amount, unit);
  if (m.kind !== 'match') {
    if (m.kind === 'none') ck.absent.add(s);
    if (s.basis === 'budget') return; // 年初预算 figures rarely stand in a 决算 table
    const shown = (f: Figure): string => (f.unit in UNIT_SCALE ? `${fmt(inUnit(f, unit).value, s.amount.decimals)} ${unit}` : `${fmt(f.value, f.decimals)}（单位不明）`);
    const list = m.kind === 'none' ? '' : m.figures.map((f) => `${sheetRef(f.sheet, f.cell)} ${shown(f)}`).join('、');
    const why =
      m.kind === 'none'
        ? '表格中未找到同名数字'
        : m.kind === 'alias'
          ? `只有近似名称的数字：${list}`
          : m.figures.some((f) => !(f.unit in UNIT_SCALE))
            ? `表格单位不明：${list}`
            : `同名数字不一致：${list}`;
    ck.findings.push(finding('narrative.amount', 'info', s, s.amount.value, s.amount.value, s.amount.decimals, new Dec(0),
      `${text}未能确定对应的表格数字（${why}），未核对`, m.kind === 'none' ? [] : m.figures.map((f) => sheetRef(f.sheet, f.cell))));
    return;
  }
  const fig = m.figures[0];
  const v = inUnit(fig, unit);
  ck.matched.set(s, v);
  ck.checked.add(s);
  // Enough decimals to show the figure in the text's unit (7808450 元 → 780.845 万元).
  const d = Math.max(s.amount.decimals, Math.min(v.value.decimalPlaces(), s.amount.decimals + 3));
  if (v.value.toDecimalPlaces(s.amount.decimals).equals(s.amount.value)) return;
  const diff = s.amount.value.minus(v.value);
  const tol = halfUnit(s.amount.decimals).plus(v.slack);
  const where = `「${fig.sheet}」${fig.cell}`;
  const related = m.figures.map((f) => sheetRef(f.sheet, f.cell));
  if (diff.abs().lessThanOrEqualTo(tol)) {
    ck.findings.push(finding('narrative.amount', 'rounding', s, v.value, s.amount.value, d, tol,
      `${text}与${where} 的 ${fmt(v.value, d)} ${unit}相差 ${fmt(diff.abs(), d)} ${unit}，在四舍五入尾差内`, related));
    return;
  }
  if (FUND_SOURCES.has(s.subject) && ck.carryOver.has(`${s.source.sheet}!${s.source.cell}`)) {
    ck.findings.push(finding('narrative.amount', 'info', s, v.value, s.amount.value, d, tol,
      `${text}与${where} 的 ${fmt(v.value, d)} ${unit}不同，同段说明含上年结转，可能口径不同（含或不含上年结转），未判定为错误`, related));
    return;
  }
  ck.findings.push(finding('narrative.amount', 'error', s, v.value, s.amount.value, d, tol,
    `${text}与${where} 的 ${fmt(v.value, d)} ${unit}不一致，相差 ${fmt(diff.abs(), d)} ${unit}`, related));
}

/** The matched table figure when there is one, else the amount as the text states it. */
function valueOf(ck: Checker, a: AmountStatement, unit: string): Value {
  const v = ck.matched.get(a) ?? stated(a.amount);
  const k = scale(a.amount.unit).div(scale(unit));
  return { value: v.value.times(k), slack: v.slack.times(k), ref: v.ref };
}

function lookup(ck: Checker, name: string, year: number | null, unit: string): Value | null {
  const m = match(ck.index, [name], year, unit);
  return m.kind === 'match' ? inUnit(m.figures[0], unit) : null;
}

/**
 * Compares a stated percent with part ÷ whole × 100. Tolerance: half a unit of the shown
 * percent plus what the rounding of part and whole can move the ratio.
 */
function ratio(part: Value, whole: Value, shown: Stated): { computed: Dec; tol: Dec } | null {
  if (whole.value.isZero()) return null;
  const w = whole.value.abs();
  const drift = part.slack.div(w).plus(part.value.abs().times(whole.slack).div(w.pow(2))).times(HUNDRED);
  return { computed: part.value.div(whole.value).times(HUNDRED), tol: halfUnit(shown.decimals).plus(drift) };
}

function refs(...vs: (Value | null)[]): string[] {
  return flatMap(vs, (v) => (v?.ref ? [v.ref] : []));
}

/** Shares of one base in one sentence that add up to exactly 100%: the writer balanced the last one. */
function balanced(shares: ShareStatement[], s: ShareStatement): boolean {
  const group = shares.filter((x) => x.source.sentence === s.source.sentence && x.whole === s.whole && x.wholeName === s.wholeName);
  if (group.length < 2) return false;
  return group.reduce((t, x) => t.plus(x.share.value), new Dec(0)).equals(HUNDRED);
}

function checkShare(ck: Checker, s: ShareStatement, shares: ShareStatement[]): void {
  if (!s.part) return;
  const unit = s.part.amount.unit;
  const part = valueOf(ck, s.part, unit);
  const whole = s.whole ? valueOf(ck, s.whole, unit) : s.wholeName ? lookup(ck, s.wholeName, s.year, unit) : null;
  if (!whole) return;
  if (whole.value.isZero()) {
    if (part.value.isZero() && s.share.value.isZero()) ck.checked.add(s);
    return;
  }
  const r = ratio(part, whole, s.share);
  if (!r) return;
  ck.checked.add(s);
  const diff = s.share.value.minus(r.computed);
  if (diff.abs().lessThanOrEqualTo(r.tol)) return;
  const d = s.share.decimals;
  const base = s.whole?.subject ?? s.wholeName ?? '合计';
  const what = `说明中“${label(s.part.subject) || s.part.source.clause} 占 ${s.share.text}%”`;
  const computed = `${fmt(part.value, 2)} ÷ ${fmt(whole.value, 2)}（${label(base)}）= ${fmt(r.computed, d + 2)}%`;
  const oneMore = r.tol.plus(new Dec(10).pow(-d));
  if (diff.abs().lessThanOrEqualTo(oneMore) && balanced(shares, s)) {
    ck.findings.push(finding('narrative.share', 'rounding', s, r.computed, s.share.value, d, r.tol,
      `${what}与重算 ${computed} 相差一个末位，各项占比合计 100%，属凑整尾差`, refs(part, whole)));
    return;
  }
  ck.findings.push(finding('narrative.share', 'error', s, r.computed, s.share.value, d, r.tol,
    `${what}与重算 ${computed} 不一致，应为 ${fmt(r.computed, d)}%`, refs(part, whole)));
}

function checkChange(ck: Checker, s: ChangeStatement): void {
  if (!s.change || !s.percent || !s.current) return;
  const unit = s.change.unit;
  const change = stated(s.change);
  const current = valueOf(ck, s.current, unit);
  if (change.value.isZero() && s.percent.value.isZero()) {
    ck.checked.add(s);
    return;
  }
  // The earlier year's amount: current − change for an increase, current + change for a decrease.
  const previous: Value = {
    value: current.value.minus(change.value.times(s.direction)),
    slack: current.slack.plus(change.slack),
    ref: current.ref,
  };
  if (previous.value.lessThanOrEqualTo(0)) return;
  const r = ratio(change, previous, s.percent);
  if (!r) return;
  ck.checked.add(s);
  const diff = s.percent.value.minus(r.computed);
  if (diff.abs().lessThanOrEqualTo(r.tol)) return;
  const d = s.percent.decimals;
  const verb = s.direction > 0 ? '增长' : '下降';
  const year = s.baseYear === null ? '上年' : `${s.baseYear}年`;
  // Recomputed from the text's own current amount (no table figure matched), a mismatch may
  // come from that amount rather than the percentage: worth a look, not an accusation.
  ck.findings.push(finding('narrative.change', current.ref ? 'error' : 'warning', s, r.computed, s.percent.value, d, r.tol,
    `说明中“${label(s.subject)}比${year}${s.direction > 0 ? '增加' : '减少'} ${s.change.text} ${unit}，${verb} ${s.percent.text}%”与重算不符：` +
      `${s.change.text} ÷ ${fmt(previous.value, 2)}（${year}数 = 本年 ${fmt(current.value, 2)} ${s.direction > 0 ? '−' : '+'} ${s.change.text}` +
      `${current.ref ? '' : '，本年数取自说明文字'}）= ${fmt(r.computed, d + 2)}%，应为 ${fmt(r.computed, d)}%`,
    refs(current)));
}

function checkRate(ck: Checker, s: RateStatement): void {
  if (!s.actual) return;
  const unit = s.actual.amount.unit;
  const actual = valueOf(ck, s.actual, unit);
  const planned = s.planned
    ? valueOf(ck, s.planned, unit)
    : s.actual.subject
      ? lookup(ck, `${s.actual.subject}预算数`, s.year, unit)
      : null;
  if (!planned) return;
  if (planned.value.isZero()) {
    if (actual.value.isZero() && s.rate.value.isZero()) ck.checked.add(s);
    return;
  }
  const r = ratio(actual, planned, s.rate);
  if (!r) return;
  ck.checked.add(s);
  const diff = s.rate.value.minus(r.computed);
  if (diff.abs().lessThanOrEqualTo(r.tol)) return;
  const d = s.rate.decimals;
  ck.findings.push(finding('narrative.rate', 'error', s, r.computed, s.rate.value, d, r.tol,
    `说明中“${label(s.subject)}完成预算的 ${s.rate.text}%”与重算不符：决算 ${fmt(actual.value, 2)} ÷ 预算 ${fmt(planned.value, 2)} = ${fmt(r.computed, d + 2)}%，应为 ${fmt(r.computed, d)}%`,
    refs(actual, planned)));
}

/** Whether a statement names a table figure (the coverage denominator). */
export function namesFigure(s: Statement): boolean {
  switch (s.kind) {
    case 'amount':
      return s.subject !== null;
    case 'share':
      return s.part !== null && (s.part.subject !== null || s.wholeName !== null);
    case 'change':
      return s.subject !== null && s.change !== null && s.percent !== null;
    case 'rate':
      return s.subject !== null;
    case 'other':
      return false;
  }
}

/** Whether the text itself supplies everything the check needs. */
function complete(s: Statement): boolean {
  switch (s.kind) {
    case 'amount':
      return s.subject !== null;
    case 'share':
      return s.part !== null && (s.whole !== null || s.wholeName !== null);
    case 'change':
      return s.change !== null && s.percent !== null && s.current !== null;
    case 'rate':
      return s.actual !== null && s.planned !== null;
    case 'other':
      return false;
  }
}

/** Extraction counts alone (no index): found / naming a figure / complete in the text. */
export function extractionStats(statements: Statement[]): Omit<NarrativeStats, 'checked' | 'absent'> {
  const naming = statements.filter(namesFigure);
  return { found: statements.length, namingFigure: naming.length, extracted: naming.filter(complete).length };
}

/** The statements of every published sheet's prose (a hidden sheet is nobody's statement). */
export function readStatements(sheets: SheetSnapshot[]): Statement[] {
  return flatMap(sheets.filter((s) => !s.hidden), (s) => extractStatements(s));
}

/** Reads the prose of every sheet and checks it; returns findings, statements and coverage counts. */
export function analyzeNarrative(sheets: SheetSnapshot[], index: FigureIndex): NarrativeResult {
  return checkStatements(readStatements(sheets), index);
}

/** Checks statements against the tables' figures. */
export function checkStatements(statements: Statement[], index: FigureIndex): NarrativeResult {
  const carryOver = new Set(
    statements
      .filter((s) => s.kind === 'amount' && s.subject === '上年结转' && !s.amount.value.isZero())
      .map((s) => `${s.source.sheet}!${s.source.cell}`),
  );
  const ck: Checker = { index, carryOver, matched: new Map(), findings: [], checked: new Set(), absent: new Set() };
  // Amounts first: the percentages use the matched table figures where there are some.
  for (const s of statements) if (s.kind === 'amount') checkAmount(ck, s);
  const shares = statements.filter((s): s is ShareStatement => s.kind === 'share');
  for (const s of statements) {
    if (s.kind === 'share') checkShare(ck, s, shares);
    else if (s.kind === 'change') checkChange(ck, s);
    else if (s.kind === 'rate') checkRate(ck, s);
  }
  const counted = (set: Set<Statement>): number => statements.filter((s) => namesFigure(s) && set.has(s)).length;
  return {
    findings: ck.findings,
    stats: { ...extractionStats(statements), checked: counted(ck.checked), absent: counted(ck.absent) },
    statements,
  };
}

/** The closing note's line on the 说明 text: matched / found. */
export function narrativeNote(stats: NarrativeStats): string {
  if (stats.found === 0) return '说明文字：未读到金额或百分比。';
  const absent = stats.absent ? `（其中 ${stats.absent} 处在本工作簿中无对应表格）` : '';
  return `说明文字：读到金额和百分比 ${stats.found} 处，其中 ${stats.namingFigure} 处对应表格数字${absent}，已核对 ${stats.checked} 处。`;
}

export function checkNarrative(sheets: SheetSnapshot[], index: FigureIndex): Finding[] {
  return analyzeNarrative(sheets, index).findings;
}

export function narrativeStats(sheets: SheetSnapshot[], index: FigureIndex): NarrativeStats {
  return analyzeNarrative(sheets, index).stats;
}
