// What the task pane needs from a workbook host. The Excel adapter implements it over
// Office.js; tests and the playground implement it over the fake Excel host.
import type { WorkbookSnapshot } from '../engine/grid';
import type { Finding, Report, TableType } from '../engine/report';

/** How marks are attached to cells, best first: note (ExcelApi 1.18) → comment (1.10) → fill only. */
export type NoteKind = 'note' | 'comment' | 'none';

export interface HostCapabilities {
  /** Highest ExcelApi 1.x minor version supported (e.g. 14 for LTSC 2021). */
  excelApiMinor: number;
  noteKind: NoteKind;
  mergedAreas: boolean;
  customXmlParts: boolean;
}

export interface ReadProgress {
  sheetsDone: number;
  sheetsTotal: number;
}

export interface MarkResult {
  marked: number;
  noteKind: NoteKind;
  roundTrips: number;
}

export interface WorkbookHost {
  capabilities(): Promise<HostCapabilities>;
  readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot>;
  /** Removes earlier marks, then marks every finding's cell (fill + note/comment). */
  applyMarks(findings: Finding[]): Promise<MarkResult>;
  /** Restores every marked cell's original fill and note/comment exactly. */
  clearMarks(): Promise<number>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Writes a findings sheet with hyperlinks to the cells; returns its name. */
  exportFindings(report: Report): Promise<string>;
  /** User corrections of recognized table types, remembered in the workbook. */
  loadTypeOverrides(): Promise<Record<string, TableType>>;
  saveTypeOverrides(overrides: Record<string, TableType>): Promise<void>;
}

/** A failure the pane shows to the user as is (Chinese text). */
export class HostError extends Error {
  override name = 'HostError';
  /** `cause` keeps the underlying Office.js error (with its `code`) for logs. */
  constructor(message: string, readonly sheet?: string, readonly cause?: unknown) {
    super(message);
  }
}
