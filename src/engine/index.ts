// The engine's composition root: snapshot → tables → findings. Pure TypeScript, no Office, no DOM.
import type { WorkbookSnapshot } from './grid';
import { REPORT_SCHEMA, type Report, type TableType } from './report';

export interface CheckOptions {
  /** 'auto' (default) derives the rounding tolerance per relation (DOMAIN §5); a number string fixes it. */
  tolerance?: 'auto' | string;
  /** User corrections of a recognized type, keyed by `sheet!range` of the table. */
  typeOverrides?: Record<string, TableType>;
}

export function checkWorkbook(workbook: WorkbookSnapshot, _options: CheckOptions = {}): Report {
  // Provisional: replaced by the real pipeline.
  return { schema: REPORT_SCHEMA, file: workbook.file, tables: [], findings: [] };
}

export type { WorkbookSnapshot, SheetSnapshot, CellValue, CellRange } from './grid';
export type { Report, Finding, TableReport, TableType, Severity, Fill } from './report';
