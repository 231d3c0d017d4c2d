// The engine's composition root: snapshot → tables (recognize) → findings (check) → report.
// Pure TypeScript, no Office, no DOM.
import { Dec } from './amount';
import { checkTable } from './check';
import type { WorkbookSnapshot } from './grid';
import { recognize, regionRange } from './recognize';
import { REPORT_SCHEMA, type Finding, type Report, type TableType } from './report';
import type { Table } from './table';
import { checkCrossTables } from './workbook/cross-check';
import { tableFigures } from './workbook/table-figures';
import { buildFigureIndex } from './workbook/figure-index';
import { checkEmptyTables } from './workbook/empty-tables';
import { analyzeNarrative, type NarrativeStats } from './narrative/index';
import { flatMap } from './collections';

export interface CheckOptions {
  /** 'auto' (default) derives the rounding tolerance per relation (DOMAIN §5); a number string fixes it. */
  tolerance?: 'auto' | string;
  /** User corrections of a recognized type, keyed by `sheet!range` of the table. */
  typeOverrides?: Record<string, TableType>;
}

export interface Timings {
  recognizeMs: number;
  checkMs: number;
  narrativeMs: number;
}

export class OptionError extends Error {
  override name = 'OptionError';
}

function fixedTolerance(option: string | undefined): Dec | null {
  if (option === undefined || option === 'auto') return null;
  if (!/^\d+(\.\d+)?$/.test(option.trim())) throw new OptionError(`容差应为 auto 或非负数字，收到：${option}`);
  return new Dec(option.trim());
}

const SEVERITY_ORDER = { error: 0, rounding: 1, warning: 2, info: 3 } as const;

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    // One paragraph cell holds many statements: they differ by message.
    const k = `${f.sheet}!${f.cell}|${f.rule}|${f.expected}${f.table === 'narrative' ? `|${f.message}` : ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function tableReports(tables: Table[]): Report['tables'] {
  return tables.map((t) => ({
    id: t.id,
    sheet: t.view.name,
    range: regionRange(t.region),
    type: t.type,
    title: t.region.title,
    unit: t.unit,
    confidence: t.confidence,
  }));
}

export interface CheckResult {
  report: Report;
  timings: Timings;
  narrative: NarrativeStats;
}

export function checkWorkbookTimed(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const t0 = performance.now();
  const tables = recognize(workbook, { fixedTolerance: fixedTolerance(options.tolerance), typeOverrides: options.typeOverrides ?? {} });
  const t1 = performance.now();
  const figures = flatMap(tables, tableFigures);
  const own = [...flatMap(tables, checkTable), ...checkCrossTables(figures), ...checkEmptyTables(tables, workbook.sheets)];
  const t2 = performance.now();
  // Prose lives outside tables; table sheets hold none worth reading past their footnotes.
  const narrative = analyzeNarrative(workbook.sheets, buildFigureIndex(figures, tables));
  const findings = dedupe([...own, ...narrative.findings]);
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const t3 = performance.now();
  return {
    report: { schema: REPORT_SCHEMA, file: workbook.file, tables: tableReports(tables), findings },
    timings: { recognizeMs: t1 - t0, checkMs: t2 - t1, narrativeMs: t3 - t2 },
    narrative: narrative.stats,
  };
}

export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): Report {
  return checkWorkbookTimed(workbook, options).report;
}

export type { WorkbookSnapshot, SheetSnapshot, CellValue, CellRange } from './grid';
export type { Report, Finding, TableReport, TableType, Severity, Fill } from './report';
export type { NarrativeStats } from './narrative/index';
