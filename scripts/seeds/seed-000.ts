// Seed 000: 卢氏县医疗保障局 2023年部门预算 (budget, 12 tables, 万元).
import type { SeedConfig } from './types';

const DEPT = '部门名称：卢氏县医疗保障局';
const UNIT = '单位：万元';

/** Header of 支出总体情况表 / 一般公共预算支出情况表 / 政府性基金预算支出情况表, three rows. */
const EXPENDITURE_HEADER_TOP = ['科目编码', '', '', '单位代码', '单位（科目名称）', '合计', '基本支出', '', '', '', '', '项目支出', '', ''];
const EXPENDITURE_HEADER_BOTTOM = ['', '', '', '', '', '', '', '工资福利支出', '对个人和家庭的补助', '商品和服务支出', '资本性支出'];

export const seed000: SeedConfig = {
  seed: '000',
  narrative: [[1, 173]],
  tables: [
    {
      sheet: '收支总表',
      type: 'budget.summary',
      title: 175,
      // 部门名称 and its value are split over lines 177/179 by the extraction.
      meta: [[DEPT, 181]],
      header: [183, 184],
      body: [185, 218],
    },
    {
      sheet: '收入总表',
      type: 'budget.revenue',
      title: 220,
      meta: [[222, UNIT]],
      header: [227, 229],
      body: [230, 233],
      cells: {
        // Correction: the extraction lost one blank before 上年结转结余, putting it over
        // 其他收入 (col 13); its sub-columns 合计…单位资金 start at col 14.
        227: ['部门（单位）代码', '部门（单位）名称', '总计', '本年收入', '', '', '', '', '', '', '', '', '', '', '上年结转结余'],
      },
    },
    {
      sheet: '支出总表',
      type: 'budget.expenditure',
      title: 235,
      meta: [[237, 239]],
      header: [241, 243],
      body: [244, 253],
      cells: {
        // Corrections (compare 一般公共预算支出情况表, lines 305–307, same layout):
        // line 241 puts 项目支出 over 公用经费's second column (col 10) — it heads cols 11–13;
        // line 242 lost 类/款/项, which the extraction moved into line 243, and line 243
        // lost its blank positions, so the economic sub-labels start at col 3 instead of 7.
        241: EXPENDITURE_HEADER_TOP,
        242: ['类', '款', '项', '', '', '', '小计', '人员经费', '', '公用经费', '', '小计', '其他运转类', '特定目标类'],
        243: EXPENDITURE_HEADER_BOTTOM,
      },
    },
    {
      sheet: '财政拨款收支总表',
      type: 'budget.fiscal_summary',
      title: 255,
      meta: [[257, 259]],
      header: [261, 263],
      body: [264, 297],
    },
    {
      sheet: '一般公共预算支出表',
      type: 'budget.general_expenditure',
      title: 299,
      meta: [[301, 303]],
      header: [305, 307],
      body: [308, 317],
      notes: [319, 319],
      shift: {
        // Correction: 项目支出 printed over col 10 (公用经费's second column); it heads cols 11–13.
        305: [10, 1],
      },
    },
    {
      sheet: '基本支出表',
      type: 'budget.basic_expenditure',
      title: 321,
      meta: [[323, 325]],
      header: [327, 328],
      body: [329, 369],
    },
    {
      sheet: '支出经济分类汇总表',
      type: 'budget.economic_summary',
      title: 371,
      meta: [[373, 375]],
      header: [377, 378],
      body: [379, 423],
    },
    {
      sheet: '三公经费表',
      type: 'budget.three_public',
      title: 425,
      meta: [[427, 429]],
      header: [431, 432],
      body: [433, 433],
      notes: [435, 435],
    },
    {
      sheet: '政府性基金支出表',
      type: 'budget.gov_fund',
      title: 437,
      meta: [[439, 441]],
      header: [443, 445],
      body: [446, 446],
      notes: [448, 448],
      cells: {
        // Same corrections as 支出总表 (this table is printed with 13 columns: no 特定目标类).
        443: EXPENDITURE_HEADER_TOP.slice(0, 13),
        444: ['类', '款', '项', '', '', '', '小计', '人员经费', '', '公用经费', '', '小计', '其他运转类'],
        445: EXPENDITURE_HEADER_BOTTOM,
      },
    },
    {
      sheet: '项目支出表',
      type: 'budget.project',
      title: 450,
      meta: [[452, 454]],
      header: [456, 457],
      body: [458, 465],
      textCols: [1], // the unit code 517 sits in the 项目名称 column
    },
    {
      sheet: '部门整体绩效目标表',
      type: 'budget.performance_dept',
      title: 469,
      meta: [['', 467]],
      body: [471, 510],
      width: 5,
      shift: {
        // Correction: "(2)项目支出" row lost its leading blank; its amount belongs under 559.37's column.
        481: 1,
      },
    },
    {
      sheet: '项目绩效目标表',
      type: 'budget.performance_project',
      title: 512,
      meta: [[514]],
      header: [516, 518],
      body: [519, 567],
      shift: {
        // Corrections: in the 517001 block (lines 521–540) and after the page break at 565 the
        // extraction dropped one blank before the indicator columns, so 三级指标/指标值 pairs sit one
        // column left of their headers (compare the 517002 block, lines 542–553).
        521: [4, 1],
        522: 1, 523: 1, 524: 1, 525: 1,
        526: [4, 1],
        527: 1, 528: 1, 529: 1, 531: 1, 532: 1, 533: 1, 534: 1, 535: 1, 536: 1, 537: 1, 538: 1, 539: 1, 540: 1,
        549: 1, 550: 1, 551: 1,
        566: 1, 567: 1,
      },
      // Text wrapped over a page break: "医保人才培训合格" + "率", "救助对象医疗费用负担" + "减轻程度".
      join: [531, 549],
    },
  ],
};
