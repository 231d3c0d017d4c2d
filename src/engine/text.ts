// Text normalization: full-width → half-width, spaces inside words removed, quote
// variants unified. Recognition compares normalized text only.

const QUOTES = /[“”"‘’'「」『』〝〞]/g;
// Patterns live at module level: a regex literal is a new object each time it is evaluated.
const SPACES = /[\s\u3000]+/g;
const CHINESE_NUMERAL = /^[零一二三四五六七八九十]+$/;
const ORDINAL_1 = /^([零一二三四五六七八九十]+)[、.．,，]\s*(.*)$/;
const ORDINAL_2 = /^\(([零一二三四五六七八九十]+)\)\s*(.*)$/;
const ORDINAL_3 = /^(\d{1,2})[、.．]\s*(\D.*)$/;
const ORDINAL_3_BRACKETED = /^\((\d{1,2})\)\s*(.*)$/;
const SUBSET_PREFIX = /^\s*其中\s*[:：]?/;

/**
 * Whether norm leaves a text as it is: printable ASCII but quotes and CJK unified ideographs
 * only (neither has an NFKC fold). Most labels are such, and are then not copied.
 */
export function isNormal(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 0x4e00 && ch <= 0x9fff) continue;
    if (ch > 0x20 && ch < 0x7f && ch !== 0x22 && ch !== 0x27) continue;
    return false;
  }
  return true;
}

/** NFKC folds full-width letters, digits and brackets; spaces are removed everywhere. */
export function norm(s: string): string {
  if (isNormal(s)) return s;
  return s.normalize('NFKC').replace(QUOTES, '').replace(SPACES, '');
}

/** Only whitespace (as String.prototype.trim sees it), without building the trimmed copy. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** ECMAScript WhiteSpace and LineTerminator code units. */
export function isSpace(ch: number): boolean {
  return (
    (ch >= 9 && ch <= 13) || ch === 32 || ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff
  );
}

/** ASCII characters only: no Chinese word can be in it. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** ASCII digits only ("2080505"). */
export function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return s.length > 0;
}

/** Whether a text holds an ASCII or full-width digit: texts without one are never numbers. */
export function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if ((ch >= 48 && ch <= 57) || (ch >= 0xff10 && ch <= 0xff19)) return true;
  }
  return false;
}

const PUNCTUATION = /[()（）\[\]【】<>《》:：,，.。、;；·]/;
const ALL_PUNCTUATION = new RegExp(PUNCTUATION.source, 'g');

/** Like norm, and drops brackets and punctuation that vary between templates. */
export function key(s: string): string {
  const n = norm(s);
  return PUNCTUATION.test(n) ? n.replace(ALL_PUNCTUATION, '') : n;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

/** Chinese numeral up to 99 ("二十三") to number; NaN when it is not one. */
export function chineseNumber(s: string): number {
  if (!CHINESE_NUMERAL.test(s)) return NaN;
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    const tens = a === '' ? 1 : CN_DIGITS[a];
    const ones = b === '' ? 0 : CN_DIGITS[b];
    return tens * 10 + ones;
  }
  return s.length === 1 ? CN_DIGITS[s] : NaN;
}

export interface Ordinal {
  /** 1 for 一、 2 for （一） 3 for 1. / (1) (and ① ⑴ ⒈, which NFKC folds into those) */
  level: number;
  number: number;
  rest: string;
}

const CHINESE_ORDINALS = new Set([...'零一二三四五六七八九十'].map((ch) => ch.charCodeAt(0)));

/**
 * Whether a label can start with an ordinal marker, judged on its first character before
 * NFKC: an ASCII character must be a digit or "(", a CJK ideograph must be 一…十 or 零;
 * anything else (（, ①, ⑴, ㈠, ⼀ …) may fold into one and is read the long way.
 */
function mayStartOrdinal(label: string): boolean {
  let i = 0;
  while (i < label.length && isSpace(label.charCodeAt(i))) i++;
  const ch = label.charCodeAt(i);
  if (ch < 0x80) return (ch >= 48 && ch <= 57) || ch === 0x28;
  if (ch >= 0x4e00 && ch <= 0x9fff) return CHINESE_ORDINALS.has(ch);
  return i < label.length;
}

/** Reads a leading ordinal marker of a row label ("一、", "（一）", "1.", "①"). */
export function parseOrdinal(label: string): Ordinal | null {
  if (!mayStartOrdinal(label)) return null;
  const s = label.normalize('NFKC').trim();
  let m = ORDINAL_1.exec(s);
  if (m) return { level: 1, number: chineseNumber(m[1]), rest: m[2] };
  m = ORDINAL_2.exec(s);
  if (m) return { level: 2, number: chineseNumber(m[1]), rest: m[2] };
  m = ORDINAL_3.exec(s);
  if (m) return { level: 3, number: Number(m[1]), rest: m[2] };
  m = ORDINAL_3_BRACKETED.exec(s);
  if (m) return { level: 3, number: Number(m[1]), rest: m[2] };
  return null;
}

/** The label without its ordinal marker and without a leading 其中：. */
export function bareLabel(label: string, ordinal: Ordinal | null = parseOrdinal(label)): string {
  const s = ordinal ? ordinal.rest : label;
  return key(s.replace(SUBSET_PREFIX, ''));
}

export function isSubsetLabel(label: string): boolean {
  return norm(label).startsWith('其中');
}
