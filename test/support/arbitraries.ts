// fast-check arbitraries for workbook snapshots: random text with the vocabulary of
// budget tables, odd numbers, non-overlapping merges, several sheets, and table-like grids.
import fc from 'fast-check';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/grid';

export const TABLE_WORDS = [
  '合计', '总计', '小计', '本年收入合计', '本年支出合计', '收入总计', '支出总计', '类', '款', '项',
  '单位：万元', '单位:元', '金额单位：万元', '（万元）', '科目编码', '科目名称', '功能分类科目', '经济分类科目',
  '基本支出', '项目支出', '人员经费', '公用经费', '工资福利支出', '商品和服务支出', '对个人和家庭的补助',
  '一般公共预算', '政府性基金', '国有资本经营预算', '上年结转', '年终结转结余', '其中：', '其中:财政拨款',
  '一、一般公共服务支出', '十、卫生健康支出', '（一）行政运行', '收 入 总 计', '部门名称：某某局',
  '2023年部门收支总体情况表', '一般公共预算支出情况表', '"三公"经费支出表', '因公出国(境)费', '公务接待费',
  '公务用车购置及运行费', '行次', '栏次', '项目', '预算数', '决算数', '公开01表', '绩效目标', '执行率',
  '本表无数据', '说明', '行政运行', '事业运行', '208', '20801', '2080109', '210', '21011', '2101101', '301', '30101',
  '（12.30）', '(5.00)', '-', '—', '/', '——', '12.5%', '１２３.４５', '1,234.56', '0.00', 'NaN', '-NaN', 'Infinity',
  '1e309', '-0', '0x1F', '∞', '   ', '', '\u3000', '1,23', '12..3', '٣', '𠀀', '\u200b', '=SUM(C5:C9)', '#REF!',
];

export const cellValueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...TABLE_WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e21, 1e-12, -1e300, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 0.1 + 0.2, Number.NaN, Infinity) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('（', '(', '', '-', '－'), fc.integer({ min: 0, max: 99999 }), fc.constantFrom('）', ')', '', '%', '万元')).map(([a, n, b]) => `${a}${(n / 100).toFixed(2)}${b}`) },
);

const FORMATS = [null, '0.00', '#,##0.00', '0', '0.00%', '0.0', '@', 'General', '#,##0.00;[Red]-#,##0.00', '0.00_);(0.00)', '"¥"#,##0.00'];

/** Non-overlapping merges inside rows × cols, drawn as candidate rectangles and kept greedily. */
export function mergesArb(rows: number, cols: number): fc.Arbitrary<CellRange[]> {
  if (rows * cols < 2) return fc.constant([]); // no rectangle of two cells fits: a filter would never succeed
  const rect = fc
    .tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(3), fc.nat(4))
    .map(([r0, c0, h, w]) => ({ r0, c0, r1: Math.min(rows - 1, r0 + h), c1: Math.min(cols - 1, c0 + w) }))
    .filter((m) => m.r1 > m.r0 || m.c1 > m.c0);
  return fc.array(rect, { maxLength: 8 }).map((cands) => {
    const kept: CellRange[] = [];
    for (const m of cands) if (!kept.some((k) => m.r0 <= k.r1 && k.r0 <= m.r1 && m.c0 <= k.c1 && k.c0 <= m.c1)) kept.push(m);
    return kept;
  });
}

function displayText(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** A random sheet; ragged rows and missing text/format arrays are allowed, as the contract says. */
export function sheetArb(name: string, maxRows = 30, maxCols = 14): fc.Arbitrary<SheetSnapshot> {
  return fc
    .tuple(fc.nat(maxRows), fc.nat(maxCols))
    .chain(([rows, cols]) =>
      fc.record({
        values: fc.array(fc.array(cellValueArb, { minLength: 0, maxLength: cols }), { minLength: rows, maxLength: rows }),
        formats: fc.array(fc.constantFrom(...FORMATS), { minLength: cols, maxLength: cols }),
        merges: mergesArb(rows, cols),
        withText: fc.boolean(),
        withFormats: fc.boolean(),
        hidden: fc.boolean(),
      }),
    )
    .map(({ values, formats, merges, withText, withFormats, hidden }) => {
      const sheet: SheetSnapshot = { name, values, merges };
      if (withText) sheet.text = values.map((row) => row.map(displayText));
      if (withFormats) sheet.numberFormats = values.map((row) => row.map((_, c) => formats[c] ?? null));
      if (hidden) sheet.hidden = true;
      return sheet;
    });
}

const TITLES = ['2023年部门收支总体情况表', '2023年一般公共预算支出情况表', '2023年部门支出总体情况表', '一般公共预算基本支出情况表', '收入支出决算总表', '“三公”经费支出情况表', '项目支出预算表', '某某表'];
const HEADERS = ['合计', '基本支出', '项目支出', '人员经费', '公用经费', '小计', '一般公共预算', '政府性基金', '上年结转', '其中：财政拨款', '本年收入', '行次', '增长率%'];
const CODES = ['', '208', '20801', '2080109', '2080199', '210', '21011', '2101101', '2101102', '21015', '2101501', '2101550', '221', '22102', '2210201', '301', '30101', '30102', '302', '30201'];
const LABELS = ['合计', '总计', '本年支出合计', '社会保障和就业支出', '行政运行', '事业运行', '其中：财政拨款', '一、一般公共服务支出', '（一）行政运行', '工资福利支出', '基本工资', '住房公积金', ''];

/** A grid shaped like a budget table (title, unit, 1–3 header rows, coded rows, totals) with random holes and noise, so recognition and every check run. */
export function tableLikeSheetArb(name: string): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      title: fc.constantFrom(...TITLES),
      unit: fc.constantFrom('单位：万元', '单位：元', '金额单位：万元', '', '单位：千元'),
      headers: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 8 }),
      group: fc.boolean(),
      rows: fc.array(fc.tuple(fc.constantFrom(...CODES), fc.constantFrom(...LABELS), fc.array(fc.option(cellValueArb, { nil: null, freq: 4 }), { maxLength: 10 })), { maxLength: 30 }),
      noise: fc.array(fc.tuple(fc.nat(40), fc.nat(12), cellValueArb), { maxLength: 6 }),
    })
    .chain((t) => {
      const values: CellValue[][] = [[t.title], [null, null, t.unit]];
      if (t.group) values.push(['科目编码', '科目名称', '合计', '基本支出', null, '项目支出']);
      values.push(['科目编码', '科目名称', ...t.headers]);
      for (const [code, label, amounts] of t.rows) values.push([code || null, label || null, ...amounts]);
      for (const [r, c, v] of t.noise) {
        while (values.length <= r) values.push([]);
        values[r][c] = v;
      }
      const cols = Math.max(...values.map((r) => r.length));
      return mergesArb(values.length, cols).map((merges): SheetSnapshot => ({ name, values, merges, text: values.map((row) => row.map(displayText)) }));
    });
}

export const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .array(fc.oneof(fc.constant('plain'), fc.constant('table')), { minLength: 0, maxLength: 4 })
  .chain((kinds) => fc.tuple(...kinds.map((k, i) => (k === 'table' ? tableLikeSheetArb(`表${i + 1}`) : sheetArb(`Sheet ${i + 1}`)))))
  .map((sheets) => ({ file: 'random.xlsx', sheets }));
