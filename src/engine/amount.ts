// Amount parsing. Money is decimal: values are decimal.js instances built from strings.
import Decimal from 'decimal.js';
import type { CellValue } from './grid';

/** An isolated Decimal constructor: the global config is never touched. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

export const ZERO = new Dec(0);

export interface Amount {
  readonly value: Dec;
  /** Decimals shown (from the displayed text or the number format). */
  readonly decimals: number;
  readonly percent: boolean;
  /**
   * The same value as an exact integer count of 0.0001 units, when it fits (four decimals at
   * most, |value| < 9×10¹¹): sums of such integers are exact, so relations that hold are
   * confirmed without building decimals. null when it does not fit.
   */
  readonly units: number | null;
}

/** Exact scale of `units`. */
export const UNIT_DECIMALS = 4;

/** Integer 0.0001-units of a plain decimal string ("-780.84" → -7808400), or null. */
function unitsOf(s: string): number | null {
  // A character loop: this runs for every figure of the workbook.
  let i = 0;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    i = 1;
  }
  let whole = 0;
  let digits = 0;
  for (; i < s.length && s[i] !== '.'; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || ++digits > 11) return null;
    whole = whole * 10 + d;
  }
  if (digits === 0) return null;
  let frac = 0;
  let places = 0;
  for (i++; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || ++places > UNIT_DECIMALS) return null;
    frac = frac * 10 + d;
  }
  return sign * (whole * 10 ** UNIT_DECIMALS + frac * 10 ** (UNIT_DECIMALS - places));
}

/** An amount whose decimal is built only when asked for: most figures are only summed. */
class ParsedAmount implements Amount {
  private dec: Dec | null;
  readonly units: number | null;
  constructor(private readonly digits: string, readonly decimals: number, readonly percent: boolean, dec: Dec | null = null) {
    this.dec = dec;
    this.units = unitsOf(digits);
  }
  get value(): Dec {
    if (this.dec === null) this.dec = new Dec(this.digits);
    return this.dec;
  }
}

/** "-", "—", "/" and friends mean "no value" in published tables. */
const NO_VALUE = /^[-—–―─－/／\\＼*＊…]+$/;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Formats repeat across a sheet: read each one once. */
const FORMAT_DECIMALS = new Map<string, number | null>();

function decimalsOfFormat(fmt: string | null): number | null {
  if (!fmt || fmt === 'General' || fmt === '@') return null;
  let d = FORMAT_DECIMALS.get(fmt);
  if (d === undefined) {
    d = readFormatDecimals(fmt);
    FORMAT_DECIMALS.set(fmt, d);
  }
  return d;
}

function readFormatDecimals(fmt: string): number | null {
  const section = fmt.split(';')[0];
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : null;
}

function decimalsOfText(s: string): number {
  const i = s.indexOf('.');
  if (i < 0) return 0;
  const m = /^\d+/.exec(s.slice(i + 1));
  return m ? m[0].length : 0;
}

/** Shortest exact decimal string of a JS number as the file stored it. */
function numberString(n: number): string {
  // String() is exact and shortest; only integers past 1e21 need toFixed to avoid an exponent.
  return Math.abs(n) < 1e21 ? String(n) : n.toFixed(0);
}

/**
 * Parses a cell into an amount, or null when it holds no number.
 * Accepts numbers, "1,234.56", full-width digits, "（12.30）" / "(12.30)" / "-12.30" negatives,
 * "12.5%" percentages. Blank and "-", "—", "/" are no value.
 */
export function parseAmount(value: CellValue, text: string | null = null, format: string | null = null): Amount | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const fmtDecimals = decimalsOfFormat(format);
    const percent = format !== null && format.includes('%');
    const stored = numberString(value);
    let decimals = fmtDecimals ?? (text !== null ? decimalsOfText(text.replace(/[,%\s]/g, '')) : decimalsOfText(stored));
    // The file may store 780.8400000001 behind a 0.00 format: the figure is what is shown.
    if (percent || (fmtDecimals !== null && decimalsOfText(stored) > fmtDecimals)) {
      let v = new Dec(stored);
      if (percent) v = v.times(100);
      if (fmtDecimals !== null) v = v.toDecimalPlaces(fmtDecimals);
      return new ParsedAmount(v.toString(), decimals, percent, v);
    }
    decimals = Math.min(decimals, 10);
    return new ParsedAmount(stored, decimals, percent);
  }
  let s = value.normalize('NFKC').replace(/[\s\u3000]/g, '').replace(/^[\u2212\u2012\u2013]/, '-');
  if (s === '' || NO_VALUE.test(s)) return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/^[¥￥$]/, '');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (!NUMBER.test(s)) return null;
  const decimals = decimalsOfText(s.replace(/^[+-]/, ''));
  if (/e/i.test(s)) {
    const v = new Dec(s);
    return new ParsedAmount((negative ? v.negated() : v).toString(), decimals, percent, negative ? v.negated() : v);
  }
  const signed = negative ? (s.startsWith('-') ? s.slice(1) : `-${s.replace(/^\+/, '')}`) : s.replace(/^\+/, '');
  return new ParsedAmount(signed, decimals, percent);
}

/** Formats an amount for messages and reports with the given decimals. */
export function fmt(v: Dec, decimals: number): string {
  return v.toFixed(Math.max(0, decimals));
}
