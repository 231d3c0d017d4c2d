// Classification codes are digit strings whose prefixes are their ancestors (2101101 →
// 21011 → 210). In code order a row's ancestors come right before its subtree, so one walk
// with a stack finds every row's parent: no map, no prefix strings (this runs for every coded
// row of a workbook).

interface Open<T> {
  code: string;
  first: T;
  /** How many rows carry this code. */
  count: number;
  parent: T | undefined;
}

/**
 * Each item's parent: the first item of the longest proper prefix of its code (3 digits at
 * least) that is listed. With `uniqueOnly`, a prefix listed more than once is ambiguous and
 * passed over for a shorter one. Items without a code have none.
 */
export function codeParents<T>(items: readonly T[], codeOf: (item: T) => string | null, uniqueOnly: boolean): (T | undefined)[] {
  const parents: (T | undefined)[] = new Array<T | undefined>(items.length).fill(undefined);
  const order: number[] = [];
  for (let i = 0; i < items.length; i++) if (codeOf(items[i])) order.push(i);
  const code = (i: number): string => codeOf(items[i]) as string;
  // Equal codes stay in listing order, so a code's first item is its first row.
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k++) sorted = code(order[k - 1]) <= code(order[k]);
  if (!sorted) order.sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : a - b));
  const stack: Open<T>[] = [];
  for (const i of order) {
    const c = code(i);
    while (stack.length > 0 && !c.startsWith(stack[stack.length - 1].code)) stack.pop();
    const top = stack[stack.length - 1];
    if (top && top.code === c) {
      // A repeat sorts right after its first row, before any code it is a prefix of.
      top.count++;
      parents[i] = top.parent;
      continue;
    }
    let parent: T | undefined;
    for (let k = stack.length - 1; k >= 0 && parent === undefined; k--) {
      const e = stack[k];
      if (e.code.length >= 3 && (!uniqueOnly || e.count === 1)) parent = e.first;
    }
    parents[i] = parent;
    stack.push({ code: c, first: items[i], count: 1, parent });
  }
  return parents;
}
