import type { SheetSnapshot } from '../../src/engine/grid';

/** A 说明 sheet: one paragraph per row in column A. */
export function proseSheet(lines: string[], name = '说明'): SheetSnapshot {
  return { name, values: lines.map((l) => [l]), merges: [] };
}
