// The catalogue of variant cases (single transforms and seeded random combinations) and the
// seed fixtures they run on. Shared by variants.test.ts and the matrix script (matrix.ts).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { checkWorkbook } from '../../src/engine/index';
import type { WorkbookSnapshot } from '../../src/engine/grid';
import type { Report } from '../../src/engine/report';
import { readWorkbookFile } from '../../src/io/xlsx-read';
import { compareFindings, compareTables } from './equivalence';
import {
  codesInName,
  codesJoined,
  codesSplit,
  columnOrder,
  compose,
  mergedFill,
  mergedFillHeader,
  mulberry32,
  noMerges,
  numbersAsText,
  offset,
  retitle,
  sideBySide,
  spaces,
  stack,
  subtotalsAdded,
  subtotalsDropped,
  titleRemoved,
  totalBottom,
  yuan,
  type Transform,
  type Variant,
} from './transforms';

export const SEED_DIR = path.resolve(__dirname, '../fixtures/seeds');

/** Every seed fixture present now (more are being added: globbed, not listed). */
export function seedFiles(): string[] {
  return readdirSync(SEED_DIR)
    .filter((f) => /^seed-\d+\.xlsx$/.test(f))
    .sort();
}

export interface Case {
  name: string;
  transform: Transform;
  /** Optional layouts the engine may reject by design (reported, not required). */
  optional?: boolean;
}

export const SINGLE_CASES: Case[] = [
  { name: 'offset', transform: offset(3, 2) },
  { name: 'stack', transform: stack([1, 2, 3]) },
  { name: 'side-by-side', transform: sideBySide(2), optional: true },
  { name: 'no-merges', transform: noMerges },
  { name: 'merged-fill', transform: mergedFill },
  { name: 'merged-fill-header', transform: mergedFillHeader },
  { name: 'spaces', transform: spaces },
  { name: 'retitle', transform: retitle },
  { name: 'title-removed', transform: titleRemoved },
  { name: 'codes-joined', transform: codesJoined },
  { name: 'codes-split', transform: codesSplit },
  { name: 'codes-in-name', transform: codesInName },
  { name: 'subtotals-dropped', transform: subtotalsDropped },
  { name: 'subtotals-added', transform: subtotalsAdded },
  { name: 'yuan-cents', transform: yuan('#,##0.00') },
  { name: 'yuan-whole', transform: yuan('0') },
  { name: 'total-bottom', transform: totalBottom },
  { name: 'column-order', transform: columnOrder },
  { name: 'numbers-as-text', transform: numbersAsText },
];

/**
 * Seeded random combinations. Each picks 3 transforms from distinct groups and applies them
 * in a canonical order (content transforms before layout ones: codes → column order → total
 * row → title → spaces → 元 → text numbers → merges → offset → stack), because e.g. `yuan`
 * reads numbers that `numbers-as-text` would have turned into strings, and `retitle` finds
 * titles in the first rows that `offset` would move.
 */
export function comboCases(count = 12, seed = 20261202): Case[] {
  const rng = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)];
  const groups: { order: number; options: () => { name: string; t: Transform } }[] = [
    { order: 0, options: () => pick([{ name: 'codes-joined', t: codesJoined }, { name: 'codes-split', t: codesSplit }, { name: 'codes-in-name', t: codesInName }]) },
    { order: 1, options: () => ({ name: 'column-order', t: columnOrder }) },
    { order: 2, options: () => ({ name: 'total-bottom', t: totalBottom }) },
    { order: 3, options: () => ({ name: 'retitle', t: retitle }) },
    { order: 4, options: () => ({ name: 'spaces', t: spaces }) },
    { order: 5, options: () => pick([{ name: 'yuan-cents', t: yuan('#,##0.00') }, { name: 'yuan-whole', t: yuan('0') }]) },
    { order: 6, options: () => ({ name: 'numbers-as-text', t: numbersAsText }) },
    { order: 7, options: () => pick([{ name: 'no-merges', t: noMerges }, { name: 'merged-fill', t: mergedFill }]) },
    {
      order: 8,
      options: () => {
        const r = 1 + Math.floor(rng() * 6);
        const c = 1 + Math.floor(rng() * 4);
        return { name: `offset(${r},${c})`, t: offset(r, c) };
      },
    },
    { order: 9, options: () => ({ name: 'stack', t: stack([3, 1, 2]) }) },
  ];
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const chosen = new Set<number>();
    while (chosen.size < 3) chosen.add(Math.floor(rng() * groups.length));
    const parts = [...chosen].sort((a, b) => a - b).map((g) => groups[g].options());
    out.push({ name: `combo${i + 1}:${parts.map((p) => p.name).join('+')}`, transform: compose(...parts.map((p) => p.t)) });
  }
  return out;
}

/** Hand-picked combinations the random draw may miss (元 with text amounts, off-A1 stacks …). */
export const CURATED_COMBOS: Case[] = [
  { name: 'yuan-whole+numbers-as-text', transform: compose(yuan('0'), numbersAsText) },
  { name: 'codes-split+total-bottom+yuan-cents+offset(2,1)', transform: compose(codesSplit, totalBottom, yuan('#,##0.00'), offset(2, 1)) },
  { name: 'codes-joined+total-bottom+spaces', transform: compose(codesJoined, totalBottom, spaces) },
  { name: 'retitle+yuan-cents+stack', transform: compose(retitle, yuan('#,##0.00'), stack([2, 1, 3])) },
  { name: 'offset(4,3)+stack', transform: compose(offset(4, 3), stack([1, 3, 2])) },
  { name: 'subtotals-dropped+total-bottom+codes-split', transform: compose(subtotalsDropped, totalBottom, codesSplit) },
  { name: 'codes-joined+subtotals-added', transform: compose(codesJoined, subtotalsAdded) },
  { name: 'subtotals-dropped+subtotals-added+spaces', transform: compose(subtotalsDropped, subtotalsAdded, spaces) },
];

export const ALL_CASES: Case[] = [...SINGLE_CASES, ...CURATED_COMBOS, ...comboCases()];

const seedCache = new Map<string, Promise<{ wb: WorkbookSnapshot; report: Report }>>();

export function loadSeed(file: string): Promise<{ wb: WorkbookSnapshot; report: Report }> {
  let p = seedCache.get(file);
  if (!p) {
    p = readWorkbookFile(path.join(SEED_DIR, file)).then((wb) => ({ wb, report: checkWorkbook(wb) }));
    seedCache.set(file, p);
  }
  return p;
}

export interface Outcome {
  variant: Variant;
  original: Report;
  transformed: Report;
  tables: string[];
  missing: string[];
  newErrors: string[];
  valueChanges: string[];
}

const outcomeCache = new Map<string, Promise<Outcome>>();

/** Runs one case on one seed (memoized): original report, transformed report, all comparisons. */
export function outcome(c: Case, file: string): Promise<Outcome> {
  const key = `${c.name}|${file}`;
  let p = outcomeCache.get(key);
  if (!p) {
    p = loadSeed(file).then(({ wb, report }) => {
      const variant = c.transform(wb);
      const transformed = checkWorkbook(variant.snapshot);
      const f = compareFindings(report, transformed, variant);
      return { variant, original: report, transformed, tables: compareTables(report, transformed, variant), ...f };
    });
    outcomeCache.set(key, p);
  }
  return p;
}
