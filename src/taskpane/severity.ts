// Severity order and colours shared by the pane's components.
import type { Severity } from '../engine/report';

export const SEVERITIES: readonly Severity[] = ['error', 'rounding', 'warning', 'info'];

export type BadgeColor = 'danger' | 'warning' | 'important' | 'informative';

export const SEVERITY_BADGE: Record<Severity, BadgeColor> = {
  error: 'danger',
  rounding: 'warning',
  warning: 'important',
  info: 'informative',
};

export type SeverityFilter = Record<Severity, boolean>;

export const ALL_SEVERITIES_ON: SeverityFilter = { error: true, rounding: true, warning: true, info: true };

export function countBySeverity(items: readonly { severity: Severity }[]): Record<Severity, number> {
  const n: Record<Severity, number> = { error: 0, rounding: 0, warning: 0, info: 0 };
  for (const f of items) n[f.severity] += 1;
  return n;
}

/** Key of a table in the type-override map: `sheet!range`, as CheckOptions.typeOverrides expects. */
export function tableKey(t: { sheet: string; range: string }): string {
  return `${t.sheet}!${t.range}`;
}
