// The only module that touches the Office/Excel globals: requirement-set probing and Excel.run
// with Office errors turned into HostError (Chinese, shown to the user as is).
import { HostError, type HostCapabilities } from './host';

/** Highest ExcelApi minor version worth probing (1.20 is current Microsoft 365). */
const MAX_PROBED_MINOR = 30;

export function excelApiMinor(): number {
  let minor = 0;
  while (minor < MAX_PROBED_MINOR && Office.context.requirements.isSetSupported('ExcelApi', `1.${minor + 1}`)) minor++;
  return minor;
}

export function probeCapabilities(): HostCapabilities {
  const minor = excelApiMinor();
  return {
    excelApiMinor: minor,
    noteKind: minor >= 18 ? 'note' : minor >= 10 ? 'comment' : 'none',
    mergedAreas: minor >= 13,
    customXmlParts: minor >= 5,
  };
}

/** Office.js error codes we explain; the rest show their code. */
const MESSAGES: Record<string, string> = {
  AccessDenied: '工作簿拒绝了写入（工作表可能受保护，或工作簿为只读）。',
  ApiNotFound: '当前 Excel 版本不支持所需的功能，请升级 Excel 后再试。',
  InvalidOperationInCellEditMode: 'Excel 正处于单元格编辑状态，请先按 Enter 或 Esc 退出编辑后再试。',
  RequestPayloadSizeLimitExceeded: '一次发送给 Excel 的数据过多（超过 5 MB）。',
  ResponsePayloadSizeLimitExceeded: '一次从 Excel 读取的数据过多（超过 5 MB）。',
  RangeExceedsLimit: '区域的单元格数超过 Excel 的上限（500 万个）。',
  ItemNotFound: '找不到所需的工作表或对象，工作簿可能已被修改，请重新检查。',
  GeneralException: 'Excel 内部错误，请稍后重试。',
};

export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function toHostError(e: unknown): HostError {
  if (e instanceof HostError) return e;
  const code = errorCode(e);
  const detail = code ? MESSAGES[code] ?? `Excel 返回错误：${code}。` : `与 Excel 通信失败：${e instanceof Error ? e.message : String(e)}`;
  return new HostError(detail, undefined, e);
}

/** One Excel.run per action; waits while the user edits a cell instead of failing. */
export async function runExcel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return await Excel.run({ delayForCellEdit: true }, batch);
  } catch (e) {
    throw toHostError(e);
  }
}
