// Displayed text (Range.text) for the few number formats budget tables use; others fall back
// to General. Enough for tests; real Excel renders every format.
import type { Scalar } from './model';

export function displayText(value: Scalar | null, format: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const m = /^(#,##)?0(\.(0+))?(%?)$/.exec(format);
  if (!m) return general(value);
  const scaled = m[4] ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(m[3]?.length ?? 0);
  const [int, frac] = fixed.split('.');
  const grouped = m[1] ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
  const negative = scaled < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${frac ? '.' + frac : ''}${m[4]}`;
}

function general(n: number): string {
  return String(Number(n.toPrecision(11)));
}
