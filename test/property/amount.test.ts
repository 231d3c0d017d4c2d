// Table-driven cases for parseAmount: one row per case, the expected figure as a decimal
// string (value.toFixed(decimals shown)), or null for "no value".
import fc from 'fast-check';
import { Dec, parseAmount } from '../../src/engine/amount';
import type { CellValue } from '../../src/engine/grid';

interface Case {
  name: string;
  value: CellValue;
  text?: string | null;
  format?: string | null;
  /** Expected figure as shown (value with its decimals), or null. */
  expected: string | null;
  percent?: boolean;
}

const CASES: Case[] = [
  { name: 'thousands separators', value: '1,234.56', expected: '1234.56' },
  { name: 'full-width digits and point', value: '１２３.４５', expected: '123.45' },
  { name: 'full-width digits, full-width point', value: '１２３．４５', expected: '123.45' },
  { name: 'full-width parentheses negative', value: '（12.30）', expected: '-12.30' },
  { name: 'ASCII parentheses negative', value: '(12.30)', expected: '-12.30' },
  { name: 'minus sign', value: '-12.30', expected: '-12.30' },
  { name: 'full-width minus', value: '－12.30', expected: '-12.30' },
  { name: 'U+2212 minus sign', value: '\u221212.30', expected: '-12.30' },
  { name: 'percentage text', value: '12.5%', expected: '12.5', percent: true },
  { name: 'full-width percent', value: '12.5％', expected: '12.5', percent: true },
  { name: 'hyphen = no value', value: '-', expected: null },
  { name: 'em dash = no value', value: '—', expected: null },
  { name: 'double em dash = no value', value: '——', expected: null },
  { name: 'slash = no value', value: '/', expected: null },
  { name: 'empty string', value: '', expected: null },
  { name: 'blank cell', value: null, expected: null },
  { name: 'boolean', value: true, expected: null },
  { name: 'zero', value: 0, expected: '0' },
  { name: 'negative zero', value: -0, expected: '0' },
  { name: '1e21 as a number', value: 1e21, expected: '1000000000000000000000' },
  { name: '0.1+0.2 behind a 0.00 format', value: 0.1 + 0.2, format: '0.00', expected: '0.30' },
  { name: 'binary tail behind #,##0.00', value: 780.8400000001, format: '#,##0.00', expected: '780.84' },
  { name: '1.005 behind 0.00 rounds half up', value: 1.005, format: '0.00', expected: '1.01' },
  { name: 'number with displayed text decimals', value: 12, text: '12.00', expected: '12.00' },
  { name: 'number behind a percent format', value: 0.125, format: '0.00%', expected: '12.50', percent: true },
  { name: 'number stored as General', value: 365.78, expected: '365.78' },
  { name: 'negative number', value: -19.73, format: '0.00', expected: '-19.73' },
  { name: 'spaces around', value: '  780.84 ', expected: '780.84' },
  { name: 'ideographic space around', value: '\u3000780.84\u3000', expected: '780.84' },
  { name: 'space as thousands separator', value: '1 234.56', expected: '1234.56' },
  { name: 'spaces inside parentheses', value: '（ 12.30 ）', expected: '-12.30' },
  { name: 'yuan sign', value: '¥1,234.00', expected: '1234.00' },
  { name: 'bad grouping is not a number', value: '1,23.4', expected: null },
  { name: 'two points is not a number', value: '1.2.3', expected: null },
  { name: 'NaN string', value: 'NaN', expected: null },
  { name: 'Infinity string', value: 'Infinity', expected: null },
  { name: 'NaN number', value: Number.NaN, expected: null },
  { name: 'Infinity number', value: Number.POSITIVE_INFINITY, expected: null },
  { name: 'Chinese word', value: '合计', expected: null },
  { name: 'Chinese word with full-width brackets', value: '（一）基本支出', expected: null },
  { name: 'full-width digits beside an ideograph', value: '１２３元', expected: null },
  { name: 'full-width digits in brackets', value: '（１２３）', expected: '-123' },
  { name: 'leading point', value: '.5', expected: '0.5' },
  { name: 'circled digit (NFKC folds it)', value: '①', expected: '1' },
  { name: 'superscript digit (NFKC folds it)', value: '²', expected: '2' },
  { name: 'parenthesized digit (NFKC folds it to a negative)', value: '⑴', expected: '-1' },
  { name: 'a format finer than 10 decimals is shown at 10', value: 780.85, format: '0.000000000000', expected: '780.8500000000' },
  { name: 'a tiny number behind 0.00 is 0.00', value: 1e-7, format: '0.00', expected: '0.00' },
  { name: 'a tiny General number keeps all its decimals', value: 3e-7, expected: '0.0000003' },
];

describe('parseAmount', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const a = parseAmount(c.value, c.text ?? null, c.format ?? null);
    if (c.expected === null) {
      expect(a).toBeNull();
      return;
    }
    expect(a).not.toBeNull();
    const shown = a!.value.toFixed(a!.decimals);
    expect(shown === '-0' ? '0' : shown).toBe(c.expected);
    // The value itself (not only its display) must be the expected decimal.
    expect(a!.value.equals(c.expected)).toBe(true);
    expect(a!.percent).toBe(c.percent ?? false);
  });
});

// Stored numbers take a path that never prints them (exact integer 0.0001-units). Whatever the
// double, the figure must be the one its shortest decimal string names, shown as the format says.
describe('parseAmount on stored numbers (property)', () => {
  const decimalString = (n: number): string => (Math.abs(n) < 1e21 ? String(n) : n.toFixed(0));
  const formats = fc.constantFrom<(string | null)>(null, '0', '0.0', '#,##0.00', '0.000', '0.0000', '0.00000');
  const numbers = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e12, max: 1e12 }).map((i) => i / 100),
    fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 10000),
    fc.integer({ min: -1e6, max: 1e6 }).map((i) => i / 100 + 1e-9),
  );

  test('value and decimals agree with the decimal the double stands for', () => {
    fc.assert(
      fc.property(numbers, formats, (n, format) => {
        const a = parseAmount(n, null, format);
        expect(a).not.toBeNull();
        const exact = new Dec(decimalString(n));
        const fmtDecimals = format === null ? null : (format.split('.')[1] ?? '').length;
        const expected = fmtDecimals === null ? exact : exact.toDecimalPlaces(fmtDecimals);
        expect(a!.value.equals(expected)).toBe(true);
        if (fmtDecimals !== null) expect(a!.decimals).toBe(fmtDecimals);
        else expect(a!.decimals).toBe(Math.min(exact.decimalPlaces(), 10));
        // The integer form, when present, is the same figure.
        if (a!.units !== null) expect(new Dec(a!.units).div(10000).equals(a!.value)).toBe(true);
      }),
      { numRuns: 5000, seed: 20261206 },
    );
  });
});
