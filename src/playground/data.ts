// The playground's data files (written by build-data.ts, fetched by the page).
export interface PlaygroundWorkbookEntry {
  id: string;
  /** File name without extension, shown in the picker. */
  label: string;
  /** Repository path of the source .xlsx. */
  source: string;
  /** Snapshot JSON file name next to index.json. */
  json: string;
  sheets: number;
}

export interface PlaygroundIndex {
  workbooks: PlaygroundWorkbookEntry[];
}
