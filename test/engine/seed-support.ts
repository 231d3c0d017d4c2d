// Loads the seed fixtures once per test file and runs the engine on them.
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { checkWorkbook } from '../../src/engine/index';
import type { Report } from '../../src/engine/report';
import type { WorkbookSnapshot } from '../../src/engine/grid';
import { readWorkbookFile } from '../../src/io/xlsx-read';

export const SEED_DIR = path.resolve(__dirname, '../fixtures/seeds');

export interface ExpectedSheet {
  sheet: string;
  type: string | null;
  title: string;
  range: string | null;
}

export function expectedTypes(): Record<string, ExpectedSheet[]> {
  return JSON.parse(readFileSync(path.join(SEED_DIR, 'expected.json'), 'utf8')) as Record<string, ExpectedSheet[]>;
}

export function seedFiles(): string[] {
  return Object.keys(expectedTypes()).filter((f) => existsSync(path.join(SEED_DIR, f)));
}

const cache = new Map<string, Promise<WorkbookSnapshot>>();

export function loadSeed(file: string): Promise<WorkbookSnapshot> {
  let p = cache.get(file);
  if (!p) {
    p = readWorkbookFile(path.join(SEED_DIR, file));
    cache.set(file, p);
  }
  return p;
}

export async function checkSeed(file: string): Promise<Report> {
  return checkWorkbook(await loadSeed(file));
}
