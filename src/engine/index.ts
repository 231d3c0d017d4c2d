// The engine's composition root: snapshot → tables (recognize, then check each at once) →
// cross-table and 说明 findings → report. Pure TypeScript, no Office, no DOM.
import { Dec } from './amount';
import { checkTable } from './check';
import type { WorkbookSnapshot } from './grid';
import { forEachTable, regionRange } from './recognize';
import { REPORT_SCHEMA, type Finding, type Report, type TableType } from './report';
import type { TableHead } from './table';
import { checkCrossTables, mayBePicked } from './workbook/cross-check';
import { readFigures, type TableFigure } from './workbook/table-figures';
import { buildFigureIndex } from './workbook/figure-index';
import { checkEmptyTable, proseOf } from './workbook/empty-tables';
import { checkStatements, readStatements, type NarrativeStats } from './narrative/index';
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

export function tableReports(tables: TableHead[]): Report['tables'] {
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

/** What a table leaves behind once checked: its layout is no longer needed. */
interface Checked {
  findings: Finding[];
  empty: Finding | null;
  figures: TableFigure[];
  /** Whether the table has figures at all (some may have been left out as nothing picks them). */
  offered: boolean;
}

export function checkWorkbookTimed(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const t0 = performance.now();
  // The 说明 text first: without statements, only figures a cross-table relation picks are read.
  const statements = readStatements(workbook.sheets);
  const t1 = performance.now();
  // Each table is checked as soon as it is recognized, so its rows are garbage early.
  const checked: Checked[] = [];
  let prose: string[] | null = null;
  const proseText = (): string[] => (prose ??= proseOf(workbook.sheets));
  let checkMs = 0;
  const recognizing = { fixedTolerance: fixedTolerance(options.tolerance), typeOverrides: options.typeOverrides ?? {} };
  const tables = forEachTable(workbook, recognizing, (table, i) => {
    const s = performance.now();
    const { figures, offered } = readFigures(table, statements.length > 0 ? undefined : mayBePicked);
    checked[i] = { findings: checkTable(table), empty: checkEmptyTable(table, proseText), figures, offered };
    checkMs += performance.now() - s;
  });
  const t2 = performance.now();
  const figures = flatMap(checked, (c) => c.figures);
  const withFigures = tables.filter((_, i) => checked[i].offered);
  const own = [...flatMap(checked, (c) => c.findings), ...checkCrossTables(figures, withFigures), ...flatMap(checked, (c) => (c.empty ? [c.empty] : []))];
  const t3 = performance.now();
  const narrative = checkStatements(statements, buildFigureIndex(figures));
  const findings = dedupe([...own, ...narrative.findings]);
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const t4 = performance.now();
  return {
    report: { schema: REPORT_SCHEMA, file: workbook.file, tables: tableReports(tables), findings },
    timings: { recognizeMs: t2 - t1 - checkMs, checkMs: checkMs + (t3 - t2), narrativeMs: t1 - t0 + (t4 - t3) },
    narrative: narrative.stats,
  };
}

export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): Report {
  return checkWorkbookTimed(workbook, options).report;
}

export type { WorkbookSnapshot, SheetSnapshot, CellValue, CellRange } from './grid';
export type { Report, Finding, TableReport, TableType, Severity, Fill } from './report';
export type { NarrativeStats } from './narrative/index';
