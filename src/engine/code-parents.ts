// Classification codes are digit strings whose prefixes are their ancestors (2101101 →
// 21011 → 210). In code order a row's ancestors come right before its subtree, so one walk
// with a stack finds every row's parent: no map, no prefix strings (this runs for every coded
// row of a workbook).

/**
 * Each code's parent, as an index into `codes` (-1 for none): the first listing of the
 * longest proper prefix (3 digits at least) that is listed. With `uniqueOnly`, a prefix
 * listed more than once is ambiguous and passed over for a shorter one. Null codes have none.
 */
export function codeParents(codes: readonly (string | null)[], uniqueOnly: boolean): number[] {
  const parents = new Array<number>(codes.length).fill(-1);
  const order: number[] = [];
  for (let i = 0; i < codes.length; i++) if (codes[i]) order.push(i);
  const code = (i: number): string => codes[i] as string;
  // Equal codes stay in listing order, so a code's first listing comes first.
  let sorted = true;
  for (let k = 1; k < order.length && sorted; k++) sorted = code(order[k - 1]) <= code(order[k]);
  if (!sorted) order.sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : a - b));
  // The open codes, outermost first: each by its first listing, and how many listings it has.
  const open: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    const c = code(i);
    while (open.length > 0 && !c.startsWith(code(open[open.length - 1]))) {
      open.pop();
      count.pop();
    }
    const top = open.length - 1;
    if (top >= 0 && code(open[top]) === c) {
      // A repeat sorts right after its first listing, before any code it is a prefix of.
      count[top]++;
      parents[i] = parents[open[top]];
      continue;
    }
    for (let k = top; k >= 0 && parents[i] < 0; k--) {
      if (code(open[k]).length >= 3 && (!uniqueOnly || count[k] === 1)) parents[i] = open[k];
    }
    open.push(i);
    count.push(1);
  }
  return parents;
}
