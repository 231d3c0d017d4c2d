import { HostError } from '../../src/addin/host';
import { MARK_PREFIX } from '../../src/addin/mark-style';
import { MAX_MARKS } from '../../src/addin/mark-writer';
import { a1 } from '../../src/engine/address';
import type { Finding } from '../../src/engine/report';
import { PAYLOAD_LIMIT_BYTES, type FakeExcel } from '../../src/fake-excel';
import { budgetWorkbook, finding, largeWorkbook } from './fixtures';
import { measure, setup } from './harness';

/** The user's own fills, notes and comments, which marking must leave exactly as they were. */
function addUserState(fake: FakeExcel, apiMinor: number): void {
  fake.workbook.setFill('收支总表', 'B3', '#00B050');
  fake.workbook.setFill('收支总表', 'C3', '#FFFFFF');
  if (apiMinor >= 18) fake.workbook.setNote('收支总表', 'B4', '用户批注：数据来自财政局');
  if (apiMinor >= 10) fake.workbook.addComment('收支总表', 'B5', '请核对', '张三', ['已核对']);
  if (apiMinor >= 10) fake.workbook.addComment('Sheet 3', 'A1', '标题待定', '李四');
}

const FINDINGS: Finding[] = [
  finding('收支总表', 'B3'),
  finding('收支总表', 'C3', 'rounding'),
  finding('收支总表', 'B4', 'warning'),
  finding('收支总表', 'B5', 'info'),
  finding('收支总表', 'B9'),
  finding('收支总表', 'B9', 'warning', { rule: 'cross.table', message: '与收入总表不一致' }),
  finding('Sheet 3', 'A1'),
  finding('收入总表', 'C5:D6'),
  finding('不存在的表', 'A1'),
];

describe.each([
  [20, 'note'],
  [14, 'comment'],
  [9, 'none'],
] as const)('ExcelApi 1.%i (%s)', (apiMinor, noteKind) => {
  test('mark → clear restores every cell exactly (values, fills, notes, comments)', async () => {
    const { fake, host } = setup(budgetWorkbook(), { apiMinor });
    addUserState(fake, apiMinor);
    const before = fake.workbook.state();
    const result = await host.applyMarks(FINDINGS);
    expect(result).toMatchObject({ marked: 7, noteKind });
    const b9 = fake.workbook.cell('收支总表', 'B9');
    expect(b9.fill).toBe('#FFC7CE');
    expect(fake.workbook.cell('收入总表', 'C5').fill).toBe('#FFC7CE');
    expect(fake.workbook.cell('收支总表', 'B3').value).toBe(37.04);
    if (noteKind === 'note') {
      expect(b9.note).toContain('与收入总表不一致');
      expect(fake.workbook.cell('收支总表', 'B4').note).toMatch(/^用户批注：数据来自财政局\n\n【预算核对】警告/);
    }
    if (noteKind === 'comment') {
      expect(b9.comment?.content.startsWith(MARK_PREFIX)).toBe(true);
      expect(fake.workbook.cell('收支总表', 'B5').comment).toMatchObject({ content: '请核对', authorName: '张三' });
      expect(fake.workbook.cell('收支总表', 'B5').comment?.replies).toEqual(['已核对', expect.stringContaining('提示')]);
    }
    expect(await host.clearMarks()).toBe(7);
    expect(fake.workbook.state()).toEqual(before);
    expect(fake.workbook.customXmlParts()).toEqual([]);
    expect(await host.clearMarks()).toBe(0);
  });

  test('re-marking is idempotent: no duplicate notes, clearing still restores the original', async () => {
    const { fake, host } = setup(budgetWorkbook(), { apiMinor });
    addUserState(fake, apiMinor);
    const before = fake.workbook.state();
    await host.applyMarks(FINDINGS);
    const once = fake.workbook.state();
    await host.applyMarks(FINDINGS);
    expect(fake.workbook.state()).toEqual(once);
    // A new check with fewer findings takes the stale marks away.
    await host.applyMarks([finding('收支总表', 'B9')]);
    expect(fake.workbook.cell('收支总表', 'B3').fill).toBe('#00B050');
    expect(fake.workbook.cell('收支总表', 'B9').fill).toBe('#FFC7CE');
    await host.clearMarks();
    expect(fake.workbook.state()).toEqual(before);
  });

  test('a protected target sheet: HostError naming it, nothing written', async () => {
    const { fake, host } = setup(budgetWorkbook(), { apiMinor });
    fake.workbook.setProtected('收入总表', true);
    const before = fake.workbook.state();
    const error = await host.applyMarks(FINDINGS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).message).toBe('工作表「收入总表」受保护，无法写入标记；请先撤销保护');
    expect((error as HostError).sheet).toBe('收入总表');
    expect(fake.workbook.state()).toEqual(before);
    expect(fake.workbook.customXmlParts()).toEqual([]);
  });
});

test('a fill the user changed after marking is kept on clear', async () => {
  const { fake, host } = setup(budgetWorkbook());
  await host.applyMarks([finding('收支总表', 'B3')]);
  fake.workbook.setFill('收支总表', 'B3', '#0070C0');
  await host.clearMarks();
  expect(fake.workbook.cell('收支总表', 'B3')).toMatchObject({ fill: '#0070C0', note: null });
});

test('marks survive closing the pane: a new host instance clears them from the stored record', async () => {
  const { fake, host } = setup(budgetWorkbook(), { apiMinor: 14 });
  const before = fake.workbook.state();
  await host.applyMarks(FINDINGS);
  const { createExcelHost } = await import('../../src/addin/excel-adapter');
  expect(await createExcelHost().clearMarks()).toBe(7);
  expect(fake.workbook.state()).toEqual(before);
});

test('settings store the record below ExcelApi 1.5', async () => {
  const { fake, host } = setup(budgetWorkbook(), { apiMinor: 4 });
  const before = fake.workbook.state();
  await host.applyMarks([finding('收支总表', 'B3')]);
  expect(Object.keys(fake.workbook.settings())).toEqual(['budgetcheck.marks']);
  await host.clearMarks();
  expect(fake.workbook.state()).toEqual(before);
  expect(fake.workbook.settings()).toEqual({});
});

describe.each([20, 14, 9])('1,000 marks on ExcelApi 1.%i', (apiMinor) => {
  test('few syncs, requests under 5 MB, exact restore', async () => {
    const { fake, host } = setup(largeWorkbook(10, 20_000), { apiMinor });
    const severities = ['error', 'rounding', 'warning', 'info'] as const;
    const findings = Array.from({ length: 1000 }, (_, i) => finding(`表${(i % 10) + 1}`, a1(3 + Math.floor(i / 10), 1 + (i % 7)), severities[i % 4]));
    const before = fake.workbook.state();
    const mark = await measure(fake, () => host.applyMarks(findings));
    const perSync = fake.workbook.stats.history.map((h) => `${h.operations} ops/${h.requestBytes} B`).join(', ');
    const remark = await measure(fake, () => host.applyMarks(findings));
    const clear = await measure(fake, () => host.clearMarks());
    console.log(
      `1.${apiMinor}: mark 1,000 cells ${mark.syncs} syncs [${perSync}] (1 lookup, 1 state read, 1 write), ` +
        `max request ${mark.maxRequestBytes} B, max response ${mark.maxResponseBytes} B; re-mark ${remark.syncs} syncs; clear ${clear.syncs} syncs, max request ${clear.maxRequestBytes} B`
    );
    expect(mark.result.marked).toBe(1000);
    expect(mark.syncs).toBeLessThanOrEqual(3);
    expect(remark.syncs).toBeLessThanOrEqual(4);
    expect(Math.max(mark.maxRequestBytes, remark.maxRequestBytes, clear.maxRequestBytes)).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(clear.result).toBe(1000);
    expect(fake.workbook.state()).toEqual(before);
  });
});

test('more findings than MAX_MARKS: the most severe are marked, every request stays under 5 MB', async () => {
  const { fake, host } = setup(largeWorkbook(10, 100_000), { apiMinor: 20 });
  const findings = Array.from({ length: MAX_MARKS + 1000 }, (_, i) =>
    finding(`表${(i % 10) + 1}`, a1(3 + Math.floor(i / 10), 1 + (i % 7)), i < 1000 ? 'info' : 'error')
  );
  const before = fake.workbook.state();
  const m = await measure(fake, () => host.applyMarks(findings));
  console.log(`mark ${findings.length} findings (cap ${MAX_MARKS}): ${m.syncs} syncs, max request ${m.maxRequestBytes} B`);
  expect(m.result.marked).toBe(MAX_MARKS);
  expect(fake.workbook.cell('表1', 'B3').fill).toBeNull();
  expect(m.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  await host.clearMarks();
  expect(fake.workbook.state()).toEqual(before);
});

test('notes: the user’s part of a marked note, edited meanwhile, survives clearing', async () => {
  const { fake, host } = setup(budgetWorkbook());
  fake.workbook.setNote('收支总表', 'B3', '原批注');
  fake.workbook.setNote('收支总表', 'B4', '');
  await host.applyMarks([finding('收支总表', 'B3'), finding('收支总表', 'B4')]);
  const marked = fake.workbook.cell('收支总表', 'B3').note as string;
  fake.workbook.setNote('收支总表', 'B3', marked.replace('原批注', '原批注（已修改）'));
  await host.clearMarks();
  expect(fake.workbook.cell('收支总表', 'B3').note).toBe('原批注（已修改）');
  expect(fake.workbook.cell('收支总表', 'B4').note).toBe('');
});

test('comment marks made on LTSC 2021 are removed when the workbook is re-checked on Microsoft 365', async () => {
  const { fake, host } = setup(budgetWorkbook(), { apiMinor: 14 });
  fake.workbook.addComment('收支总表', 'B5', '请核对', '张三');
  const before = fake.workbook.state();
  await host.applyMarks(FINDINGS);
  expect(fake.workbook.cell('收支总表', 'B9').comment?.content.startsWith(MARK_PREFIX)).toBe(true);
  fake.workbook.setApiMinor(20);
  await host.applyMarks([finding('收支总表', 'B9')]);
  const b9 = fake.workbook.cell('收支总表', 'B9');
  expect(b9.comment).toBeNull();
  expect(b9.note?.startsWith(MARK_PREFIX)).toBe(true);
  expect(fake.workbook.cell('收支总表', 'B5').comment).toMatchObject({ content: '请核对', replies: [] });
  await host.clearMarks();
  expect(fake.workbook.state()).toEqual(before);
});
