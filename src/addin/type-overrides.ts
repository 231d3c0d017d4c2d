// The user's corrections of recognized table types, kept as a workbook setting (ExcelApi 1.4).
import type { TableType } from '../engine/report';
import type { HostCapabilities } from './host';
import { HostError } from './host';

const KEY = 'budgetcheck.typeOverrides';

function requireSettings(caps: HostCapabilities): void {
  if (caps.excelApiMinor < 4) throw new HostError('当前 Excel 版本过旧（低于 ExcelApi 1.4），无法在工作簿中保存表格类型。');
}

export async function readTypeOverrides(context: Excel.RequestContext, caps: HostCapabilities): Promise<Record<string, TableType>> {
  if (caps.excelApiMinor < 4) return {};
  const setting = context.workbook.settings.getItemOrNullObject(KEY).load('value');
  await context.sync();
  if (setting.isNullObject) return {};
  try {
    const parsed = JSON.parse(String(setting.value)) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, TableType>) : {};
  } catch {
    return {}; // Unreadable (edited by hand): start over rather than block the check.
  }
}

export async function writeTypeOverrides(context: Excel.RequestContext, caps: HostCapabilities, overrides: Record<string, TableType>): Promise<void> {
  requireSettings(caps);
  context.workbook.settings.add(KEY, JSON.stringify(overrides));
  await context.sync();
}
