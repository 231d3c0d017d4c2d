// Checking phase: runs the checks each table's type calls for.
import { checkColumnFormulas, checkRowFormulas } from './checks/formulas';
import { checkColumns } from './checks/columns';
import { checkHierarchy } from './checks/hierarchy';
import { checkBalance, checkRows } from './checks/rows';
import { checkThreePublic } from './checks/three-public';
import { checkPerformance } from './checks/performance';
import { checkCodes } from './checks/codes';
import { measureGroups } from './checks/values';
import type { Finding } from './report';
import { specOf } from './specs';
import type { Table } from './table';

function isCoded(segRows: { code: string | null; kind: string }[]): boolean {
  return segRows.some((r) => r.code !== null && r.kind === 'item');
}

export function checkTable(table: Table): Finding[] {
  const spec = specOf(table.type);
  const findings: Finding[] = [];
  const shape = spec?.shape;
  if (shape === 'text') {
    // 绩效 tables: their own amounts and ratios, plus header-driven column sums (资金总额 = Σ sources).
    findings.push(...checkPerformance(table));
    for (const seg of table.layout.segments) findings.push(...checkColumns(table, seg));
    return findings;
  }
  if (shape === 'three_public') return checkThreePublic(table);
  const segments = table.layout.segments;
  for (const group of measureGroups(segments)) {
    if (group.some((s) => isCoded(s.rows))) findings.push(...checkHierarchy(table, group));
  }
  for (const seg of segments) {
    if (!isCoded(seg.rows)) findings.push(...checkRows(table, seg));
    findings.push(...checkColumns(table, seg));
  }
  if (shape === 'halves') findings.push(...checkBalance(table, segments));
  findings.push(...checkCodes(table));
  if (spec?.rowFormulas) findings.push(...checkRowFormulas(table, spec.rowFormulas));
  if (spec?.columnFormulas) findings.push(...checkColumnFormulas(table, spec.columnFormulas));
  // An unrecognized region is checked by its structure alone: report, never accuse.
  if (!spec) for (const f of findings) if (f.severity === 'error') f.severity = 'warning';
  return findings;
}
