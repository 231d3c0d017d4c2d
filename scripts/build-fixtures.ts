// Build the seed fixtures: one .xlsx per seed document (one sheet per table plus a
// 说明 sheet), expected.json with the table type per sheet, and the demo sample.
// Usage: npm run fixtures [-- <outDir>]   (seeds from $SEEDS_DIR or ../shared/seeds)
import { promises as fs, readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { layoutNarrative, layoutTable, type SheetModel } from './seeds/layout';
import { SEEDS } from './seeds';
import type { SeedConfig } from './seeds/types';
import { rangeA1 } from '../src/engine/address';
import type { TableType } from '../src/engine/report';
import { normalizeZipTimestamps } from '../src/io/zip-timestamps';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const DEFAULT_SEEDS_DIR = process.env.SEEDS_DIR ?? path.resolve(__dirname, '../../shared/seeds');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures/seeds');
export const SAMPLE_PATH = path.join(REPO_ROOT, 'samples/卢氏县医疗保障局2023年部门预算.xlsx');

/** Fixed document dates so rebuilding does not churn git. */
const FIXED_DATE = new Date(Date.UTC(2024, 0, 1));

export interface ExpectedSheet {
  sheet: string;
  type: TableType | null;
  title: string;
  range: string | null;
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

function checkSheetNames(cfg: SeedConfig, models: SheetModel[]): void {
  const seen = new Set<string>();
  for (const m of models) {
    if (m.name.length > 31 || INVALID_SHEET_NAME.test(m.name) || seen.has(m.name)) {
      throw new Error(`seed ${cfg.seed}: bad or duplicate sheet name "${m.name}"`);
    }
    seen.add(m.name);
  }
}

/** Display width of a text: CJK characters count double. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function writeSheet(wb: ExcelJS.Workbook, m: SheetModel, isNarrative: boolean): void {
  const ws = wb.addWorksheet(m.name);
  const widths = new Array<number>(m.width).fill(8);
  m.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (!cell) return;
      const xc = row.getCell(c + 1);
      if (cell.kind === 'number') {
        xc.value = cell.value;
        xc.numFmt = cell.format;
      } else xc.value = cell.text;
      const spansColumns = m.merges.some(([r0, c0, r1, c1]) => r >= r0 && r <= r1 && c === c0 && c1 > c0);
      if (!isNarrative && r >= m.tableTop && r <= m.lastDataRow && !spansColumns) {
        const shown = cell.kind === 'number' ? String(cell.value) : cell.text;
        widths[c] = Math.max(widths[c], Math.min(40, textWidth(shown) + 2));
      }
    });
  });
  for (const [r0, c0, r1, c1] of m.merges) ws.mergeCells(r0 + 1, c0 + 1, r1 + 1, c1 + 1);
  if (isNarrative) ws.getColumn(1).width = 120;
  else widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  styleSheet(ws, m, isNarrative);
}

function styleSheet(ws: ExcelJS.Worksheet, m: SheetModel, isNarrative: boolean): void {
  if (isNarrative) {
    ws.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
    return;
  }
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  for (let r = m.tableTop; r <= m.lastDataRow; r++) {
    const isHeader = m.headerRows !== null && r <= m.headerRows[1];
    for (let c = 0; c < m.width; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.border = THIN;
      if (isHeader) {
        cell.font = { bold: true };
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      }
    }
  }
  for (let r = m.lastDataRow + 1; r < m.rows.length; r++) ws.getCell(r + 1, 1).alignment = { wrapText: true, vertical: 'top' };
}

export function seedLines(seedsDir: string, seed: string, files: string[]): string[] {
  const file = files.find((f) => f.startsWith(`${seed}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed ${seed} not found in ${seedsDir}`);
  return readFileSync(path.join(seedsDir, file), 'utf8').split(/\r?\n/);
}

export function seedModels(cfg: SeedConfig, lines: readonly string[]): SheetModel[] {
  const models = [layoutNarrative(cfg.narrative, lines), ...cfg.tables.map((t) => layoutTable(t, lines))];
  checkSheetNames(cfg, models);
  return models;
}

export async function workbookBytes(models: SheetModel[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '预算表格核对 fixtures';
  wb.lastModifiedBy = '预算表格核对 fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  models.forEach((m, i) => writeSheet(wb, m, i === 0 && m.name === '说明'));
  return normalizeZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()));
}

export function expectedSheets(cfg: SeedConfig, models: SheetModel[]): ExpectedSheet[] {
  return models.map((m, i) =>
    i === 0
      ? { sheet: m.name, type: null, title: m.title, range: null }
      : { sheet: m.name, type: cfg.tables[i - 1].type, title: m.title, range: rangeA1({ r0: 0, c0: 0, r1: m.lastDataRow, c1: m.width - 1 }) },
  );
}

/** Writes seed-NNN.xlsx and expected.json into outDir; returns the expectations. */
export async function buildFixtures(outDir: string, seedsDir: string = DEFAULT_SEEDS_DIR): Promise<Record<string, ExpectedSheet[]>> {
  const files = await fs.readdir(seedsDir);
  await fs.mkdir(outDir, { recursive: true });
  const expected: Record<string, ExpectedSheet[]> = {};
  for (const cfg of SEEDS) {
    const models = seedModels(cfg, seedLines(seedsDir, cfg.seed, files));
    const name = `seed-${cfg.seed}.xlsx`;
    await fs.writeFile(path.join(outDir, name), await workbookBytes(models));
    expected[name] = expectedSheets(cfg, models);
  }
  await fs.writeFile(path.join(outDir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
  return expected;
}

async function main(): Promise<void> {
  const outDir = process.argv[2] ? path.resolve(process.argv[2]) : FIXTURES_DIR;
  const expected = await buildFixtures(outDir);
  if (outDir === FIXTURES_DIR && expected['seed-000.xlsx']) {
    await fs.mkdir(path.dirname(SAMPLE_PATH), { recursive: true });
    await fs.copyFile(path.join(outDir, 'seed-000.xlsx'), SAMPLE_PATH);
  }
  for (const [file, sheets] of Object.entries(expected)) console.log(`${file}: ${sheets.length} sheets`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
