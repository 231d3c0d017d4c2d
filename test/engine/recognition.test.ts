// Every table of every seed fixture is recognized with the right type (expected.json
// lists the type per sheet, decided by reading the source documents).
import { checkSeed, expectedTypes, seedFiles } from './seed-support';

describe.each(seedFiles())('recognition of %s', (file) => {
  const expected = expectedTypes()[file];

  test.each(expected.map((e) => [e.sheet, e.type] as const))('sheet %s is %s', async (sheet, type) => {
    const report = await checkSeed(file);
    const tables = report.tables.filter((t) => t.sheet === sheet);
    if (type === null) {
      expect(tables.filter((t) => t.type !== 'unknown')).toEqual([]);
    } else {
      expect(tables.map((t) => t.type)).toEqual([type]);
      expect(tables[0].confidence).toBeGreaterThanOrEqual(0.6);
    }
  });

  test('table ranges start at the title row and cover the data', async () => {
    const report = await checkSeed(file);
    for (const e of expected.filter((x) => x.range !== null)) {
      const t = report.tables.find((x) => x.sheet === e.sheet);
      expect({ sheet: e.sheet, range: t?.range }).toEqual({ sheet: e.sheet, range: e.range });
    }
  });
});
