// One declarative description per table type. Recognition (title words, header words,
// shape), checking (type-specific formulas) and later derivation and templates all
// read these entries; nothing else in the engine names a table type's wording.
import type { TableType } from './report';

/** 'any': performance tables carry no 预算/决算 word of their own. */
export type Family = 'budget' | 'final' | 'any';

/** The body shape a type is expected to have. */
export type Shape =
  | 'halves' // 收入 | 支出 side by side (收支总表, 01, 04)
  | 'function' // function-classification rows (类/款/项)
  | 'economic' // economic-classification rows (301 …)
  | 'units' // rows are units or function rows × fund sources
  | 'items' // rows are projects / purchases / services
  | 'three_public'
  | 'text'; // performance tables: mostly text

/** A term of a formula: a header or row label pattern with a sign. */
export interface Term {
  sign: 1 | -1;
  match: RegExp;
}

/** result = Σ sign × term, evaluated on every body row (columns) or every amount column (rows). */
export interface Formula {
  id: string;
  result: RegExp;
  terms: Term[];
  /** 'error' unless the relation is known to differ by 口径 in real tables. */
  severity?: 'error' | 'warning';
  /** Rows are matched by economic code prefixes instead of labels. */
  byCode?: boolean;
}

export interface TableSpec {
  type: TableType;
  family: Family;
  /** Chinese name shown to users. */
  name: string;
  /** Every group must match the normalized title (each group: alternatives). */
  title: RegExp[];
  /** Any match excludes the type. */
  notTitle?: RegExp[];
  /** Header words that support the type when the title is missing or vague. */
  header?: RegExp[];
  /** Header or body words that rule the type out (绩效 words in a 项目支出表 look-alike). */
  notHeader?: RegExp[];
  /** 决算 公开NN表 number. */
  publicNo?: number;
  shape: Shape;
  columnFormulas?: Formula[];
  rowFormulas?: Formula[];
}

const FINAL = /决算/;
const PERFORMANCE_WORDS = /^(一级指标|二级指标|三级指标|指标值|年度指标值|绩效指标|绩效目标|分值|得分|执行率|偏差度)$/;
const t = (sign: 1 | -1, match: RegExp): Term => ({ sign, match });

export const SPECS: readonly TableSpec[] = [
  // ── 预算 ──
  {
    type: 'budget.summary', family: 'budget', name: '部门收支总表', shape: 'halves',
    title: [/收支/, /总表|总体|总计|收支表$|收支预算表/],
    notTitle: [/财政拨款|政府性基金|国有资本|三公|决算|机关运行/],
    header: [/^收入$/, /^支出$/],
  },
  {
    type: 'budget.revenue', family: 'budget', name: '部门收入总表', shape: 'units',
    title: [/收入/, /总表|总体|收入表|收入预算表/],
    notTitle: [/收支|支出|政府性基金|国有资本|决算/],
    header: [/一般公共预算|财政拨款/, /事业收入|其他收入|单位资金|财政专户/],
    notHeader: [PERFORMANCE_WORDS],
  },
  {
    type: 'budget.expenditure', family: 'budget', name: '部门支出总表', shape: 'function',
    title: [/支出/, /总表|总体|支出预算表|支出表$/],
    notTitle: [/收支|一般公共预算|政府性基金|国有资本|决算|三公|项目|采购|购买服务|经济分类|基本支出|财政拨款/],
    header: [/基本支出/, /项目支出/],
  },
  {
    type: 'budget.fiscal_summary', family: 'budget', name: '财政拨款收支总表', shape: 'halves',
    title: [/财政拨款/, /收支/],
    notTitle: [FINAL, /机关运行|三公/],
    header: [/^收入$/, /^支出$/, /一般公共预算/, /政府性基金/],
  },
  {
    type: 'budget.general_expenditure', family: 'budget', name: '一般公共预算支出表', shape: 'function',
    title: [/一般公共预算/, /支出/],
    notTitle: [FINAL, /基本支出|三公|经济分类|收入|机关运行|财政拨款收支/],
    header: [/基本支出/, /项目支出/],
  },
  {
    type: 'budget.basic_expenditure', family: 'budget', name: '一般公共预算基本支出表', shape: 'economic',
    title: [/基本支出/],
    notTitle: [FINAL],
    header: [/人员经费/, /公用经费/, /经济分类/],
  },
  {
    type: 'budget.economic_summary', family: 'budget', name: '支出经济分类汇总表', shape: 'economic',
    title: [/经济分类/],
    notTitle: [FINAL, /基本支出/],
    header: [/经济分类/],
  },
  {
    type: 'budget.three_public', family: 'budget', name: '“三公”经费支出表', shape: 'three_public',
    title: [/三公/],
    notTitle: [FINAL],
    header: [/因公出国/, /公务接待/, /公务用车/],
  },
  {
    type: 'budget.gov_fund', family: 'budget', name: '政府性基金预算支出表', shape: 'function',
    title: [/政府性基金/],
    notTitle: [FINAL],
  },
  {
    type: 'budget.state_capital', family: 'budget', name: '国有资本经营预算支出表', shape: 'function',
    title: [/国有资本经营/],
    notTitle: [FINAL],
  },
  {
    type: 'budget.project', family: 'budget', name: '项目支出表', shape: 'items',
    title: [/项目/, /支出|预算/],
    notTitle: [FINAL, /绩效|自评|三公|采购|购买服务/],
    header: [/项目名称/],
    notHeader: [PERFORMANCE_WORDS],
  },
  {
    type: 'budget.procurement', family: 'budget', name: '政府采购支出表', shape: 'items',
    title: [/政府采购/], notTitle: [FINAL],
    header: [/采购/],
  },
  {
    type: 'budget.purchase_service', family: 'budget', name: '政府购买服务支出表', shape: 'items',
    title: [/购买服务/], notTitle: [FINAL],
  },
  {
    type: 'budget.operating_cost', family: 'budget', name: '机关运行经费表', shape: 'items',
    title: [/机关运行经费/], notTitle: [FINAL],
  },
  {
    type: 'budget.performance_dept', family: 'any', name: '部门整体绩效目标表', shape: 'text',
    title: [/绩效/, /整体/], notTitle: [/自评/],
    header: [/年度履职目标|整体/, /指标/],
  },
  {
    type: 'budget.performance_project', family: 'any', name: '项目支出绩效目标表', shape: 'text',
    title: [/绩效|申报表/, /项目|目标|申报|清单/], notTitle: [/整体|自评/],
    header: [/绩效|指标值|三级指标|项目概况/, /项目名称|项目资金|资金总额/],
  },
  // ── 决算 ──
  {
    type: 'final.summary', family: 'final', name: '收入支出决算总表（公开01表）', shape: 'halves', publicNo: 1,
    title: [FINAL, /收入支出决算总表|收支决算总表/], notTitle: [/财政拨款/],
  },
  {
    type: 'final.revenue', family: 'final', name: '收入决算表（公开02表）', shape: 'function', publicNo: 2,
    title: [/收入决算表/], notTitle: [/财政拨款|支出/],
  },
  {
    type: 'final.expenditure', family: 'final', name: '支出决算表（公开03表）', shape: 'function', publicNo: 3,
    title: [/支出决算表/], notTitle: [/财政拨款|一般公共预算|政府性基金|国有资本|三公|收入|基本支出/],
  },
  {
    type: 'final.fiscal_summary', family: 'final', name: '财政拨款收入支出决算总表（公开04表）', shape: 'halves', publicNo: 4,
    title: [/财政拨款/, /收入支出决算总表|收支决算总表/], notTitle: [/三公/],
  },
  {
    type: 'final.general_expenditure', family: 'final', name: '一般公共预算财政拨款支出决算表（公开05表）', shape: 'function', publicNo: 5,
    title: [/一般公共预算/, /支出决算/], notTitle: [/基本支出/],
  },
  {
    type: 'final.basic_expenditure', family: 'final', name: '一般公共预算财政拨款基本支出决算明细表（公开06表）', shape: 'economic', publicNo: 6,
    title: [/基本支出/, FINAL],
    rowFormulas: [
      { id: 'formula.personnel', result: /^人员经费合计$/, terms: [t(1, /^301$/), t(1, /^303$/)], byCode: true },
      { id: 'formula.public', result: /^公用经费合计$/, terms: [t(1, /^302$/), t(1, /^307$/), t(1, /^309$/), t(1, /^310$/), t(1, /^399$/)], byCode: true },
    ],
  },
  {
    type: 'final.gov_fund', family: 'final', name: '政府性基金预算财政拨款收入支出决算表（公开07表）', shape: 'function', publicNo: 7,
    title: [/政府性基金/, FINAL],
    columnFormulas: [
      { id: 'formula.carryover', result: /年末结转和?结余/, terms: [t(1, /年初结转和?结余/), t(1, /^本年收入/), t(-1, /^本年支出/)] },
    ],
  },
  {
    type: 'final.state_capital', family: 'final', name: '国有资本经营预算财政拨款支出决算表（公开08表）', shape: 'function', publicNo: 8,
    title: [/国有资本经营/, FINAL],
  },
  {
    type: 'final.three_public', family: 'final', name: '财政拨款“三公”经费支出决算表（公开09表）', shape: 'three_public', publicNo: 9,
    title: [/三公/, FINAL],
  },
  {
    type: 'final.performance_self_eval', family: 'any', name: '绩效自评表', shape: 'text',
    title: [/自评/],
    header: [/执行率/, /得分|分值/, /全年执行数|实际完成值/],
  },
];

const BY_TYPE = new Map(SPECS.map((s) => [s.type, s]));

export function specOf(type: TableType): TableSpec | undefined {
  return BY_TYPE.get(type);
}

/** Chinese display name of a type ("未识别" for unknown). */
export function typeName(type: TableType): string {
  return BY_TYPE.get(type)?.name ?? '未识别表格';
}
