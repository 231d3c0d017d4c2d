// How a finding looks in the workbook: fill colour by severity and the Chinese note text.
import type { Finding, Severity } from '../engine/report';

/** Light tints, so the cell's numbers stay readable. */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: '#FFC7CE',
  rounding: '#FFE0B2',
  warning: '#FFF2CC',
  info: '#DDEBF7',
};

export const SEVERITY_LABEL: Record<Severity, string> = {
  error: '错误',
  rounding: '尾差',
  warning: '警告',
  info: '提示',
};

/** 0 = most severe. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, rounding: 1, warning: 2, info: 3 };

/** Starts every note, comment or reply the add-in writes; how it recognizes its own text. */
export const MARK_PREFIX = '【预算核对】';
/** Separates a user's own note from the text appended to it. */
export const NOTE_SEPARATOR = '\n\n';
/** Comments are capped by Excel; keep notes short enough to read in a tooltip too. */
const MAX_TEXT = 1800;

export function worstSeverity(findings: Finding[]): Severity {
  return findings.reduce<Severity>((w, f) => (SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w), 'info');
}

function describe(f: Finding): string {
  const lines = [`${SEVERITY_LABEL[f.severity]}（${f.rule}）${f.message}`];
  const cmp = [f.expected && `应为 ${f.expected}`, f.actual && `实为 ${f.actual}`, f.difference && `差额 ${f.difference}`, f.tolerance && `容差 ${f.tolerance}`]
    .filter(Boolean)
    .join('，');
  if (cmp) lines.push(cmp);
  if (f.related.length) lines.push(`比对：${f.related.join('、')}`);
  return lines.join('\n');
}

/** One text for all findings on a cell. */
export function markText(findings: Finding[]): string {
  const text = MARK_PREFIX + findings.map(describe).join('\n');
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT - 1) + '…' : text;
}

/** A note with the add-in's text removed: the user's part, or null if nothing of theirs is left. */
export function stripMark(content: string): string | null {
  if (content.startsWith(MARK_PREFIX)) return null;
  const at = content.indexOf(NOTE_SEPARATOR + MARK_PREFIX);
  return at >= 0 ? content.slice(0, at) : content;
}
