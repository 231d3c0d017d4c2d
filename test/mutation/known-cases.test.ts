// Concrete mutations found by the sampled mutation test (or next to it) that the engine
// has missed at some point: kept as explicit regression cases for the engine author.
// A case whose seed file is absent is skipped.
import { existsSync } from 'fs';
import * as path from 'path';
import { parseA1 } from '../../src/engine/address';
import { checkWorkbook } from '../../src/engine/index';
import { SEED_DIR, cloneForMutation, loadSnapshot } from '../support/seeds';
import { findingKey, findingLocation } from '../support/mutation';

interface KnownCase {
  name: string;
  seed: string;
  sheet: string;
  cell: string;
  /** New value; null blanks the cell. */
  value: number | null;
  /** The cells where an error is expected (any one of them). */
  expectErrorAt: string[];
}

const CASES: KnownCase[] = [
  {
    name: 'blanking the only non-zero income item leaves 本年收入合计 unchecked',
    seed: 'seed-004.xlsx', sheet: '财政拨款收支总表', cell: 'B6', value: null, expectErrorAt: ['B6', 'B36'],
  },
  {
    name: '收入总计 below the 上年结转 fund lines (region must not split there)',
    seed: 'seed-002.xlsx', sheet: '收支总表', cell: 'B40', value: 9805.56, expectErrorAt: ['B40', 'B33'],
  },
];

describe('known mutation cases', () => {
  for (const k of CASES) {
    const file = path.join(SEED_DIR, k.seed);
    (existsSync(file) ? test : test.skip)(`${k.seed} ${k.sheet}!${k.cell}: ${k.name}`, async () => {
      const base = await loadSnapshot(file);
      const baseKeys = new Set(checkWorkbook(base).findings.map(findingKey));
      const wb = cloneForMutation(base);
      const sheet = wb.sheets.find((s) => s.name === k.sheet);
      expect(sheet).toBeDefined();
      const { r, c } = parseA1(k.cell);
      sheet!.values[r][c] = k.value;
      if (sheet!.text?.[r]) sheet!.text[r][c] = k.value === null ? null : k.value.toFixed(2);
      const fresh = checkWorkbook(wb).findings.filter((f) => f.severity === 'error' && !baseKeys.has(findingKey(f)));
      const at = fresh.filter((f) => f.sheet === k.sheet && k.expectErrorAt.some((a) => { const p = parseA1(a); const q = findingLocation(f); return p.r === q.r && p.c === q.c; }));
      expect(at.map((f) => `${f.rule} ${f.cell}`)).not.toEqual([]);
    });
  }
});
