// Amount parsing. Money is decimal: values are decimal.js instances built from strings.
import Decimal from 'decimal.js';
import { cellFormat, cellText, cellValue, type CellValue, type SheetSnapshot } from './grid';
import { isDigits, isNormal, isSpace } from './text';

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
  /** The exact figure: a plain decimal string, or the number as the file stored it. */
  private readonly source: string | number;
  constructor(source: string | number, readonly units: number | null, readonly decimals: number, readonly percent: boolean, dec: Dec | null = null) {
    this.source = source;
    this.dec = dec;
  }
  get value(): Dec {
    if (this.dec === null) this.dec = new Dec(typeof this.source === 'number' ? numberString(this.source) : this.source);
    return this.dec;
  }
}

/** "-", "—", "/" and friends mean "no value" in published tables. */
const NO_VALUE = /^[-—–―─－/／\\＼*＊…]+$/;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const SPACE = /[\s\u3000]/g;
const MINUS = /^[\u2212\u2012\u2013]/;
const BRACKETED = /^\((.*)\)$/;
const CURRENCY = /^[¥￥$]/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const COMMA = /,/g;
const SIGN = /^[+-]/;
const PLUS = /^\+/;

interface FormatInfo {
  /** Decimals the format shows, null for General / text. */
  decimals: number | null;
  percent: boolean;
}

const GENERAL: FormatInfo = { decimals: null, percent: false };

/** Formats repeat across a sheet: read each one once. */
const FORMATS = new Map<string, FormatInfo>();

let lastFormat: string | null = null;
let lastInfo: FormatInfo = GENERAL;

function formatInfo(fmt: string | null): FormatInfo {
  // A sheet's figures share one or two formats: the last one answers most calls.
  if (fmt === lastFormat) return lastInfo;
  lastFormat = fmt;
  lastInfo = readFormatInfo(fmt);
  return lastInfo;
}

function readFormatInfo(fmt: string | null): FormatInfo {
  if (!fmt || fmt === 'General' || fmt === '@') return GENERAL;
  let info = FORMATS.get(fmt);
  if (info === undefined) {
    info = { decimals: readFormatDecimals(fmt), percent: fmt.includes('%') };
    FORMATS.set(fmt, info);
  }
  return info;
}

function readFormatDecimals(fmt: string): number | null {
  const section = fmt.split(';')[0];
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : null;
}

/** Digits after the decimal point of a shown number ("1,234.50" → 2; separators and % ignored). */
function decimalsOfText(s: string): number {
  const i = s.indexOf('.');
  if (i < 0) return 0;
  let n = 0;
  for (let k = i + 1; k < s.length; k++) {
    const ch = s.charCodeAt(k);
    if (ch >= 48 && ch <= 57) n++;
    else if (ch !== 44 && ch !== 37 && !isSpace(ch)) break; // separators, % and spaces do not end them
  }
  return n;
}

/**
 * Exact 0.0001-units of a stored number without printing it, or null. When k / 10⁴ is the
 * very double stored and |k| < 10¹⁵ (15 significant digits, which doubles tell apart), k × 10⁻⁴
 * is the decimal String(n) would print.
 */
function unitsOfNumber(n: number): number | null {
  const k = Math.round(n * 1e4);
  return Math.abs(k) < 1e15 && k / 1e4 === n ? k + 0 : null; // + 0: no -0
}

/** k % m for whole numbers, in 32-bit integers when k fits (a double remainder is much slower). */
function remainder(k: number, m: number): number {
  const i = k | 0;
  return i === k ? i % m : k % m;
}

/** Decimals of an exact units count (78084000 → 0, 7808400 → 2). */
function decimalsOfUnits(k: number): number {
  if (remainder(k, 100) === 0) return remainder(k, 10000) === 0 ? 0 : remainder(k, 1000) === 0 ? 1 : 2;
  return remainder(k, 10) === 0 ? 3 : 4;
}

const UNIT_STEP = [10000, 1000, 100, 10];

/**
 * The decimals an exactly stored figure is shown with, or -1 when its format rounds it
 * (780.8400000001 behind 0.00): the format's, else the displayed text's, else its own.
 */
function shownDecimalsOf(units: number, text: string | null, fmt: FormatInfo): number {
  if (fmt.decimals === null) return text !== null ? Math.min(decimalsOfText(text), 10) : decimalsOfUnits(units);
  if (fmt.decimals < UNIT_DECIMALS && remainder(units, UNIT_STEP[fmt.decimals]) !== 0) return -1;
  return Math.min(fmt.decimals, 10);
}

/** Shortest exact decimal string of a JS number as the file stored it, never in exponent form. */
function numberString(n: number): string {
  // String() is exact and shortest; below 1e-6 and from 1e21 on it writes an exponent.
  const s = String(n);
  return s.includes('e') ? new Dec(s).toFixed() : s;
}

/** A stored number as shown: the format's decimals, else the displayed text's, else its own. */
function numberAmount(value: number, text: string | null, fmt: FormatInfo): Amount | null {
  if (!Number.isFinite(value)) return null;
  const units = fmt.percent ? null : unitsOfNumber(value);
  if (units !== null) {
    // The common case: no string is built for the figure.
    const decimals = shownDecimalsOf(units, text, fmt);
    if (decimals >= 0) return new ParsedAmount(value, units, decimals, false);
  }
  const stored = numberString(value);
  const decimals = fmt.decimals ?? (text !== null ? decimalsOfText(text) : decimalsOfText(stored));
  // The file may store 780.8400000001 behind a 0.00 format: the figure is what is shown.
  if (fmt.percent || (fmt.decimals !== null && decimalsOfText(stored) > fmt.decimals)) {
    let v = new Dec(stored);
    if (fmt.percent) v = v.times(100);
    if (fmt.decimals !== null) v = v.toDecimalPlaces(fmt.decimals);
    const digits = v.toString();
    return new ParsedAmount(digits, unitsOf(digits), decimals, fmt.percent, v);
  }
  return new ParsedAmount(stored, unitsOf(stored), Math.min(decimals, 10), false);
}

/** What readFigure tells of a cell: written into a caller's scratch object, never kept. */
export interface FigureFacts {
  /** Exact 0.0001-units, or NaN when the figure does not fit that form. */
  units: number;
  decimals: number;
  percent: boolean;
  zero: boolean;
}

/**
 * The facts of the figure in cell (r, c) without building an Amount (false when it holds
 * none): a stored number takes no allocation, and its displayed text is read only when its
 * format leaves the decimals open (the text sits in another array: reading it costs a cache miss).
 */
export function readFigure(sheet: SheetSnapshot, r: number, c: number, out: FigureFacts): boolean {
  const value = cellValue(sheet, r, c);
  if (value === null) return false;
  const format = cellFormat(sheet, r, c);
  if (typeof value === 'number') {
    const fmt = formatInfo(format);
    const units = fmt.percent ? null : unitsOfNumber(value);
    const decimals = units !== null ? shownDecimalsOf(units, fmt.decimals === null ? cellText(sheet, r, c) : null, fmt) : -1;
    if (units !== null && decimals >= 0) {
      out.units = units;
      out.decimals = decimals;
      out.percent = false;
      out.zero = units === 0;
      return true;
    }
  }
  const a = parseAmount(value, cellText(sheet, r, c), format);
  if (a === null) return false;
  out.units = a.units ?? NaN;
  out.decimals = a.decimals;
  out.percent = a.percent;
  out.zero = a.units !== null ? a.units === 0 : a.value.isZero();
  return true;
}

/** The cell at (r, c) as an amount, its displayed text read only when its format needs it. */
export function cellAmount(sheet: SheetSnapshot, r: number, c: number): Amount | null {
  const value = cellValue(sheet, r, c);
  if (value === null || typeof value === 'boolean') return null;
  const format = cellFormat(sheet, r, c);
  if (typeof value === 'number') {
    const fmt = formatInfo(format);
    return numberAmount(value, fmt.decimals === null ? cellText(sheet, r, c) : null, fmt);
  }
  return parseAmount(value, cellText(sheet, r, c), format);
}

/**
 * A text holding a CJK ideograph (which NFKC keeps as it is) is never a number, nor is a text
 * NFKC leaves as it is (text.isNormal) without an ASCII digit: labels are turned away without
 * folding them. Full-width and circled digits are not normal text: they take the long way.
 */
function plainlyNotNumber(s: string): boolean {
  if (!isNormal(s)) return hasIdeograph(s);
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x4e00) return true;
    if (ch >= 48 && ch <= 57) digit = true;
  }
  return !digit;
}

function hasIdeograph(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fff) return true;
  }
  return false;
}

/** "2080505": ASCII digits only, the common numeric text (codes stored as text). */
function isPlainCode(s: string): boolean {
  return s.length <= 15 && isDigits(s);
}

/** Whether a text holds an amount, without building one for the common case. */
export function isAmountText(s: string): boolean {
  return isPlainCode(s) || parseAmount(s) !== null;
}

/**
 * Parses a cell into an amount, or null when it holds no number.
 * Accepts numbers, "1,234.56", full-width digits, "（12.30）" / "(12.30)" / "-12.30" negatives,
 * "12.5%" percentages. Blank and "-", "—", "/" are no value.
 */
export function parseAmount(value: CellValue, text: string | null = null, format: string | null = null): Amount | null {
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return numberAmount(value, text, formatInfo(format));
  if (plainlyNotNumber(value)) return null;
  if (isPlainCode(value)) return new ParsedAmount(value, unitsOf(value), 0, false);
  let s = value.normalize('NFKC').replace(SPACE, '').replace(MINUS, '-');
  if (s === '' || NO_VALUE.test(s)) return null;
  let negative = false;
  const paren = BRACKETED.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(CURRENCY, '');
  if (GROUPED.test(s)) s = s.replace(COMMA, '');
  if (!NUMBER.test(s)) return null;
  const decimals = decimalsOfText(s.replace(SIGN, ''));
  if (s.includes('e') || s.includes('E')) {
    const v = new Dec(s);
    const signedDec = negative ? v.negated() : v;
    const digits = signedDec.toString();
    return new ParsedAmount(digits, unitsOf(digits), decimals, percent, signedDec);
  }
  const signed = negative ? (s.startsWith('-') ? s.slice(1) : `-${s.replace(PLUS, '')}`) : s.replace(PLUS, '');
  return new ParsedAmount(signed, unitsOf(signed), decimals, percent);
}

/** The decimal of an exact 0.0001-units count. */
export function fromUnits(units: number): Dec {
  return new Dec(units).div(10 ** UNIT_DECIMALS);
}

/** Formats an amount for messages and reports with the given decimals. */
export function fmt(v: Dec, decimals: number): string {
  return v.toFixed(Math.max(0, decimals));
}
