// WorkbookHost over Office.js (the global Excel/Office), for real Excel and the fake alike.
import type { WorkbookHost } from './host';
import { writeFindingsSheet } from './export-findings';
import { reconcileMarks } from './mark-writer';
import { probeCapabilities, runExcel } from './office-env';
import { WorkbookReader } from './read-workbook';
import { readTypeOverrides, writeTypeOverrides } from './type-overrides';

export function createExcelHost(): WorkbookHost {
  return {
    capabilities: async () => probeCapabilities(),
    readWorkbook: (onProgress) => runExcel((context) => new WorkbookReader(context, probeCapabilities(), onProgress).read()),
    async applyMarks(findings) {
      const caps = probeCapabilities();
      const result = await runExcel((context) => reconcileMarks(context, caps, findings));
      return { marked: result.marked, noteKind: caps.noteKind, roundTrips: result.syncs };
    },
    async clearMarks() {
      const result = await runExcel((context) => reconcileMarks(context, probeCapabilities(), []));
      return result.restored;
    },
    selectCell: (sheet, cell) =>
      runExcel(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      }),
    exportFindings: (report) => runExcel((context) => writeFindingsSheet(context, probeCapabilities(), report)),
    loadTypeOverrides: () => runExcel((context) => readTypeOverrides(context, probeCapabilities())),
    saveTypeOverrides: (overrides) => runExcel((context) => writeTypeOverrides(context, probeCapabilities(), overrides)),
  };
}
