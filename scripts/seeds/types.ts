// Declarative layout of one seed document: which text lines make which table, and
// how the PDF extraction has to be repaired. The builder (scripts/build-fixtures.ts)
// is generic; everything document-specific lives in the per-seed modules.
import type { TableType } from '../../src/engine/report';

/** A line of the seed text (1-based, as `cat -n` shows it) or a literal string. */
export type LineRef = number | string;

/** An inclusive range of 1-based line numbers. */
export type LineRange = readonly [from: number, to: number];

export interface TableSpec {
  /** Sheet name as a department would name it (≤31 chars, unique, no []:*?/\). */
  sheet: string;
  /** Expected recognition result (DOMAIN.md §2). */
  type: TableType;
  /** Title row, merged across the table width. */
  title: LineRef;
  /** Rows between title and header: each row's parts go left / (centre) / right. */
  meta?: readonly (readonly LineRef[])[];
  /** Header rows (text only; merges reconstructed from their blank cells). */
  header?: LineRange;
  /** Header rows given literally, for tables whose header the PDF printed as an image. */
  headerRows?: readonly (readonly string[])[];
  /** The table is OCR text with one cell per line (seed 001); rows end at a tab-less line or start at `rowStarts`. */
  cellPerLine?: { rowStarts?: readonly number[] };
  /** Data rows. Blank lines inside are page breaks and are dropped. Absent for an empty table ("本表无数据"). */
  body?: LineRange;
  /** Footnote rows (注：… / 说明：…), one merged row per non-empty line. */
  notes?: LineRange;
  /** Column count; defaults to the widest header/body row. */
  width?: number;
  /** Lines inside header/body to drop: repeated headers, separator rules. */
  skip?: readonly number[];
  /** Replacement cells for a line whose cells the extraction shifted or lost. Repairs (cells, shift,
   *  remap, join) are keyed by a row's first line. */
  cells?: Readonly<Record<number, readonly string[]>>;
  /**
   * Cells the extraction moved: n inserts n blanks at the start of the line (n < 0 drops
   * -n leading blanks); [col, n] does the same at column col.
   */
  shift?: Readonly<Record<number, number | readonly [number, number]>>;
  /** Cells the extraction scattered: cell i goes to column map[i] (-1 drops it, e.g. a stray fragment). */
  remap?: Readonly<Record<number, readonly number[]>>;
  /** Continuation lines (text wrapped over a page break): appended cell-wise to the row above. */
  join?: readonly number[];
  /**
   * Columns that spilled onto the following page (a form wider than the page): the non-blank
   * lines from..to, in order, are placed into the rows of the `into` lines starting at the
   * given zero-based column (appended to text already there).
   */
  overflow?: { from: number; to: number; into: readonly (readonly [line: number, col: number])[] };
  /** Zero-based columns that hold codes and must stay text even when they look numeric. */
  textCols?: readonly number[];
  /** Extra merges, zero-based and relative to the first header (or body) row: [r0, c0, r1, c1]. */
  merges?: readonly (readonly [number, number, number, number])[];
}

export interface SeedConfig {
  /** Seed file prefix ("000" for 000_35eb….txt). */
  seed: string;
  /** Line ranges of prose that go to the 说明 sheet, one paragraph per row. */
  narrative: readonly LineRange[];
  tables: readonly TableSpec[];
}
