// codeParents: a row's parent is the first listing of its longest listed proper prefix (3 digits
// at least); with uniqueOnly a prefix listed twice is ambiguous and passed over. Table-driven.
import { codeParents } from '../../src/engine/code-parents';

interface Case {
  name: string;
  codes: (string | null)[];
  uniqueOnly: boolean;
  /** Expected parent code per row ('' for none), read back from the indices. */
  parents: string[];
}

const CASES: Case[] = [
  { name: '类/款/项 in order', codes: ['201', '20103', '2010301', '2010302', '20105', '2010506'], uniqueOnly: true, parents: ['', '201', '20103', '20103', '201', '20105'] },
  { name: 'a missing 款: the 项 hangs under its 类', codes: ['208', '2080501', '2080502'], uniqueOnly: true, parents: ['', '208', '208'] },
  { name: 'listed out of order', codes: ['2010301', '201', '20103'], uniqueOnly: true, parents: ['20103', '', '201'] },
  { name: 'economic codes', codes: ['301', '30101', '30199', '302', '30201'], uniqueOnly: true, parents: ['', '301', '301', '', '302'] },
  { name: 'a repeated code is no parent when unique ones are asked for', codes: ['201', '20103', '2010301', '20103'], uniqueOnly: true, parents: ['', '201', '201', '201'] },
  { name: 'a repeated code is a parent when any will do', codes: ['201', '20103', '2010301', '20103'], uniqueOnly: false, parents: ['', '201', '20103', '201'] },
  { name: 'uncoded rows have none and break nothing', codes: ['201', null, '20103', null], uniqueOnly: true, parents: ['', '', '201', ''] },
  { name: 'prefixes shorter than 3 digits are not parents', codes: ['20', '201', '20101'], uniqueOnly: true, parents: ['', '', '201'] },
  { name: 'a code is not its own prefix', codes: ['517', '517'], uniqueOnly: false, parents: ['', ''] },
  { name: 'unit codes', codes: ['517', '517001', '517002'], uniqueOnly: true, parents: ['', '517', '517'] },
  { name: 'no codes at all', codes: [null, null], uniqueOnly: true, parents: ['', ''] },
];

describe('codeParents', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const found = codeParents(c.codes, c.uniqueOnly);
    expect(found.map((p) => (p < 0 ? '' : (c.codes[p] as string)))).toEqual(c.parents);
    // The parent is the first listing of its code.
    found.forEach((p) => {
      if (p >= 0) expect(c.codes.indexOf(c.codes[p])).toBe(p);
    });
  });

  test('agrees with a brute-force search on shuffled code lists', () => {
    const base = ['201', '20101', '2010101', '2010102', '20102', '2010201', '205', '20501', '2050101', '301', '30101', '517', '517001'];
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 200; run++) {
      const codes = base.filter(() => rnd() < 0.7).concat(base.filter(() => rnd() < 0.1)).sort(() => rnd() - 0.5);
      for (const uniqueOnly of [true, false]) {
        const found = codeParents(codes, uniqueOnly);
        codes.forEach((code, i) => {
          let expected = -1;
          for (let len = code.length - 1; len >= 3 && expected < 0; len--) {
            const prefix = code.slice(0, len);
            const listed = codes.filter((c) => c === prefix).length;
            if (listed > 0 && (!uniqueOnly || listed === 1)) expected = codes.indexOf(prefix);
          }
          expect(found[i]).toBe(expected);
        });
      }
    }
  });
});
