// Text normalization: full-width → half-width, spaces inside words removed, quote
// variants unified. Recognition compares normalized text only.

const QUOTES = /[“”"‘’'「」『』〝〞]/g;

/** NFKC folds full-width letters, digits and brackets; spaces are removed everywhere. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(QUOTES, '').replace(/[\s\u3000]+/g, '');
}

/** Like norm, and drops brackets and punctuation that vary between templates. */
export function key(s: string): string {
  return norm(s).replace(/[()（）\[\]【】<>《》:：,，.。、;；·]/g, '');
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

/** Chinese numeral up to 99 ("二十三") to number; NaN when it is not one. */
export function chineseNumber(s: string): number {
  if (!/^[零一二三四五六七八九十]+$/.test(s)) return NaN;
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    const tens = a === '' ? 1 : CN_DIGITS[a];
    const ones = b === '' ? 0 : CN_DIGITS[b];
    return tens * 10 + ones;
  }
  return s.length === 1 ? CN_DIGITS[s] : NaN;
}

export interface Ordinal {
  /** 1 for 一、 2 for （一） 3 for 1. / ① */
  level: number;
  number: number;
  rest: string;
}

/** Reads a leading ordinal marker of a row label ("一、", "（一）", "1.", "①"). */
export function parseOrdinal(label: string): Ordinal | null {
  const s = label.normalize('NFKC').trim();
  let m = /^([零一二三四五六七八九十]+)[、.．,，]\s*(.*)$/.exec(s);
  if (m) return { level: 1, number: chineseNumber(m[1]), rest: m[2] };
  m = /^\(([零一二三四五六七八九十]+)\)\s*(.*)$/.exec(s);
  if (m) return { level: 2, number: chineseNumber(m[1]), rest: m[2] };
  m = /^(\d{1,2})[、.．]\s*(\D.*)$/.exec(s);
  if (m) return { level: 3, number: Number(m[1]), rest: m[2] };
  m = /^\((\d{1,2})\)\s*(.*)$/.exec(s);
  if (m) return { level: 3, number: Number(m[1]), rest: m[2] };
  m = /^([\u2460-\u2473])\s*(.*)$/.exec(s);
  if (m) return { level: 3, number: m[1].charCodeAt(0) - 0x245f, rest: m[2] };
  return null;
}

/** The label without its ordinal marker and without a leading 其中：. */
export function bareLabel(label: string): string {
  const o = parseOrdinal(label);
  const s = o ? o.rest : label;
  return key(s.replace(/^\s*其中\s*[:：]?/, ''));
}

export function isSubsetLabel(label: string): boolean {
  return /^其中/.test(norm(label));
}
