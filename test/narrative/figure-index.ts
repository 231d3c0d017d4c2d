// A small FigureIndex for tests: exact name match (text.key), like the engine's contract.
import { Dec } from '../../src/engine/amount';
import { key } from '../../src/engine/text';
import type { Figure, FigureIndex } from '../../src/engine/workbook/figures';

/** [name, value, "Sheet!A1"], optionally unit (万元), decimals (2), year (null). */
export type FigureRow = [string, string, string, string?, number?, (number | null)?];

export function makeIndex(rows: FigureRow[]): FigureIndex {
  const figures: Figure[] = rows.map(([name, value, at, unit = '万元', decimals = 2, year = null], i) => {
    const [sheet, cell] = at.split('!');
    return { name: key(name), value: new Dec(value), unit, decimals, sheet, cell, table: `t${i + 1}`, year };
  });
  return {
    find: (subject) => figures.filter((f) => f.name === key(subject)),
    all: () => figures,
  };
}
