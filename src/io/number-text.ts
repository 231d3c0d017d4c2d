// Displayed text of a numeric cell under its number format, computed with exact
// decimal rounding (ROUND_HALF_UP on the shortest decimal form of the double, as
// decimal.js does), so 1.005 under "0.00" shows "1.01" and 0.1+0.2 never shows its
// binary tail.
import Decimal from 'decimal.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** One format section reduced to what matters for plain numeric display. */
interface NumericSection {
  /** Whole text when the section has no digit placeholder (e.g. "-" for zero). */
  literalOnly: boolean;
  prefix: string;
  suffix: string;
  decimals: number;
  thousands: boolean;
  percent: boolean;
}

/** Parsed format: sections for positive, negative, zero; null = not a plain numeric format. */
type ParsedFormat = NumericSection[] | null;

const cache = new Map<string, ParsedFormat>();

/** Split on ';' outside quotes. */
function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * One format section as prefix + digit pattern + suffix. Quoted strings and backslash escapes are
 * literal text; padding (_x) and fill (*x) add no visible text; anything else (dates, exponents,
 * fractions, text placeholders) makes the section unsupported (null).
 */
function parseSection(sec: string): NumericSection | null {
  let prefix = '';
  let suffix = '';
  let core = '';
  let seenCore = false;
  let percent = false;
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i];
    const lit = (s: string): void => {
      if (seenCore) suffix += s;
      else prefix += s;
    };
    if (ch === '"') {
      const end = sec.indexOf('"', i + 1);
      if (end < 0) return null;
      lit(sec.slice(i + 1, end));
      i = end;
    } else if (ch === '\\') {
      lit(sec[i + 1] ?? '');
      i++;
    } else if (ch === '_' || ch === '*') {
      i++; // padding / fill character: no visible text of its own
    } else if (ch === '[') {
      const end = sec.indexOf(']', i);
      if (end < 0) return null;
      const tag = sec.slice(i + 1, end);
      // Colours and locale tags are harmless; conditions and elapsed-time codes are not.
      if (/^[<>=]|^[hms]+$/i.test(tag)) return null;
      i = end;
    } else if ('#0,.'.includes(ch)) {
      if (seenCore && (suffix !== '' || percent)) return null; // digits after a literal: not plain
      seenCore = true;
      core += ch;
    } else if (ch === '%') {
      if (!seenCore) return null;
      percent = true;
      suffix += '%';
    } else if (ch === '-' || ch === '+' || ch === '(' || ch === ')' || ch === ' ' || ch === '$' || ch === '¥' || ch === '￥') {
      lit(ch);
    } else {
      return null; // dates, scientific, text placeholders, fractions …
    }
  }
  if (!seenCore) return { literalOnly: true, prefix, suffix: '', decimals: 0, thousands: false, percent: false };
  if (!/[0#]/.test(core)) return null;
  const dot = core.indexOf('.');
  const intPart = dot < 0 ? core : core.slice(0, dot);
  const fracPart = dot < 0 ? '' : core.slice(dot + 1);
  if (/,$/.test(intPart)) return null; // trailing comma scales by 1000: not a common case
  if (fracPart.includes(',')) return null;
  return { literalOnly: false, prefix, suffix, decimals: fracPart.length, thousands: intPart.includes(','), percent };
}

function parseFormat(fmt: string): ParsedFormat {
  let parsed = cache.get(fmt);
  if (parsed !== undefined) return parsed;
  const sections = splitSections(fmt).slice(0, 3).map(parseSection);
  parsed = sections.every((s): s is NumericSection => s !== null) && !sections[0].literalOnly ? sections : null;
  cache.set(fmt, parsed);
  return parsed;
}

function groupThousands(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Add one unit in the last place of a string of decimal digits ("0999" → "1000"). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}

/**
 * |value| (× 100 for percent) rounded half-up to `decimals`, as [integer digits, fraction digits].
 * Works on the shortest decimal string of the double — the same digits decimal.js starts
 * from — which is exact and avoids a Decimal allocation per cell (1M-cell workbooks).
 */
function roundAbs(value: number, decimals: number, percent: boolean): [string, string] {
  let s = String(Math.abs(value));
  if (s.includes('e')) s = new D(Math.abs(value)).toFixed(); // exponent forms: let decimal.js expand
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);
  if (percent) {
    frac = frac.padEnd(2, '0');
    int = (int + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
    frac = frac.slice(2);
  }
  if (frac.length <= decimals) return [int, frac.padEnd(decimals, '0')];
  let kept = int + frac.slice(0, decimals);
  if (frac.charCodeAt(decimals) >= 53 /* '5' */) kept = incrementDigits(kept);
  const cut = kept.length - decimals;
  return [kept.slice(0, cut), kept.slice(cut)];
}

function formatWith(sec: NumericSection, value: number, signed: boolean): string {
  if (sec.literalOnly) return sec.prefix;
  const [int, frac] = roundAbs(value, sec.decimals, sec.percent);
  // A value that rounds to zero shows no minus sign, as in Excel ("-0.001" → "0.00").
  const sign = signed && value < 0 && /[1-9]/.test(int + frac) ? '-' : '';
  const intShown = sec.thousands ? groupThousands(int) : int;
  return sec.prefix + sign + intShown + (sec.decimals > 0 ? '.' + frac : '') + sec.suffix;
}

/** General format: up to 15 significant digits, no binary artefacts. */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return new D(value).toSignificantDigits(15).toString();
}

/** Displayed text of `value` under number format `fmt` (null/"General" → general display). */
export function formatNumber(value: number, fmt: string | null): string {
  if (!Number.isFinite(value)) return String(value);
  if (fmt === null || fmt === '' || /^general$/i.test(fmt)) return formatGeneral(value);
  const sections = parseFormat(fmt);
  if (sections === null) return formatGeneral(value);
  if (value < 0 && sections.length >= 2) return formatWith(sections[1], value, false);
  if (value === 0 && sections.length >= 3) return formatWith(sections[2], value, false);
  return formatWith(sections[0], value, true);
}
