// A typed fake of the Excel JavaScript API subset the add-in uses. Runs in Node (jest) and in the
// browser (playground); no Node APIs. See OFFICE-ADDIN-NOTES §5 for why we do not use office-addin-mock.
import type { WorkbookSnapshot } from '../engine/grid';
import { emptyStats, FakeRequestContext, type FakeHostCore } from './context';
import { DocumentModel } from './model';
import { FakeWorkbook } from './inspect';
import { FakeApplication, FakeWorkbookProxy } from './workbook';

export interface FakeExcelOptions {
  /** Highest ExcelApi 1.x minor: 14 = LTSC 2021, 17 = LTSC 2024, 20 = Microsoft 365 (default). */
  apiMinor?: number;
  /** Author of notes and comments the add-in creates. */
  userName?: string;
}

export class FakeExcelContext extends FakeRequestContext {
  readonly workbook: FakeWorkbookProxy = new FakeWorkbookProxy(this);
  get application(): FakeApplication {
    return this.workbook.application;
  }
}

export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeExcelContext) => Promise<T>): Promise<T>;
  run<T>(options: FakeRunOptions, batch: (context: FakeExcelContext) => Promise<T>): Promise<T>;
}

export interface FakeOfficeNamespace {
  context: { requirements: { isSetSupported(name: string, minVersion?: string | number): boolean } };
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

export interface FakeExcel {
  excel: FakeExcelNamespace;
  office: FakeOfficeNamespace;
  /** Inspection and user-edit API for tests and the playground. */
  workbook: FakeWorkbook;
}

export function createFakeExcel(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): FakeExcel {
  let inspector: FakeWorkbook | null = null;
  const core: FakeHostCore = {
    doc: new DocumentModel(snapshot),
    apiMinor: options.apiMinor ?? 20,
    stats: emptyStats(),
    userName: options.userName ?? '预算核对',
    flushChanges: () => inspector?.emit(),
  };
  const workbook = new FakeWorkbook(core);
  inspector = workbook;

  async function run<T>(a: FakeRunOptions | ((c: FakeExcelContext) => Promise<T>), b?: (c: FakeExcelContext) => Promise<T>): Promise<T> {
    const batch = typeof a === 'function' ? a : b;
    if (!batch) throw new TypeError('Excel.run needs a batch function');
    core.stats.runs++;
    const context = new FakeExcelContext(core);
    const result = await batch(context);
    // Office.js flushes whatever the batch left queued when Excel.run ends.
    if (context.hasPending) await context.sync();
    return result;
  }

  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const office: FakeOfficeNamespace = {
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          if (name.toLowerCase() !== 'excelapi') return false;
          const [major, minor] = String(minVersion ?? '1.1').split('.').map(Number);
          return major < 1 || (major === 1 && (minor || 0) <= core.apiMinor);
        },
      },
    },
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
  };
  return { excel: { run } as FakeExcelNamespace, office, workbook };
}

/** Sets globalThis.Excel / Office (or those of `target`) to the fake; returns an undo function. */
export function installFakeOffice(target: object, fake: FakeExcel): () => void {
  // The fake covers only the API subset the add-in uses, so it cannot be typed as the full
  // `typeof Excel`; code under test sees it through the ordinary globals.
  const g = target as Record<'Excel' | 'Office', unknown>;
  const previous = { Excel: g.Excel, Office: g.Office };
  g.Excel = fake.excel;
  g.Office = fake.office;
  return () => {
    g.Excel = previous.Excel;
    g.Office = previous.Office;
  };
}

export { FakeExcelError } from './errors';
export { PAYLOAD_LIMIT_BYTES, CELL_LIMIT, type HostStats, type SyncRecord } from './context';
export { MERGED_AREAS_LIMIT } from './range';
export { FakeWorkbook, type CellState, type WorkbookState, type ChangeListener } from './inspect';
export type { ChangeKind } from './model';
