import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { InputError, type InputErrorCode } from '../../src/io/errors';
import { formatNumber } from '../../src/io/number-text';
import { readWorkbookBuffer, readWorkbookFile } from '../../src/io/xlsx-read';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xlsx-read-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收支总表');
  ws.getCell('A1').value = '2023年部门收支总体情况表';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = '单位：万元';
  ws.getCell('A3').value = '收入';
  ws.mergeCells('A3:B3');
  ws.getCell('C3').value = '支出';
  ws.mergeCells('C3:D3');
  ws.getCell('A4').value = { richText: [{ text: '一般公共', font: { bold: true } }, { text: '预算拨款' }] };
  ws.getCell('B4').value = 780.84;
  ws.getCell('B4').numFmt = '0.00';
  ws.getCell('C4').value = 1234567.5;
  ws.getCell('C4').numFmt = '#,##0.00';
  ws.getCell('D4').value = 0.1 + 0.2;
  ws.getCell('D4').numFmt = '0.00';
  ws.getCell('B5').value = 1.005;
  ws.getCell('B5').numFmt = '0.00';
  ws.getCell('C5').value = 0.7164;
  ws.getCell('C5').numFmt = '0.00%';
  ws.getCell('D5').value = { formula: 'B4+B5', result: 781.845 };
  ws.getCell('D5').numFmt = '0.00';
  ws.getCell('A6').value = true;
  ws.getCell('B6').value = new Date(Date.UTC(2023, 0, 15));
  ws.getCell('C6').value = { error: '#DIV/0!' };
  ws.getCell('D6').value = 2518;
  ws.getCell('D6').numFmt = '#,##0';
  ws.getCell('F8').value = 0; // last used cell: sizes the arrays
  ws.getCell('F8').numFmt = '0';
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('B2').value = '内部';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readWorkbookBuffer round trip', () => {
  let wbk: Awaited<ReturnType<typeof readWorkbookBuffer>>;
  beforeAll(async () => {
    wbk = await readWorkbookBuffer(await sampleWorkbook(), '/some/dir/样例.xlsx');
  });

  test('file name and sheets', () => {
    expect(wbk.file).toBe('样例.xlsx');
    expect(wbk.sheets.map((s) => s.name)).toEqual(['收支总表', '隐藏']);
    expect(wbk.sheets[0].hidden).toBeUndefined();
    expect(wbk.sheets[1].hidden).toBe(true);
  });

  test('dense arrays sized to the used range', () => {
    const s = wbk.sheets[0];
    expect(s.values).toHaveLength(8);
    for (const row of s.values) expect(row).toHaveLength(6);
    expect(s.text).toHaveLength(8);
    expect(s.formulas?.[7]).toHaveLength(6);
    expect(s.numberFormats?.[7]).toHaveLength(6);
    expect(wbk.sheets[1].values).toEqual([[null, null], [null, '内部']]);
  });

  test('values', () => {
    const v = wbk.sheets[0].values;
    expect(v[0][0]).toBe('2023年部门收支总体情况表');
    expect(v[0][1]).toBeNull(); // merged slave
    expect(v[3][0]).toBe('一般公共预算拨款');
    expect(v[3][1]).toBe(780.84);
    expect(v[4][3]).toBe(781.845); // formula → cached result
    expect(v[5][0]).toBe(true);
    expect(v[5][1]).toBe('2023-01-15');
    expect(v[5][2]).toBe('#DIV/0!');
    expect(v[7][5]).toBe(0);
    expect(v[6][0]).toBeNull();
  });

  test('displayed text uses exact decimal rounding', () => {
    const t = wbk.sheets[0].text!;
    expect(t[3][1]).toBe('780.84');
    expect(t[3][2]).toBe('1,234,567.50');
    expect(t[3][3]).toBe('0.30');
    expect(t[4][1]).toBe('1.01');
    expect(t[4][2]).toBe('71.64%');
    expect(t[4][3]).toBe('781.85');
    expect(t[5][3]).toBe('2,518');
    expect(t[7][5]).toBe('0');
    expect(t[6][0]).toBeNull();
  });

  test('formulas and number formats', () => {
    const s = wbk.sheets[0];
    expect(s.formulas![4][3]).toBe('=B4+B5');
    expect(s.formulas![3][1]).toBeNull();
    expect(s.numberFormats![3][2]).toBe('#,##0.00');
    expect(s.numberFormats![4][2]).toBe('0.00%');
    expect(s.numberFormats![0][0]).toBeNull();
  });

  test('merges are zero-based inclusive', () => {
    expect(wbk.sheets[0].merges).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 3 },
      { r0: 2, c0: 0, r1: 2, c1: 1 },
      { r0: 2, c0: 2, r1: 2, c1: 3 },
    ]);
  });
});

describe('formatNumber', () => {
  test.each<[number, string | null, string]>([
    [0.1 + 0.2, null, '0.3'],
    [2.675, '0.00', '2.68'],
    [-2.675, '0.00', '-2.68'],
    [-0.001, '0.00', '0.00'],
    [1234.5, '#,##0', '1,235'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [0.125, '0%', '13%'],
    [12.5, '0.00_ ', '12.50'],
    [-5, '#,##0.00;[Red]\\(#,##0.00\\)', '(5.00)'],
    [0, '0.00;-0.00;"-"', '-'],
    [45000, 'yyyy-mm-dd', '45000'],
    [42, '0"元"', '42元'],
  ])('%p with %p → %p', (v, fmt, want) => {
    expect(formatNumber(v, fmt)).toBe(want);
  });
});

describe('input errors', () => {
  async function expectCode(file: string, code: InputErrorCode, messagePart?: string): Promise<void> {
    const err: unknown = await readWorkbookFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const ie = err as InputError;
    expect(ie.code).toBe(code);
    expect(ie.message).not.toMatch(/\n|at .*\.js/);
    if (messagePart) expect(ie.message).toContain(messagePart);
  }
  async function write(name: string, data: Buffer): Promise<string> {
    const p = path.join(dir, name);
    await fs.writeFile(p, data);
    return p;
  }
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  test('missing file', () => expectCode(path.join(dir, '不存在.xlsx'), 'not_found', '找不到'));
  test('directory', () => expectCode(dir, 'not_file'));
  test('random bytes', async () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    await expectCode(await write('random.xlsx', bytes), 'not_xlsx');
  });
  test('zero bytes', async () => expectCode(await write('zero.xlsx', Buffer.alloc(0)), 'not_xlsx'));
  test('legacy OLE .xls', async () => {
    const p = await write('old.xls', Buffer.concat([ole, Buffer.alloc(1024)]));
    await expectCode(p, 'legacy_xls', '另存为 .xlsx');
  });
  test('encrypted OLE', async () => {
    const p = await write('locked.xlsx', Buffer.concat([ole, Buffer.alloc(512), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(512)]));
    await expectCode(p, 'encrypted', '密码');
  });
  test('truncated xlsx', async () => {
    const good = await sampleWorkbook();
    await expectCode(await write('cut.xlsx', good.subarray(0, Math.floor(good.length / 2))), 'corrupt', '已损坏或不完整');
  });
  test('zip that is not a workbook', async () => {
    const good = await sampleWorkbook();
    // Damage the middle (compressed data) but keep the ZIP framing intact.
    const bad = Buffer.from(good);
    for (let i = 200; i < bad.length - 400; i++) bad[i] = 0x55;
    await expectCode(await write('garbled.xlsx', bad), 'corrupt', '已损坏或不完整');
  });
  test('workbook without cells', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('B2').numFmt = '0.00'; // styled but empty
    await expectCode(await write('empty.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 'empty');
  });
  test('workbook without worksheets', async () => {
    const wb = new ExcelJS.Workbook();
    await expectCode(await write('nosheet.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 'empty');
  });
});

describe('formatNumber agrees with decimal.js ROUND_HALF_UP', () => {
  test('property', () => {
    const formats: [string, number, boolean][] = [
      ['0', 0, false],
      ['0.00', 2, false],
      ['#,##0.00', 2, false],
      ['0.00%', 2, true],
      ['0%', 0, true],
    ];
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: formats.length - 1 }), (v, i) => {
        const [fmt, decimals, percent] = formats[i];
        const d = new Decimal(v).times(percent ? 100 : 1).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
        const plain = (d.isZero() ? d.abs() : d).toFixed(decimals);
        const shown = formatNumber(v, fmt).replace(/,/g, '').replace('%', '');
        expect(shown).toBe(plain);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('used range', () => {
  test('covers merged areas beyond the last value', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.getCell('A1').value = '标题';
    ws.mergeCells('A1:E2');
    ws.getCell('B3').value = 1;
    const snap = await readWorkbookBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 't.xlsx');
    expect(snap.sheets[0].values).toHaveLength(3);
    expect(snap.sheets[0].values[0]).toHaveLength(5);
    expect(snap.sheets[0].merges).toEqual([{ r0: 0, c0: 0, r1: 1, c1: 4 }]);
  });
});
