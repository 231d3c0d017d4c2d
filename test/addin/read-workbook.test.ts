import { cellFormat, cellFormula, cellValue, sheetColCount, sheetRowCount, type SheetSnapshot } from '../../src/engine/grid';
import { PAYLOAD_LIMIT_BYTES } from '../../src/fake-excel';
import { budgetWorkbook, largeWorkbook } from './fixtures';
import { measure, setup } from './harness';

/** The cells as the engine sees them (values, formulas, formats) plus merges, for one deep compare. */
function view(sheet: SheetSnapshot, rows: number, cols: number) {
  const grid = <V>(f: (r: number, c: number) => V): V[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
  return {
    values: grid((r, c) => cellValue(sheet, r, c)),
    formulas: grid((r, c) => cellFormula(sheet, r, c)),
    formats: grid((r, c) => cellFormat(sheet, r, c)),
    merges: [...sheet.merges].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0),
  };
}

function sameCells(actual: SheetSnapshot, expected: SheetSnapshot): void {
  const rows = Math.max(sheetRowCount(actual), sheetRowCount(expected));
  const cols = Math.max(sheetColCount(actual), sheetColCount(expected));
  expect(view(actual, rows, cols)).toEqual(view(expected, rows, cols));
}

describe('readWorkbook', () => {
  test('round-trips values, formulas, number formats, merges, hidden sheets and text', async () => {
    const source = budgetWorkbook();
    const { host } = setup(source);
    const progress: string[] = [];
    const snap = await host.readWorkbook((p) => progress.push(`${p.sheetsDone}/${p.sheetsTotal}`));
    expect(snap.file).toBe(source.file);
    expect(snap.sheets.map((s) => s.name)).toEqual(source.sheets.map((s) => s.name));
    snap.sheets.forEach((s, i) => sameCells(s, source.sheets[i]));
    expect(snap.sheets[3].hidden).toBe(true);
    expect(snap.sheets[0].text?.[2]?.[1]).toBe('37.04');
    expect(progress[progress.length - 1]).toBe('4/4');
  });

  test('skips the add-in’s own results sheet; works without merged-area API (1.9)', async () => {
    const source = budgetWorkbook();
    source.sheets.push({ name: '审核结果', values: [['表格']], merges: [] });
    const { host } = setup(source, { apiMinor: 9 });
    const snap = await host.readWorkbook();
    expect(snap.sheets.map((s) => s.name)).not.toContain('审核结果');
    expect(snap.sheets.every((s) => s.merges.length === 0)).toBe(true);
    expect(snap.file).toBe(source.file);
  });

  test('an empty sheet reads as an empty grid', async () => {
    const { host } = setup({ file: 'e.xlsx', sheets: [{ name: '空表', values: [], merges: [] }] });
    const snap = await host.readWorkbook();
    expect(snap.sheets[0].values).toEqual([]);
  });

  test('falls back to reading without merges when a band has more than 512 merged areas', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({ r0: i, c0: 0, r1: i, c1: 1 }));
    const values = Array.from({ length: 600 }, (_, i) => [`行${i}`, null, i]);
    const { host } = setup({ file: 'm.xlsx', sheets: [{ name: 'M', values, merges }] });
    const snap = await host.readWorkbook();
    expect(cellValue(snap.sheets[0], 599, 2)).toBe(599);
  });

  test('30 sheets / 200,000 cells: few syncs, every request and response under 5 MB', async () => {
    const source = largeWorkbook(30, 200_000);
    const { fake, host } = setup(source);
    const m = await measure(fake, () => host.readWorkbook());
    const cells = m.result.sheets.reduce((n, s) => n + sheetRowCount(s) * sheetColCount(s), 0);
    const bytes = fake.workbook.stats.responseBytes;
    console.log(
      `read 30 sheets / ${cells} cells: ${m.syncs} syncs, total response ${(bytes / 1048576).toFixed(2)} MB, ` +
        `max request ${m.maxRequestBytes} B, max response ${m.maxResponseBytes} B, ${fake.workbook.stats.operations} operations; ` +
        JSON.stringify(fake.workbook.stats.history.map((h) => h.responseBytes))
    );
    expect(cells).toBeGreaterThanOrEqual(200_000);
    m.result.sheets.forEach((s, i) => sameCells(s, source.sheets[i]));
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(m.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    // The 5 MB cap is per sync, so ~8 MB of grid data (values + text + formulas + numberFormat,
    // ~40 B/cell as JSON) needs two data-carrying syncs after the sheet list.
    expect(m.syncs).toBeLessThanOrEqual(3);
    // Range proxies per row chunk and merge band, never per cell.
    expect(fake.workbook.stats.operations).toBeLessThan(cells / 500);
  });

  test('30 sheets / 80,000 cells: read whole with the used-range sync, 2 syncs', async () => {
    const { fake, host } = setup(largeWorkbook(30, 80_000));
    const m = await measure(fake, () => host.readWorkbook());
    console.log(`read 30 sheets / 80k cells: ${m.syncs} syncs, max response ${m.maxResponseBytes} B`);
    expect(m.syncs).toBe(2);
    expect(m.maxResponseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });

  test('sheets far wider than assumed: the overflowing lead is dropped and the read still completes', async () => {
    const source = largeWorkbook(20, 150_000, 100);
    const { fake, host } = setup(source);
    const m = await measure(fake, () => host.readWorkbook());
    const failed = fake.workbook.stats.history.filter((h) => h.error).map((h) => h.error);
    console.log(`read 20 wide sheets / 150k cells: ${m.syncs} syncs (failed: ${failed.join(',') || 'none'}), max response ${m.maxResponseBytes} B`);
    m.result.sheets.forEach((s, i) => sameCells(s, source.sheets[i]));
    expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    for (const h of fake.workbook.stats.history.filter((x) => !x.error)) expect(h.responseBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});
