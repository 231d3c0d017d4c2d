// Grouping without copying: appending to a map of lists stays linear on large workbooks.

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Array.prototype.map whose result is always a packed array. V8's optimized map returns a holey
 * one, so arrays built before and after a function is optimized differ in hidden class and the
 * optimized code reading them is thrown away and rebuilt: structures read per row use this.
 */
export function mapped<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i], i));
  return out;
}

/**
 * n zeros in an array of doubles from the start: an array that turns from small integers to
 * doubles halfway changes its hidden class, and the optimized readers of every such array are thrown away.
 */
export function doubles(n: number): number[] {
  const a = [0.5];
  a.length = n;
  return a.fill(0);
}

/**
 * Array.prototype.flatMap without its generic per-element lookups: V8's flatMap is an order
 * of magnitude slower, which shows on workbooks of a million cells.
 */
export function flatMap<T, U>(items: readonly T[], f: (item: T, index: number) => readonly U[]): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) {
    const part = f(items[i], i);
    for (let k = 0; k < part.length; k++) out.push(part[k]);
  }
  return out;
}

/**
 * A function of a string key, remembered: the same labels, codes and templates recur in every
 * department's tables. `input` carries what the key stands for, for the first computation.
 * Bounded in entries and key length (a 说明 paragraph is computed, not kept), so a
 * long-running task pane does not hold on to old workbooks' texts.
 */
export class Memo<V, I = void> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly compute: (key: string, input: I) => V,
    private readonly limit = 50_000,
    private readonly maxKeyLength = 64,
  ) {}

  get(key: string, input: I): V {
    if (key.length > this.maxKeyLength) return this.compute(key, input);
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.limit) this.map.clear();
      v = this.compute(key, input);
      this.map.set(key, v);
    }
    return v;
  }
}
