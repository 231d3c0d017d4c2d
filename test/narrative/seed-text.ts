// The seeds' 说明 prose as a SheetSnapshot (one paragraph per row in column A, like the
// fixtures' 说明 sheet): the lines of /work/shared/seeds/*.txt that are no table rows.
import * as fs from 'fs';
import * as path from 'path';
import type { SheetSnapshot } from '../../src/engine/grid';

export const SEEDS_DIR = '/work/shared/seeds';

export function seedFiles(): string[] {
  return fs.existsSync(SEEDS_DIR) ? fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** Prose lines of a seed: table rows (tab-separated) and the 名词解释 glossary left out. */
export function seedProse(file: string): string[] {
  const lines = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8').split(/\r?\n/);
  return lines.filter((l) => l.trim() !== '' && !l.includes('\t'));
}

export function proseSheet(lines: string[], name = '说明'): SheetSnapshot {
  return { name, values: lines.map((l) => [l]), merges: [] };
}
