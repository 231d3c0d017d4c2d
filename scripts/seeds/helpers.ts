// Small helpers for writing seed layouts compactly.

/** The same repair for every line from..to: `{ 580: op, 581: op, … }`. */
export function lines<T>(from: number, to: number, op: T): Record<number, T> {
  const out: Record<number, T> = {};
  for (let n = from; n <= to; n++) out[n] = op;
  return out;
}
