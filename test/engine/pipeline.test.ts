// The composition root streams: each table is checked as soon as its unit is known and only
// its head (no layout) outlives it; a table that states no unit waits for the workbook's usual
// one. Cross-table figures a relation cannot pick are not read, and that changes no finding.
import type { SheetSnapshot, WorkbookSnapshot } from '../../src/engine/grid';
import { checkWorkbook } from '../../src/engine/index';
import { forEachTable, recognize } from '../../src/engine/recognize';
import { checkCrossTables, mayBePicked } from '../../src/engine/workbook/cross-check';
import { tableFigures } from '../../src/engine/workbook/table-figures';
import { loadSeed, seedFiles } from './seed-support';
import { readStatements } from '../../src/engine/narrative/index';

/** A small 支出总表-like sheet; `unit` null leaves the 单位 row out. */
function sheet(name: string, unit: string | null, total: number): SheetSnapshot {
  const values = [
    ['2024年部门支出总表', null, null],
    unit === null ? ['部门名称：某局', null, null] : ['部门名称：某局', null, `单位：${unit}`],
    ['科目编码', '科目名称', '合计'],
    [null, '合计', total],
    ['201', '一般公共服务支出', total],
    ['20103', '政府办公厅（室）及相关机构事务', total],
    ['2010301', '行政运行', total],
  ];
  return { name, values, merges: [] };
}

const OPTIONS = { fixedTolerance: null, typeOverrides: {} };

describe('forEachTable', () => {
  const wb: WorkbookSnapshot = { file: 'x.xlsx', sheets: [sheet('表1', '元', 10), sheet('表2', null, 20), sheet('表3', '元', 30)] };

  test('hands over each table once, stated units first, the others with the usual unit', () => {
    const visited: [string, string, number][] = [];
    const heads = forEachTable(wb, OPTIONS, (t, i) => visited.push([t.id, t.unit, i]));
    expect(visited).toEqual([
      ['t1', '元', 0],
      ['t3', '元', 2],
      ['t2', '元', 1],
    ]);
    expect(heads.map((h) => [h.id, h.view.name])).toEqual([
      ['t1', '表1'],
      ['t2', '表2'],
      ['t3', '表3'],
    ]);
  });

  test('heads keep no layout: a checked table\'s rows can be collected', () => {
    const heads = forEachTable(wb, OPTIONS, (t) => expect(t.layout.segments.length).toBeGreaterThan(0));
    for (const h of heads) expect('layout' in h).toBe(false);
  });

  test('recognize lists the same tables in order', () => {
    expect(recognize(wb, OPTIONS).map((t) => t.id)).toEqual(['t1', 't2', 't3']);
  });
});

describe('figures a relation cannot pick', () => {
  const files = seedFiles();
  test.each(files.length > 0 ? files : ['(no seed fixtures)'])('%s: leaving them out changes no cross-table finding', async (file) => {
    if (files.length === 0) return;
    const tables = recognize(await loadSeed(file), OPTIONS);
    const all = tables.flatMap((t) => tableFigures(t));
    const picked = tables.flatMap((t) => tableFigures(t, mayBePicked));
    expect(picked.length).toBeLessThan(all.length);
    expect(checkCrossTables(picked)).toEqual(checkCrossTables(all));
  });
});

test('departments are told apart by every table with figures, picked or not', async () => {
  if (!seedFiles().includes('seed-000.xlsx')) return;
  const seed = await loadSeed('seed-000.xlsx');
  // A second unit: a copy of every sheet, named only on its 支出经济分类汇总表, whose figures
  // no cross-table relation picks.
  const ENTITY = /^(部门名称|单位名称|编制单位)/;
  const copies: SheetSnapshot[] = seed.sheets.map((sh) => ({
    ...sh,
    name: `乙-${sh.name}`,
    values: sh.values.map((row) =>
      row.map((v) => (typeof v === 'string' && ENTITY.test(v) ? (sh.name === '支出经济分类汇总表' ? '部门名称：另一单位' : null) : v)),
    ),
    text: undefined,
  }));
  const wb: WorkbookSnapshot = { file: 'two.xlsx', sheets: [...seed.sheets, ...copies] };
  const tables = recognize(wb, OPTIONS);
  expect(new Set(tables.map((t) => t.entity).filter((e) => e !== '')).size).toBe(2);
  const all = tables.flatMap((t) => tableFigures(t));
  const picked = tables.flatMap((t) => tableFigures(t, mayBePicked));
  const withFigures = tables.filter((t) => tableFigures(t).length > 0).map((t) => t.head);
  expect(checkCrossTables(picked, withFigures)).toEqual(checkCrossTables(all));
  // And the engine, which leaves unpicked figures out when there is no 说明 text, reports the same.
  const tablesOnly: WorkbookSnapshot = { ...wb, sheets: wb.sheets.filter((sh) => !sh.name.endsWith('说明')) };
  expect(readStatements(tablesOnly.sheets)).toHaveLength(0);
  const cross = checkWorkbook(tablesOnly).findings.filter((f) => f.rule.startsWith('cross.'));
  expect(cross).toEqual(checkCrossTables(all));
});

test('a workbook checks the same whether or not its tables state units', () => {
  const stated: WorkbookSnapshot = { file: 'x.xlsx', sheets: [sheet('表1', '元', 10), sheet('表2', '元', 20)] };
  const unstated: WorkbookSnapshot = { file: 'x.xlsx', sheets: [sheet('表1', '元', 10), sheet('表2', null, 20)] };
  expect(checkWorkbook(unstated).tables.map((t) => t.unit)).toEqual(checkWorkbook(stated).tables.map((t) => t.unit));
});
