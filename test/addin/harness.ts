// Installs a fake Excel as the Office globals for one test and hands out the adapter over it.
import { createExcelHost } from '../../src/addin/excel-adapter';
import type { WorkbookHost } from '../../src/addin/host';
import type { WorkbookSnapshot } from '../../src/engine/grid';
import { createFakeExcel, installFakeOffice, type FakeExcel, type FakeExcelOptions } from '../../src/fake-excel';

let uninstall: (() => void) | null = null;

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

export function setup(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): { fake: FakeExcel; host: WorkbookHost } {
  uninstall?.();
  const fake = createFakeExcel(snapshot, options);
  uninstall = installFakeOffice(globalThis, fake);
  return { fake, host: createExcelHost() };
}

/** Runs `action` and returns what it cost in syncs and bytes. */
export async function measure<T>(fake: FakeExcel, action: () => Promise<T>): Promise<{ result: T; syncs: number; maxRequestBytes: number; maxResponseBytes: number }> {
  fake.workbook.resetStats();
  const result = await action();
  const { syncs, maxRequestBytes, maxResponseBytes } = fake.workbook.stats;
  return { result, syncs, maxRequestBytes, maxResponseBytes };
}
