// Validates a report against the contract in shared/docs/REPORT-FORMAT.md. Returns the
// list of violations (empty = valid) so a failing test can print all of them at once.
import type { Report } from '../../src/engine/report';

export const SEVERITIES = ['error', 'rounding', 'warning', 'info'] as const;

export const TABLE_TYPES = [
  'budget.summary', 'budget.revenue', 'budget.expenditure', 'budget.fiscal_summary',
  'budget.general_expenditure', 'budget.basic_expenditure', 'budget.economic_summary',
  'budget.three_public', 'budget.gov_fund', 'budget.state_capital', 'budget.project',
  'budget.procurement', 'budget.purchase_service', 'budget.operating_cost',
  'budget.performance_dept', 'budget.performance_project',
  'final.summary', 'final.revenue', 'final.expenditure', 'final.fiscal_summary',
  'final.general_expenditure', 'final.basic_expenditure', 'final.gov_fund',
  'final.state_capital', 'final.three_public', 'final.performance_self_eval', 'unknown',
] as const;

/** Excel's limits: columns A..XFD (16384), rows 1..1048576. */
const MAX_COL = 16384;
const MAX_ROW = 1048576;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A single cell in A1 notation (no sheet, no $), inside Excel's grid. */
export function isA1Cell(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = /^([A-Z]{1,3})([1-9]\d*)$/.exec(s);
  if (!m) return false;
  return colNumber(m[1]) <= MAX_COL && Number(m[2]) <= MAX_ROW;
}

/** "A1:D42" (top-left first) or a single cell. */
export function isA1Range(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const parts = s.split(':');
  if (parts.length === 1) return isA1Cell(parts[0]);
  if (parts.length !== 2 || !isA1Cell(parts[0]) || !isA1Cell(parts[1])) return false;
  const [a, b] = parts.map((p) => /^([A-Z]+)(\d+)$/.exec(p)!);
  return colNumber(a[1]) <= colNumber(b[1]) && Number(a[2]) <= Number(b[2]);
}

/** `Sheet!A1:B2` or `'Sheet name'!A1`. */
export function isSheetRange(s: unknown): boolean {
  if (typeof s !== 'string') return false;
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(s);
  return m !== null && isA1Range(m[3]);
}

/** A plain decimal string: optional minus, digits, optional fraction. No exponent, no NaN. */
export function isDecimalString(s: unknown): boolean {
  return typeof s === 'string' && /^-?\d+(\.\d+)?$/.test(s);
}

export function reportViolations(report: unknown): string[] {
  const out: string[] = [];
  if (typeof report !== 'object' || report === null) return ['report is not an object'];
  const r = report as Partial<Report> & Record<string, unknown>;
  if (r.schema !== 'budget-check/report@1') out.push(`schema is ${JSON.stringify(r.schema)}`);
  if (typeof r.file !== 'string') out.push('file is not a string');
  if (!Array.isArray(r.tables)) out.push('tables is not an array');
  if (!Array.isArray(r.findings)) out.push('findings is not an array');
  const ids = new Set<string>();
  (Array.isArray(r.tables) ? r.tables : []).forEach((t, i) => {
    const at = `tables[${i}]`;
    if (typeof t.id !== 'string' || t.id === '') out.push(`${at}.id missing`);
    else if (ids.has(t.id)) out.push(`${at}.id ${t.id} duplicated`);
    else ids.add(t.id);
    if (typeof t.sheet !== 'string') out.push(`${at}.sheet not a string`);
    if (!isA1Range(t.range)) out.push(`${at}.range ${JSON.stringify(t.range)} is not A1`);
    if (!(TABLE_TYPES as readonly string[]).includes(t.type)) out.push(`${at}.type ${JSON.stringify(t.type)} not in the enum`);
    if (typeof t.title !== 'string') out.push(`${at}.title not a string`);
    if (typeof t.unit !== 'string') out.push(`${at}.unit not a string`);
    if (typeof t.confidence !== 'number' || !(t.confidence >= 0 && t.confidence <= 1)) out.push(`${at}.confidence ${t.confidence} not in [0,1]`);
  });
  (Array.isArray(r.findings) ? r.findings : []).forEach((f, i) => {
    const at = `findings[${i}]`;
    if (typeof f.rule !== 'string' || !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(f.rule)) out.push(`${at}.rule ${JSON.stringify(f.rule)} is not a dotted id`);
    if (!(SEVERITIES as readonly string[]).includes(f.severity)) out.push(`${at}.severity ${JSON.stringify(f.severity)} not in the enum`);
    if (typeof f.table !== 'string' || !ids.has(f.table)) out.push(`${at}.table ${JSON.stringify(f.table)} is not a reported table id`);
    if (typeof f.sheet !== 'string') out.push(`${at}.sheet not a string`);
    if (!isA1Cell(f.cell)) out.push(`${at}.cell ${JSON.stringify(f.cell)} is not a single A1 cell`);
    for (const k of ['expected', 'actual', 'difference', 'tolerance'] as const) {
      if (!isDecimalString(f[k])) out.push(`${at}.${k} ${JSON.stringify(f[k])} is not a decimal string`);
    }
    if (typeof f.message !== 'string' || f.message === '') out.push(`${at}.message empty`);
    if (!Array.isArray(f.related) || f.related.some((x) => !isSheetRange(x))) out.push(`${at}.related ${JSON.stringify(f.related)} not Sheet!A1 ranges`);
  });
  return out;
}
