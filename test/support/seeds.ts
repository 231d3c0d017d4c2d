// Seed fixtures: every test/fixtures/seeds/seed-*.xlsx present when the tests run,
// parsed once per process and cloned per mutation.
import { promises as fs } from 'fs';
import * as path from 'path';
import type { WorkbookSnapshot, SheetSnapshot } from '../../src/engine/grid';
import { readWorkbookFile } from '../../src/io/xlsx-read';

export const SEED_DIR = path.resolve(__dirname, '../fixtures/seeds');

export async function seedFiles(): Promise<string[]> {
  const names = await fs.readdir(SEED_DIR);
  return names
    .filter((n) => /^seed-\d+\.xlsx$/.test(n))
    .sort()
    .map((n) => path.join(SEED_DIR, n));
}

const cache = new Map<string, Promise<WorkbookSnapshot>>();

export function loadSnapshot(file: string): Promise<WorkbookSnapshot> {
  let p = cache.get(file);
  if (!p) {
    p = readWorkbookFile(file);
    cache.set(file, p);
  }
  return p;
}

/** Deep-clones what a mutation may touch (values and displayed text); formats, formulas and merges are shared read-only. */
export function cloneForMutation(wb: WorkbookSnapshot): WorkbookSnapshot {
  return {
    file: wb.file,
    sheets: wb.sheets.map(
      (s): SheetSnapshot => ({
        ...s,
        values: s.values.map((row) => (row ? row.slice() : row)),
        text: s.text?.map((row) => (row ? row.slice() : row)),
      }),
    ),
  };
}
