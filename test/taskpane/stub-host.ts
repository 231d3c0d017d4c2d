// An in-test WorkbookHost that records every call and can be told to fail.
import type { HostCapabilities, MarkResult, ReadProgress, WorkbookHost } from '../../src/addin/host';
import type { WorkbookSnapshot } from '../../src/engine/grid';
import type { Finding, Report, TableType } from '../../src/engine/report';

export interface StubHost extends WorkbookHost {
  calls: string[];
  marked: Finding[][];
  selected: { sheet: string; cell: string }[];
  savedOverrides: Record<string, TableType>[];
  exported: Report[];
  /** Makes the next call of that method reject with this error. */
  failNext: Partial<Record<keyof WorkbookHost, Error>>;
}

export const STUB_SNAPSHOT: WorkbookSnapshot = {
  file: 'stub.xlsx',
  sheets: [
    { name: '表1', values: [['收支总表'], ['项目', '金额']], merges: [] },
    { name: '表2', values: [['收入总表']], merges: [] },
    { name: '表3', values: [['支出总表']], merges: [] },
  ],
};

export function createStubHost(initialOverrides: Record<string, TableType> = {}): StubHost {
  const calls: string[] = [];
  const failNext: StubHost['failNext'] = {};
  let overrides = { ...initialOverrides };
  const fail = (m: keyof WorkbookHost): void => {
    const e = failNext[m];
    if (e) {
      delete failNext[m];
      throw e;
    }
  };
  const host: StubHost = {
    calls,
    marked: [],
    selected: [],
    savedOverrides: [],
    exported: [],
    failNext,
    async capabilities(): Promise<HostCapabilities> {
      calls.push('capabilities');
      return { excelApiMinor: 14, noteKind: 'comment', mergedAreas: true, customXmlParts: true };
    },
    async readWorkbook(onProgress?: (p: ReadProgress) => void): Promise<WorkbookSnapshot> {
      calls.push('readWorkbook');
      fail('readWorkbook');
      const total = STUB_SNAPSHOT.sheets.length;
      for (let i = 1; i <= total; i++) onProgress?.({ sheetsDone: i, sheetsTotal: total });
      return STUB_SNAPSHOT;
    },
    async applyMarks(findings: Finding[]): Promise<MarkResult> {
      calls.push('applyMarks');
      fail('applyMarks');
      host.marked.push(findings);
      return { marked: findings.length, noteKind: 'comment', roundTrips: 1 };
    },
    async clearMarks(): Promise<number> {
      calls.push('clearMarks');
      fail('clearMarks');
      const n = host.marked.at(-1)?.length ?? 0;
      return n;
    },
    async selectCell(sheet: string, cell: string): Promise<void> {
      calls.push('selectCell');
      fail('selectCell');
      host.selected.push({ sheet, cell });
    },
    async exportFindings(report: Report): Promise<string> {
      calls.push('exportFindings');
      fail('exportFindings');
      host.exported.push(report);
      return '审核结果';
    },
    async loadTypeOverrides(): Promise<Record<string, TableType>> {
      calls.push('loadTypeOverrides');
      return { ...overrides };
    },
    async saveTypeOverrides(o: Record<string, TableType>): Promise<void> {
      calls.push('saveTypeOverrides');
      fail('saveTypeOverrides');
      overrides = { ...o };
      host.savedOverrides.push({ ...o });
    },
  };
  return host;
}
