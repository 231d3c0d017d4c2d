import { HostError } from '../../src/addin/host';
import { REPORT_SCHEMA, type Report } from '../../src/engine/report';
import { budgetWorkbook, finding } from './fixtures';
import { measure, setup } from './harness';

const REPORT: Report = {
  schema: REPORT_SCHEMA,
  file: '某局2024年部门预算.xlsx',
  tables: [{ id: 't1', sheet: '收支总表', range: 'A1:E9', type: 'budget.summary', title: '收支总表', unit: '万元', confidence: 0.9 }],
  findings: [
    finding('收支总表', 'B9', 'error', { message: '=SUM(B3:B8) 与合计不符', expected: '=777.75', actual: '+777.70', difference: '-0.05' }),
    finding('Sheet 3', 'C4', 'rounding', { message: '@尾差', tolerance: '001' }),
  ],
};

describe('exportFindings', () => {
  test('writes a results sheet as text, with hyperlinks to the cells, replacing an old one', async () => {
    const { fake, host } = setup(budgetWorkbook());
    expect(await host.exportFindings(REPORT)).toBe('审核结果');
    const m = await measure(fake, () => host.exportFindings(REPORT));
    console.log(`export 2 findings: ${m.syncs} syncs, max request ${m.maxRequestBytes} B`);
    expect(fake.workbook.sheetNames().filter((n) => n === '审核结果')).toHaveLength(1);
    const row = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'].map((c) => fake.workbook.cell('审核结果', `${c}2`));
    expect(row.map((c) => c.value)).toEqual(['收支总表', '收支总表', 'B9', 'sum.rows', '错误', '=777.75', '+777.70', '-0.05', '0.01', '=SUM(B3:B8) 与合计不符']);
    expect(row.every((c) => c.formula === null)).toBe(true);
    expect(fake.workbook.cell('审核结果', 'J3').value).toBe('@尾差');
    expect(fake.workbook.cell('审核结果', 'I3').value).toBe('001');
    expect(fake.workbook.cell('审核结果', 'A1').value).toBe('表格');
    expect(row[2].hyperlink).toMatchObject({ documentReference: '收支总表!B9', textToDisplay: 'B9' });
    expect(fake.workbook.cell('审核结果', 'C3').hyperlink?.documentReference).toBe("'Sheet 3'!C4");
    expect(fake.workbook.activeSheet).toBe('审核结果');
  });

  test('a finding on a sheet that no longer exists is listed without a link', async () => {
    const { fake, host } = setup(budgetWorkbook());
    await host.exportFindings({ ...REPORT, findings: [finding('已删除', 'A1')] });
    expect(fake.workbook.cell('审核结果', 'C2')).toMatchObject({ value: 'A1', hyperlink: null });
  });

  test('thousands of findings are written in batches under 5 MB', async () => {
    const { fake, host } = setup(budgetWorkbook());
    const many = { ...REPORT, findings: Array.from({ length: 20_000 }, (_, i) => finding('收支总表', `B${i + 3}`, 'warning', { message: '说明'.repeat(20) })) };
    const m = await measure(fake, () => host.exportFindings(many));
    console.log(`export 20,000 findings: ${m.syncs} syncs, max request ${m.maxRequestBytes} B`);
    expect(m.maxRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(fake.workbook.cell('审核结果', 'C20001').value).toBe('B20002');
  });
});

describe('selectCell, capabilities, type overrides', () => {
  test('selectCell activates the sheet and selects the cell', async () => {
    const { fake, host } = setup(budgetWorkbook());
    await host.selectCell('Sheet 3', 'C4');
    expect(fake.workbook.activeSheet).toBe('Sheet 3');
    expect(fake.workbook.selection).toEqual({ sheet: 'Sheet 3', address: "'Sheet 3'!C4" });
  });

  test('selectCell on a missing sheet is a HostError in Chinese', async () => {
    const { host } = setup(budgetWorkbook());
    await expect(host.selectCell('不存在', 'A1')).rejects.toThrow(HostError);
    await expect(host.selectCell('不存在', 'A1')).rejects.toThrow(/找不到/);
  });

  test.each([
    [20, { excelApiMinor: 20, noteKind: 'note', mergedAreas: true, customXmlParts: true }],
    [17, { excelApiMinor: 17, noteKind: 'comment', mergedAreas: true, customXmlParts: true }],
    [14, { excelApiMinor: 14, noteKind: 'comment', mergedAreas: true, customXmlParts: true }],
    [9, { excelApiMinor: 9, noteKind: 'none', mergedAreas: false, customXmlParts: true }],
  ])('capabilities on ExcelApi 1.%i', async (apiMinor, expected) => {
    const { host } = setup(budgetWorkbook(), { apiMinor });
    expect(await host.capabilities()).toEqual(expected);
  });

  test('type overrides are stored in the workbook', async () => {
    const { fake, host } = setup(budgetWorkbook());
    expect(await host.loadTypeOverrides()).toEqual({});
    await host.saveTypeOverrides({ '收支总表!A1:E9': 'budget.summary' });
    expect(await host.loadTypeOverrides()).toEqual({ '收支总表!A1:E9': 'budget.summary' });
    expect(Object.keys(fake.workbook.settings())).toContain('budgetcheck.typeOverrides');
  });
});
