// The seeds' prose: the lines of /work/shared/seeds/*.txt that are no table rows — what the
// fixtures put in their 说明 sheet, one paragraph per row (see sheet.ts).
import * as fs from 'fs';
import * as path from 'path';

export const SEEDS_DIR = '/work/shared/seeds';

export function seedFiles(): string[] {
  return fs.existsSync(SEEDS_DIR) ? fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
}

/** Prose lines of a seed: every non-empty line that is no tab-separated table row. */
export function seedProse(file: string): string[] {
  const lines = fs.readFileSync(path.join(SEEDS_DIR, file), 'utf8').split(/\r?\n/);
  return lines.filter((l) => l.trim() !== '' && !l.includes('\t'));
}
