// Seed 001: 长沙市开福区医疗保障局 2023年部门预算 (budget, 万元).
//
// This PDF printed its tables as images; the text is OCR with one cell per line, and every
// title and most headers are unreadable ("20234F — AL B ST R B R"). Only four tables carry their
// figures in the text; they are rebuilt here, with titles and image-printed headers reconstructed
// from the row structure, the 注 under each table and the standard 部门预算 templates:
//   收支总表 (lines 67–111), 一般公共预算支出表 (243–497, 注 503), 项目支出绩效目标表 (536–1271,
//   注 1273), 部门整体支出绩效目标表 (1274–1692, 注 1694).
// The other tables (收入总表, 支出总表, 财政拨款收支总表, 基本支出表, 三公经费表, 政府性基金表) survive
// only as their 注 lines (113–117, 504–535); they are not built. The stray fragment "其他医疗救助支出"
// (line 114) is dropped. Corrections: OCR "768. 04" → 768.04 (a space read after the decimal point);
// pages of the performance tables repeat the header and the project's merged cells — the repeated
// header is dropped and the repeated merged cells are blanked.
import { lines } from './helpers';
import type { SeedConfig } from './types';

/** Drop the first n cells of a row (a page repeating the merged cells of the row above). */
const blankFirst = (n: number): number[] => new Array<number>(n).fill(-1);
const range = (from: number, to: number): number[] => Object.keys(lines(from, to, 0)).map(Number);

export const seed001: SeedConfig = {
  seed: '001',
  // The 注 of the tables that exist only as images are kept in 说明 with the prose.
  narrative: [[1, 66], [115, 117], [504, 504], [534, 535], [1697, 1697]],
  tables: [
    {
      sheet: '收支总表',
      type: 'budget.summary',
      title: '2023年部门收支总表',
      meta: [['部门名称：长沙市开福区医疗保障局', '单位：万元']],
      headerRows: [
        ['收入', '', '支出', ''],
        ['项目', '预算数', '项目', '预算数'],
      ],
      body: [67, 111],
      // Line 105 (七、结转下年) starts a row of its own: the left half of that row is empty.
      cellPerLine: { rowStarts: [67, 72, 77, 82, 87, 92, 97, 102, 105, 108] },
      shift: { 105: 2 },
      notes: [113, 113],
    },
    {
      sheet: '一般公共预算支出表',
      type: 'budget.general_expenditure',
      title: '2023年一般公共预算支出表',
      meta: [['部门名称：长沙市开福区医疗保障局', '单位：万元']],
      headerRows: [
        ['科目编码', '', '', '科目名称', '合计', '基本支出', '项目支出'],
        ['类', '款', '项'],
      ],
      body: [243, 497],
      // Each cell stands alone between blank lines: rows start at the 合计 line and at each 类 cell.
      cellPerLine: { rowStarts: [243, 260, 290, 320, 352, 383, 412, 443, 472] },
      shift: { 243: 3 }, // 合计 sits in the 科目名称 column
      notes: [503, 503],
    },
    {
      sheet: '项目绩效目标表',
      type: 'budget.performance_project',
      title: '2023年项目支出绩效目标表',
      meta: [['部门名称：长沙市开福区医疗保障局', '单位：万元']],
      header: [536, 554],
      cellPerLine: {},
      cells: {
        536: ['单位编码', '单位（项目）名称', '资金总额', '绩效目标', '绩效指标', '', '', '', '', '', '', '', '备注'],
        542: ['', '', '', '', '一级指标', '二级指标', '三级指标', '指标值', '指标值内容', '评（扣）分标准', '度量单位', '指标值类型'],
      },
      body: [556, 1271],
      // Page breaks: repeated headers (and the OCR of the image title on the last page) dropped …
      skip: [...range(694, 712), ...range(852, 870), ...range(1010, 1028), ...range(1185, 1229)],
      // … and the project cells each new page repeats are blanked (they belong to the merged cells above).
      remap: { 714: blankFirst(4), 872: blankFirst(4), 1030: blankFirst(4), 1231: blankFirst(4) },
      width: 13,
      notes: [1273, 1273],
    },
    {
      sheet: '部门整体绩效目标表',
      type: 'budget.performance_dept',
      title: '2023年部门整体支出绩效目标表',
      meta: [['部门名称：长沙市开福区医疗保障局', '单位：万元']],
      header: [1274, 1306],
      cellPerLine: {},
      cells: {
        // The second header row lost its blank positions (7 of 19 cells printed).
        1274: ['单位编码', '单位名称', '年度预算申请', '', '', '', '', '', '', '整体绩效目标', '部门整体支出年度绩效目标'],
        1280: ['', '', '资金总额', '按收入性质分', '', '', '', '按支出性质分'],
      },
      body: [1308, 1692],
      skip: range(1500, 1532),
      remap: { 1534: blankFirst(10) },
      width: 19,
      notes: [1694, 1694],
    },
  ],
};
