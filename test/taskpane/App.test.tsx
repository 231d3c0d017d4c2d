/** @jest-environment jsdom */
import './setup';
import * as React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import App from '../../src/taskpane/App';
import { HostError } from '../../src/addin/host';
import type { CheckOptions } from '../../src/engine';
import type { WorkbookSnapshot } from '../../src/engine/grid';
import { REPORT_SCHEMA, type Finding, type Report } from '../../src/engine/report';
import { STUB_SNAPSHOT, createStubHost } from './stub-host';

// The engine is replaced by a fixed report so the pane's behaviour is tested on its own;
// the real engine's findings are covered by the engine tests and the playground E2E.
const mockCheck = jest.fn<Report, [WorkbookSnapshot, CheckOptions | undefined]>();
jest.mock('../../src/engine', () => ({
  ...jest.requireActual('../../src/engine'),
  checkWorkbook: (w: WorkbookSnapshot, o?: CheckOptions) => mockCheck(w, o),
}));

function finding(p: Partial<Finding> & Pick<Finding, 'severity' | 'table' | 'sheet' | 'cell' | 'message'>): Finding {
  return { rule: 'sum.rows', expected: '780.84', actual: '780.34', difference: '-0.50', tolerance: '0.015', related: [`${p.sheet}!C13:C20`], ...p };
}

const REPORT: Report = {
  schema: REPORT_SCHEMA,
  file: 'stub.xlsx',
  tables: [
    { id: 't1', sheet: '表1', range: 'A1:D20', type: 'budget.summary', title: '2023年部门收支总体情况表', unit: '万元', confidence: 0.97 },
    { id: 't2', sheet: '表2', range: 'A1:F12', type: 'budget.revenue', title: '2023年部门收入总体情况表', unit: '万元', confidence: 0.62 },
  ],
  findings: [
    finding({ severity: 'error', table: 't1', sheet: '表1', cell: 'C12', message: '合计应等于各类之和：780.84，表中为 780.34' }),
    finding({ severity: 'rounding', table: 't1', sheet: '表1', cell: 'C13', message: '尾差：346.04 + 19.73 = 365.77，表中为 365.78', difference: '0.01' }),
    finding({ severity: 'rounding', table: 't2', sheet: '表2', cell: 'D5', message: '517001 + 517002 = 780.83，表中为 780.84' }),
    finding({ severity: 'warning', table: 't2', sheet: '表2', cell: 'E6', message: '口径差异：福利费计入人员经费' }),
    finding({ severity: 'info', table: '', sheet: '表3', cell: 'B2', message: '说明文字中的金额无法对应到表格' }),
  ],
};

// Fluent's Dropdown and user-event are slow on a busy CI machine.
jest.setTimeout(20_000);

/** The check button's name: 检查 before the first check, 重新检查 after. */
const CHECK = /^(重新)?检查$/;

beforeEach(() => {
  mockCheck.mockReset();
  mockCheck.mockReturnValue(REPORT);
});

async function renderAndCheck(host = createStubHost()) {
  const user = userEvent.setup();
  render(<App host={host} />);
  await user.click(screen.getByRole('button', { name: CHECK }));
  await screen.findByText('识别到 2 张表，发现 5 个问题');
  await waitFor(() => expect(host.calls).toContain('applyMarks'));
  return { user, host };
}

test('the check button reads the workbook, runs the engine with the options and marks the findings', async () => {
  const { host } = await renderAndCheck();
  expect(host.calls.filter((c) => c === 'readWorkbook')).toHaveLength(1);
  expect(mockCheck).toHaveBeenCalledWith(STUB_SNAPSHOT, { tolerance: 'auto', typeOverrides: {} });
  expect(host.marked).toEqual([REPORT.findings]);
  expect(host.calls.indexOf('readWorkbook')).toBeLessThan(host.calls.indexOf('applyMarks'));
  expect(await screen.findByText(/已标注 5 个单元格/)).toBeInTheDocument();
});

test('buttons are disabled while busy and a progress bar shows sheets done/total', async () => {
  const host = createStubHost();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const read = host.readWorkbook.bind(host);
  host.readWorkbook = async (onProgress) => {
    onProgress?.({ sheetsDone: 1, sheetsTotal: 3 });
    await gate;
    return read(onProgress);
  };
  const user = userEvent.setup();
  render(<App host={host} />);
  await user.click(screen.getByRole('button', { name: CHECK }));
  expect(await screen.findByText('正在读取工作表 1 / 3')).toBeInTheDocument();
  expect(screen.getByRole('progressbar')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: CHECK })).toBeDisabled();
  expect(screen.getByRole('button', { name: '清除标记' })).toBeDisabled();
  release();
  await screen.findByText('识别到 2 张表，发现 5 个问题');
  await waitFor(() => expect(screen.getByRole('button', { name: CHECK })).toBeEnabled());
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
});

test('findings are grouped by table and severity with counts', async () => {
  await renderAndCheck();
  const groups = screen.getAllByTestId('finding-group');
  expect(groups).toHaveLength(3);
  const [g1, g2, g3] = groups;
  expect(within(g1).getByText('部门收支总表')).toBeInTheDocument();
  expect(within(g1).getByTestId('group-count')).toHaveTextContent('2');
  expect(within(g1).getByTestId('sev-count-error')).toHaveTextContent('1');
  expect(within(g1).getByTestId('sev-count-rounding')).toHaveTextContent('1');
  expect(within(g2).getByText('部门收入总表')).toBeInTheDocument();
  expect(within(g2).getAllByTestId('finding')).toHaveLength(2);
  expect(within(g3).getByText('其他')).toBeInTheDocument();
  expect(within(g3).getByText('说明文字中的金额无法对应到表格')).toBeInTheDocument();
  // Filter toggles carry the per-severity totals.
  expect(screen.getByTestId('filter-error')).toHaveTextContent('错误 1');
  expect(screen.getByTestId('filter-rounding')).toHaveTextContent('尾差 2');
  expect(screen.getByTestId('filter-warning')).toHaveTextContent('警告 1');
  expect(screen.getByTestId('filter-info')).toHaveTextContent('提示 1');
});

test('severity filters hide and show findings', async () => {
  const { user } = await renderAndCheck();
  expect(screen.getAllByTestId('finding')).toHaveLength(5);
  const rounding = screen.getByTestId('filter-rounding');
  expect(rounding).toHaveAttribute('aria-pressed', 'true');
  await user.click(rounding);
  expect(rounding).toHaveAttribute('aria-pressed', 'false');
  expect(screen.getAllByTestId('finding')).toHaveLength(3);
  expect(screen.queryByText('517001 + 517002 = 780.83，表中为 780.84')).not.toBeInTheDocument();
  await user.click(screen.getByTestId('filter-error'));
  await user.click(screen.getByTestId('filter-warning'));
  await user.click(screen.getByTestId('filter-info'));
  expect(screen.queryAllByTestId('finding')).toHaveLength(0);
  expect(screen.getByText('当前筛选条件下没有问题。')).toBeInTheDocument();
  await user.click(rounding);
  expect(screen.getAllByTestId('finding')).toHaveLength(2);
});

test('clicking a finding selects its cell and shows the details; Enter and Space work too', async () => {
  const { user, host } = await renderAndCheck();
  const btn = screen.getByRole('button', { name: /表1!\s?C12/ });
  expect(btn).toHaveAttribute('aria-expanded', 'false');
  await user.click(btn);
  await waitFor(() => expect(host.selected).toEqual([{ sheet: '表1', cell: 'C12' }]));
  expect(btn).toHaveAttribute('aria-expanded', 'true');
  const details = screen.getByTestId('finding-details');
  for (const label of ['应为', '实为', '差额', '容差', '比较的单元格']) expect(within(details).getByText(label)).toBeInTheDocument();
  expect(within(details).getByText('780.84')).toBeInTheDocument();
  expect(within(details).getByText('-0.50')).toBeInTheDocument();
  expect(within(details).getByText('0.015')).toBeInTheDocument();
  expect(within(details).getByText('表1!C13:C20')).toBeInTheDocument();

  const other = screen.getByRole('button', { name: /表2!\s?D5/ });
  other.focus();
  await user.keyboard('{Enter}');
  await waitFor(() => expect(host.selected.at(-1)).toEqual({ sheet: '表2', cell: 'D5' }));
  expect(btn).toHaveAttribute('aria-expanded', 'false');
  await user.keyboard(' ');
  await waitFor(() => expect(host.selected).toHaveLength(3));
  expect(other).toHaveAttribute('aria-expanded', 'false');
});

test('清除标记 calls clearMarks and reports the count', async () => {
  const { user, host } = await renderAndCheck();
  await user.click(screen.getByRole('button', { name: '清除标记' }));
  await waitFor(() => expect(host.calls).toContain('clearMarks'));
  expect(await screen.findByText('已清除 5 个单元格的标记，原有格式已恢复。')).toBeInTheDocument();
});

test('导出审核结果 passes the report to exportFindings', async () => {
  const { user, host } = await renderAndCheck();
  await user.click(screen.getByRole('button', { name: '导出审核结果' }));
  expect(await screen.findByText('审核结果已写入工作表“审核结果”。')).toBeInTheDocument();
  expect(host.exported).toEqual([REPORT]);
});

test('correcting a table type saves the override and uses it on the next check', async () => {
  const { user, host } = await renderAndCheck();
  await user.click(screen.getByRole('button', { name: /识别到的表格/ }));
  const items = screen.getAllByTestId('table-item');
  expect(items).toHaveLength(2);
  expect(within(items[1]).getByText(/可信度：62%/)).toBeInTheDocument();
  await user.click(within(items[1]).getByRole('combobox', { name: '更正 表2!A1:F12 的表格类型' }));
  await user.click(await screen.findByRole('option', { name: '部门支出总表' }));
  await waitFor(() => expect(host.savedOverrides).toEqual([{ '表2!A1:F12': 'budget.expenditure' }]));
  expect(await screen.findByText('表格类型已保存，将在下次检查时生效。')).toBeInTheDocument();
  expect(within(items[1]).getByText('已更正')).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: CHECK }));
  await waitFor(() => expect(mockCheck).toHaveBeenCalledTimes(2));
  expect(mockCheck.mock.calls[1][1]).toEqual({ tolerance: 'auto', typeOverrides: { '表2!A1:F12': 'budget.expenditure' } });
});

test('a fixed tolerance is passed to the engine; an invalid one is refused', async () => {
  const host = createStubHost();
  const user = userEvent.setup();
  render(<App host={host} />);
  await user.click(screen.getByRole('button', { name: '检查设置' }));
  await user.click(screen.getByRole('radio', { name: '固定值' }));
  const input = screen.getByRole('textbox', { name: '容差数值' });
  await user.clear(input);
  await user.type(input, 'abc');
  expect(screen.getByText('请输入不小于 0 的数字，例如 0.01')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: CHECK }));
  expect(host.calls).not.toContain('readWorkbook');
  expect(screen.getByTestId('error-bar')).toHaveTextContent('请输入不小于 0 的数字');
  await user.clear(input);
  await user.type(input, '0.05');
  await user.click(screen.getByRole('button', { name: CHECK }));
  await waitFor(() => expect(mockCheck).toHaveBeenCalled());
  expect(mockCheck.mock.calls[0][1]).toEqual({ tolerance: '0.05', typeOverrides: {} });
});

test('a HostError is shown in Chinese in a MessageBar and the pane stays usable', async () => {
  const host = createStubHost();
  host.failNext.readWorkbook = new HostError('工作表“表2”受保护，无法读取。', '表2');
  const user = userEvent.setup();
  render(<App host={host} />);
  await user.click(screen.getByRole('button', { name: CHECK }));
  const bar = await screen.findByRole('alert');
  expect(bar).toHaveTextContent('操作未完成');
  expect(bar).toHaveTextContent('工作表“表2”受保护，无法读取。');
  expect(host.calls).not.toContain('applyMarks');
  expect(screen.getByRole('button', { name: CHECK })).toBeEnabled();
  await user.click(within(bar).getByRole('button', { name: '关闭' }));
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('an unexpected error is shown too, and selectCell failures do not go unnoticed', async () => {
  const { user, host } = await renderAndCheck();
  host.failNext.selectCell = new HostError('找不到工作表“表1”。');
  await user.click(screen.getByRole('button', { name: /表1!\s?C12/ }));
  expect(await screen.findByRole('alert')).toHaveTextContent('找不到工作表“表1”。');
  host.failNext.clearMarks = new TypeError('boom');
  await user.click(screen.getByRole('button', { name: '清除标记' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('发生意外错误：boom');
});

test('the English switch changes the text', async () => {
  const { user } = await renderAndCheck();
  expect(screen.getByText('预算表格核对')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: '界面语言: English' }));
  expect(screen.getByText('Budget Table Check')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Check again' })).toHaveAttribute('title', 'Check every table in the current workbook');
  expect(screen.getByText('2 tables recognized, 5 findings')).toBeInTheDocument();
  expect(screen.getByTestId('filter-error')).toHaveTextContent('Error 1');
  expect(screen.getByText('Revenue & expenditure summary')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Language: 中文' }));
  expect(screen.getByText('预算表格核对')).toBeInTheDocument();
});

test('with no findings the pane says so', async () => {
  mockCheck.mockReturnValue({ schema: REPORT_SCHEMA, file: 'stub.xlsx', tables: REPORT.tables, findings: [] });
  const host = createStubHost();
  const user = userEvent.setup();
  render(<App host={host} />);
  await user.click(screen.getByRole('button', { name: CHECK }));
  expect(await screen.findByText('未发现问题：所有已识别表格的核对关系均一致。')).toBeInTheDocument();
  await waitFor(() => expect(host.marked).toEqual([[]]));
});
