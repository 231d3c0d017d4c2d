// The engine's small collection helpers: flatMap and mapped match Array.prototype's, Memo computes
// once per key and stays bounded.
import fc from 'fast-check';
import { doubles, flatMap, mapped, Memo } from '../../src/engine/collections';

describe('flatMap', () => {
  test('gives what Array.prototype.flatMap gives', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 5 }), { maxLength: 30 }), (lists) => {
        const f = (xs: number[], i: number): number[] => xs.map((x) => x + i);
        expect(flatMap(lists, f)).toEqual(lists.flatMap(f));
      }),
      { seed: 11 },
    );
  });
});

describe('mapped', () => {
  test('gives what Array.prototype.map gives, with no holes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.string(), fc.constant(null)), { maxLength: 40 }), (items) => {
        const f = (x: unknown, i: number): string => `${i}:${String(x)}`;
        const out = mapped(items, f);
        expect(out).toEqual(items.map(f));
        expect(Object.keys(out)).toHaveLength(items.length);
      }),
      { seed: 12 },
    );
  });
});

describe('doubles', () => {
  test.each([0, 1, 7, 1000])('%i zeros, no holes, that take any number', (n) => {
    const a = doubles(n);
    expect(a).toEqual(new Array(n).fill(0));
    expect(Object.keys(a)).toHaveLength(n);
    if (n > 0) {
      a[n - 1] += 1.5e10;
      expect(a[n - 1]).toBe(1.5e10);
    }
  });
});

describe('Memo', () => {
  test('computes once per key, with the input of the first call', () => {
    const calls: string[] = [];
    const memo = new Memo<string, number>((key, n) => {
      calls.push(key);
      return `${key}:${n}`;
    });
    expect(memo.get('a', 1)).toBe('a:1');
    expect(memo.get('a', 2)).toBe('a:1');
    expect(memo.get('b', 3)).toBe('b:3');
    expect(calls).toEqual(['a', 'b']);
  });

  test('is bounded: past its limit it starts over rather than grow', () => {
    let computed = 0;
    const memo = new Memo<number>(() => ++computed, 3);
    for (const k of ['a', 'b', 'c', 'd']) memo.get(k);
    expect(computed).toBe(4);
    memo.get('a'); // forgotten when the memo started over at 'd'
    expect(computed).toBe(5);
    memo.get('d');
    expect(computed).toBe(5);
  });
});
