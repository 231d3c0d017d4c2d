// The fake host must enforce Excel's rules, or the adapter tests prove nothing.
import { createFakeExcel, FakeExcelError, PAYLOAD_LIMIT_BYTES, type FakeExcel } from '../../src/fake-excel';
import type { FakeExcelContext } from '../../src/fake-excel';
import { budgetWorkbook } from './fixtures';

async function run<T>(fake: FakeExcel, batch: (ctx: FakeExcelContext) => Promise<T>): Promise<T> {
  return fake.excel.run(batch);
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeExcelError);
    return (e as FakeExcelError).code;
  }
}

describe('fake Excel host', () => {
  test('reading a property before load + sync throws PropertyNotLoaded', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    await run(fake, async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('收支总表').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values[1][0]).toBe('项目');
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('writes are queued and reach the document only on sync', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    await run(fake, async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('收支总表').getRange('B3');
      cell.values = [[42]];
      cell.format.fill.color = '#ff0000';
      expect(fake.workbook.cell('收支总表', 'B3')).toMatchObject({ value: 37.04, fill: null });
      await ctx.sync();
      expect(fake.workbook.cell('收支总表', 'B3')).toMatchObject({ value: 42, fill: '#FF0000' });
    });
  });

  test('a string starting with = becomes a formula unless the cell is formatted as text', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('收支总表');
      ws.getRange('A20:C20').values = [['=1+1', '-差额', '007']];
      const text = ws.getRange('A21:C21');
      text.numberFormat = [['@', '@', '@']];
      text.values = [['=1+1', '-差额', '007']];
      await ctx.sync();
    });
    expect(fake.workbook.cell('收支总表', 'A20')).toMatchObject({ formula: '=1+1' });
    expect(fake.workbook.cell('收支总表', 'B20').formula).toBe('=-差额');
    expect(fake.workbook.cell('收支总表', 'C20').value).toBe(7);
    expect(fake.workbook.cell('收支总表', 'A21')).toMatchObject({ value: '=1+1', formula: null });
    expect(fake.workbook.cell('收支总表', 'C21').value).toBe('007');
  });

  test('*OrNullObject reports isNullObject after sync; getItem of a missing sheet fails at sync', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    await run(fake, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('不存在');
      const present = ctx.workbook.worksheets.getItemOrNullObject('收支总表');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      ctx.workbook.worksheets.getItem('不存在').load('name');
      expect(await codeOf(ctx.sync())).toBe('ItemNotFound');
    });
  });

  test('APIs above the configured ExcelApi version fail with ApiNotFound', async () => {
    const fake = createFakeExcel(budgetWorkbook(), { apiMinor: 14 });
    expect(fake.office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(true);
    expect(fake.office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    await run(fake, async (ctx) => {
      ctx.workbook.notes.add('收支总表!A1', 'x');
      expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
      ctx.workbook.comments.add('收支总表!A1', 'x');
      await ctx.sync();
    });
    expect(fake.workbook.cell('收支总表', 'A1').comment?.content).toBe('x');
    const old = createFakeExcel(budgetWorkbook(), { apiMinor: 8 });
    await run(old, async (ctx) => {
      ctx.workbook.worksheets.getItem('收支总表').getRanges('A1,B2').format.fill.color = '#FF0000';
      expect(await codeOf(ctx.sync())).toBe('ApiNotFound');
    });
  });

  test('a request above 5 MB fails with RequestPayloadSizeLimitExceeded and changes nothing', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    const big = Array.from({ length: 3000 }, () => Array.from({ length: 100 }, () => '预算数据预算数据'));
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('收支总表').getRangeByIndexes(0, 0, 3000, 100).values = big;
      expect(await codeOf(ctx.sync())).toBe('RequestPayloadSizeLimitExceeded');
    });
    expect(fake.workbook.stats.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(fake.workbook.cell('收支总表', 'A1').value).toBe('收支总表（单位：万元）');
  });

  test('a response above 5 MB fails with ResponsePayloadSizeLimitExceeded; ranges above 5M cells are rejected', async () => {
    const sheet = { name: 'Big', values: Array.from({ length: 2500 }, () => Array.from({ length: 50 }, () => '一般公共服务支出一般公共服务支出')), merges: [] };
    const fake = createFakeExcel({ file: 'big.xlsx', sheets: [sheet] });
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('Big').getRange('A1:AX2500').load('values,text');
      expect(await codeOf(ctx.sync())).toBe('ResponsePayloadSizeLimitExceeded');
      ctx.workbook.worksheets.getItem('Big').getRange('A:Z').load('values');
      expect(await codeOf(ctx.sync())).toBe('RangeExceedsLimit');
    });
  });

  test('writing to a protected sheet fails at sync with AccessDenied', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    fake.workbook.setProtected('收支总表', true);
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('收支总表');
      ws.protection.load('protected');
      await ctx.sync();
      expect(ws.protection.protected).toBe(true);
      ws.getRange('B3').format.fill.color = '#FF0000';
      expect(await codeOf(ctx.sync())).toBe('AccessDenied');
    });
    expect(fake.workbook.cell('收支总表', 'B3').fill).toBeNull();
  });

  test('merged areas: only areas starting in the range; more than 512 fails', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({ r0: i, c0: 0, r1: i, c1: 1 }));
    const fake = createFakeExcel({ file: 'm.xlsx', sheets: [{ name: 'M', values: [['a']], merges }] });
    await run(fake, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('M');
      const some = ws.getRange('B1:C10').getMergedAreasOrNullObject().load('address');
      const few = ws.getRange('A1:C3').getMergedAreasOrNullObject().load('address,areaCount');
      await ctx.sync();
      expect(some.isNullObject).toBe(true);
      expect(few.address).toBe('M!A1:B1, M!A2:B2, M!A3:B3');
      ws.getRange('A1:B600').getMergedAreasOrNullObject().load('address');
      expect(await codeOf(ctx.sync())).toBe('GeneralException');
    });
  });

  test('counts syncs and bytes; notifies change listeners after a sync', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    const seen: string[][] = [];
    fake.workbook.onChange((c) => seen.push(c));
    await run(fake, async (ctx) => {
      ctx.workbook.worksheets.getItem('收支总表').getRange('A1').load('values');
      await ctx.sync();
      ctx.workbook.worksheets.getItem('收支总表').getRange('C3').select();
      await ctx.sync();
    });
    expect(fake.workbook.stats).toMatchObject({ syncs: 2, runs: 1 });
    expect(fake.workbook.stats.responseBytes).toBeGreaterThan(0);
    expect(seen).toEqual([['selection']]);
    expect(fake.workbook.selection).toEqual({ sheet: '收支总表', address: '收支总表!C3' });
  });

  test('custom XML parts and settings round-trip', async () => {
    const fake = createFakeExcel(budgetWorkbook());
    await run(fake, async (ctx) => {
      ctx.workbook.customXmlParts.add('<r xmlns="urn:x">1</r>');
      ctx.workbook.settings.add('k', { a: 1 });
      await ctx.sync();
      const parts = ctx.workbook.customXmlParts.getByNamespace('urn:x').load('items/id');
      const setting = ctx.workbook.settings.getItem('k').load('value');
      await ctx.sync();
      const xml = parts.items[0].getXml();
      expect(() => xml.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(xml.value).toBe('<r xmlns="urn:x">1</r>');
      expect(setting.value).toEqual({ a: 1 });
    });
  });
});
