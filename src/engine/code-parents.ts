// Classification codes are digit strings whose prefixes are their ancestors (2101101 →
// 21011 → 210). In code order a row's ancestors come right before its subtree, so one walk
// with a stack finds every row's parent: no map, no prefix strings (this runs for every coded
// row of a workbook).

/**
 * Each item's parent: the first item of the longest proper prefix of its code (3 digits at
 * least) that is listed. With `uniqueOnly`, a prefix listed more than once is ambiguous and
 * passed over for a shorter one. Items without a code have none.
 */
export function codeParents<T>(items: readonly T[], codeOf: (item: T) => string | null, uniqueOnly: boolean): (T | undefined)[] {
  const parents: (T | undefined)[] = new Array<T | undefined>(items.length).fill(undefined);
  const order: number[] = [];
  const codes: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = codeOf(items[i]);
    codes.push(c ?? '');
    if (c) order.push(i);
  }
  // Equal codes stay in listing order, so a code's first item is its first row.
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k++) sorted = codes[order[k - 1]] <= codes[order[k]];
  if (!sorted) order.sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : a - b));
  // The open codes, outermost first: each with its first item and how many rows carry it.
  const open: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    const c = codes[i];
    while (open.length > 0 && !c.startsWith(codes[open[open.length - 1]])) {
      open.pop();
      count.pop();
    }
    const top = open.length - 1;
    if (top >= 0 && codes[open[top]] === c) {
      // A repeat sorts right after its first row, before any code it is a prefix of.
      count[top]++;
      parents[i] = parents[open[top]];
      continue;
    }
    for (let k = top; k >= 0 && parents[i] === undefined; k--) {
      if (codes[open[k]].length >= 3 && (!uniqueOnly || count[k] === 1)) parents[i] = items[open[k]];
    }
    open.push(i);
    count.push(1);
  }
  return parents;
}
