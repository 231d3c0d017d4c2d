// Measured coverage over the seeds' 说明 text: how many amount/percent statements are found,
// how many name a table figure, and how many of those the extractor reads completely; on
// seed-000.xlsx (the only fixture with tables so far) also how many are matched and checked.
import * as fs from 'fs';
import { analyzeNarrative, extractionStats } from '../../src/engine/narrative/check';
import { extractStatements, prose } from '../../src/engine/narrative/extract';
import { readWorkbookFile } from '../../src/io/xlsx-read';
import { makeIndex, type FigureRow } from './figure-index';
import { seedFiles, seedProse } from './seed-text';
import { proseSheet } from './sheet';

/** Amounts and percents in the text by a plain pattern: an independent count of what there is to find. */
function rawMentions(lines: string[]): number {
  return lines.reduce((n, l) => n + (prose(l).match(/\d(?:[\d,]*\d)?(?:\.\d+)?(?:亿元|万元|千元|元|%)/g)?.length ?? 0), 0);
}

const files = seedFiles();
const describeSeeds = files.length ? describe : describe.skip;

describeSeeds('coverage on the seeds’ 说明 text', () => {
  const rows = files.map((f) => {
    const lines = seedProse(f);
    return { seed: f.slice(0, 3), raw: rawMentions(lines), ...extractionStats(extractStatements(proseSheet(lines))) };
  });

  test('prints found / naming a figure / extracted per seed', () => {
    const table = rows.map((r) => `${r.seed}: mentions ${r.raw}, found ${r.found}, naming a figure ${r.namingFigure}, extracted ${r.extracted} (${((100 * r.extracted) / r.namingFigure).toFixed(1)}%)`);
    console.log(`narrative coverage\n${table.join('\n')}`);
    expect(rows.every((r) => r.namingFigure > 0)).toBe(true);
  });

  test.each(files.map((f) => f.slice(0, 3)))('seed %s: at least 90%% of the figure-naming statements are read completely', (seed) => {
    const r = rows.find((x) => x.seed === seed);
    expect(r && r.extracted / r.namingFigure).toBeGreaterThanOrEqual(0.9);
  });
});

const SEED_000_XLSX = 'test/fixtures/seeds/seed-000.xlsx';

// Seed 000's table figures by cell, as the engine's FigureIndex should name them (a blank
// cell of a recognized row counts as 0).
const SEED_000: FigureRow[] = [
  ['收入总计', '780.84', '收支总表!B37'],
  ['支出总计', '780.84', '收支总表!D37'],
  ['收入合计', '780.84', '收支总表!B35'],
  ['支出合计', '780.84', '收支总表!D35'],
  ['一般公共预算收入', '780.84', '收支总表!B5'],
  ['政府性基金预算收入', '0', '收支总表!B7'],
  ['国有资本经营预算收入', '0', '收支总表!B8'],
  ['一般公共服务支出', '0', '收支总表!D5'],
  ['公共安全支出', '0', '收支总表!D8'],
  ['教育支出', '0', '收支总表!D9'],
  ['社会保障和就业支出', '62.13', '收支总表!D12'],
  ['卫生健康支出', '672.12', '收支总表!D14'],
  ['住房保障支出', '46.60', '收支总表!D24'],
  ['基本支出', '559.37', '支出总表!G6'],
  ['基本支出', '559.37', '一般公共预算支出表!G6'],
  ['项目支出', '221.47', '支出总表!L6'],
  ['一般公共预算支出', '780.84', '一般公共预算支出表!F6'],
  ['一般公共预算基本支出', '559.37', '基本支出表!E5'],
  ['人员经费', '542.48', '基本支出表!F5'],
  ['公用经费', '16.89', '基本支出表!G5'],
  ['政府性基金预算支出', '0', '政府性基金支出表!F6'],
  ['三公经费', '3.30', '三公经费表!A5'],
  ['因公出国境费', '0', '三公经费表!B5'],
  ['公务用车购置及运行费', '3.00', '三公经费表!C5'],
  ['公务用车购置费', '0', '三公经费表!D5'],
  ['公务用车运行维护费', '3.00', '三公经费表!E5'],
  ['公务接待费', '0.30', '三公经费表!F5'],
];

const describeXlsx = fs.existsSync(SEED_000_XLSX) ? describe : describe.skip;

describeXlsx('seed-000.xlsx against its table figures', () => {
  let result: ReturnType<typeof analyzeNarrative>;
  beforeAll(async () => {
    const wb = await readWorkbookFile(SEED_000_XLSX);
    result = analyzeNarrative(wb.sheets, makeIndex(SEED_000));
  });

  test('reports 支出总计 780.34 vs 780.84 as the one error', () => {
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.sheet, f.expected, f.actual])).toEqual([['narrative.amount', '说明', '780.84', '780.34']]);
  });

  test('prints matched / found and checks at least 90% of the figures present', () => {
    const s = result.stats;
    const present = s.namingFigure - s.absent;
    const notes = result.findings.filter((f) => f.severity !== 'error').map((f) => `${f.severity} ${f.cell} ${f.message}`);
    console.log(
      `seed-000.xlsx: found ${s.found}, naming a figure ${s.namingFigure} (of which ${s.absent} have no table in the workbook), ` +
        `matched & checked ${s.checked} / ${present}\n${notes.join('\n')}`,
    );
    expect(s.checked / present).toBeGreaterThanOrEqual(0.9);
  });
});
