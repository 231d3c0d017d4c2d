// Cross-table relations (勾稽关系, DOMAIN §4.2) as data. Each relation names figures by
// table type, figure name and column (see table-figures.ts); the checker finds them in
// whatever tables the workbook has and skips a relation whose tables are absent.
import type { TableType } from '../report';

export interface FigureSel {
  types: readonly TableType[];
  /** Figure name patterns, best first: per table the first that matches is used. */
  name: RegExp | readonly RegExp[];
  /** Column name pattern; '' is the table's main column. Defaults to the main column. */
  column?: RegExp;
}

export interface CrossRelation {
  id: string;
  /** Chinese description used in messages. */
  what: string;
  /**
   * Figures that must be equal. With three or more present, a single disagreeing one is
   * the odd one out and carries the finding; otherwise the first present one does.
   */
  equal?: readonly FigureSel[];
  /** Or: `cell` must equal the sum of `sum` (each over every table of its types). */
  cell?: FigureSel;
  sum?: readonly FigureSel[];
  /** Compare every function class (class:xxx) the tables share. */
  perClass?: boolean;
  severity?: 'error' | 'warning';
}

const MAIN = /^$/;
const sel = (types: readonly TableType[], name: RegExp | readonly RegExp[], column: RegExp = MAIN): FigureSel => ({ types, name, column });

const SUMMARY = ['budget.summary'] as const;
const EXPENDITURE = ['budget.expenditure'] as const;
const REVENUE = ['budget.revenue'] as const;
const GENERAL = ['budget.general_expenditure'] as const;
const BASIC = ['budget.basic_expenditure'] as const;
const FISCAL = ['budget.fiscal_summary'] as const;
const THREE = ['budget.three_public'] as const;
const PROJECT = ['budget.project'] as const;

const YEAR_INCOME = /^本年收入(合计)?$|^收入合计$/;
const YEAR_SPENDING = /^本年支出(合计)?$|^支出合计$/;

export const CROSS_RELATIONS: readonly CrossRelation[] = [
  // ── 预算 ──
  { id: 'cross.summary.expenditure', what: '收支总表「本年支出合计」与支出总表「合计」', equal: [sel(SUMMARY, YEAR_SPENDING), sel(EXPENDITURE, /^合计$/)] },
  { id: 'cross.summary.expenditure.class', what: '收支总表各类支出与支出总表各类科目', perClass: true, equal: [sel(SUMMARY, /^class:/), sel(EXPENDITURE, /^class:/)] },
  { id: 'cross.summary.revenue', what: '收支总表「本年收入合计」与收入总表「本年收入合计」', equal: [sel(SUMMARY, YEAR_INCOME), sel(REVENUE, [/^本年收入(合计)?$/, /^合计$/])] },
  { id: 'cross.fiscal.general.class', what: '财政拨款收支总表一般公共预算各类支出与一般公共预算支出表各类科目', perClass: true, equal: [sel(FISCAL, /^class:/, /^一般公共预算/), sel(GENERAL, /^class:/)] },
  {
    id: 'cross.fiscal.spending', what: '财政拨款收支总表「本年支出」与一般公共预算、政府性基金、国有资本经营预算支出表合计之和',
    cell: sel(FISCAL, YEAR_SPENDING),
    sum: [sel(GENERAL, /^合计$/), sel(['budget.gov_fund'], /^合计$/), sel(['budget.state_capital'], /^合计$/)],
  },
  { id: 'cross.general.basic', what: '一般公共预算支出表「基本支出」与基本支出表「合计」', equal: [sel(GENERAL, /^基本支出$/), sel(BASIC, /^合计$/)] },
  { id: 'cross.general.basic.personnel', what: '一般公共预算支出表「人员经费」与基本支出表「人员经费」', equal: [sel(GENERAL, /^人员经费$/), sel(BASIC, /^人员经费$/)] },
  { id: 'cross.general.basic.public', what: '一般公共预算支出表「公用经费」与基本支出表「公用经费」', equal: [sel(GENERAL, /^公用经费$/), sel(BASIC, /^公用经费$/)] },
  { id: 'cross.expenditure.project', what: '支出总表「项目支出」与项目支出表合计', cell: sel(EXPENDITURE, /^项目支出$/), sum: [sel(PROJECT, /^合计$/)] },
  { id: 'cross.three_public.abroad', what: '“三公”经费表「因公出国（境）费」与基本支出表 30212', equal: [sel(THREE, /^三公:出国$/), sel(BASIC, /^code:30212$/)], severity: 'warning' },
  { id: 'cross.three_public.reception', what: '“三公”经费表「公务接待费」与基本支出表 30217', equal: [sel(THREE, /^三公:接待$/), sel(BASIC, /^code:30217$/)], severity: 'warning' },
  { id: 'cross.three_public.car_run', what: '“三公”经费表「公务用车运行维护费」与基本支出表 30231', equal: [sel(THREE, /^三公:车运行$/), sel(BASIC, /^code:30231$/)], severity: 'warning' },
  { id: 'cross.three_public.car_buy', what: '“三公”经费表「公务用车购置费」与基本支出表 31013', equal: [sel(THREE, /^三公:车购置$/), sel(BASIC, /^code:31013$/)], severity: 'warning' },
  // ── 决算 ──
  { id: 'cross.final.summary.revenue', what: '公开01表「本年收入合计」与公开02表「本年收入合计」', equal: [sel(['final.summary'], YEAR_INCOME), sel(['final.revenue'], /^合计$/)] },
  { id: 'cross.final.summary.expenditure', what: '公开01表「本年支出合计」与公开03表「本年支出合计」', equal: [sel(['final.summary'], YEAR_SPENDING), sel(['final.expenditure'], /^合计$/)] },
  { id: 'cross.final.summary.expenditure.class', what: '公开01表各类支出与公开03表各类科目', perClass: true, equal: [sel(['final.summary'], /^class:/), sel(['final.expenditure'], /^class:/)] },
  { id: 'cross.final.fiscal.general', what: '公开04表一般公共预算财政拨款「本年支出合计」与公开05表「合计」', equal: [sel(['final.fiscal_summary'], YEAR_SPENDING, /^一般公共预算/), sel(['final.general_expenditure'], /^合计$/)] },
  { id: 'cross.final.fiscal.general.class', what: '公开04表一般公共预算财政拨款各类支出与公开05表各类科目', perClass: true, equal: [sel(['final.fiscal_summary'], /^class:/, /^一般公共预算/), sel(['final.general_expenditure'], /^class:/)] },
  {
    id: 'cross.final.basic', what: '公开06表人员经费合计与公用经费合计之和与公开05表「基本支出」',
    cell: sel(['final.general_expenditure'], /^基本支出$/),
    sum: [sel(['final.basic_expenditure'], /^人员经费合计$/), sel(['final.basic_expenditure'], /^公用经费合计$/)],
  },
  { id: 'cross.final.fiscal.gov_fund', what: '公开04表政府性基金「本年支出合计」与公开07表本年支出', equal: [sel(['final.fiscal_summary'], YEAR_SPENDING, /^政府性基金/), sel(['final.gov_fund'], [/^本年支出$/, /^合计$/])] },
  { id: 'cross.final.fiscal.state_capital', what: '公开04表国有资本经营「本年支出合计」与公开08表合计', equal: [sel(['final.fiscal_summary'], YEAR_SPENDING, /^国有资本/), sel(['final.state_capital'], /^合计$/)] },
  { id: 'cross.final.three_public.reception', what: '公开09表决算数「公务接待费」与公开06表 30217', equal: [sel(['final.three_public'], /^三公:接待$/, /决算/), sel(['final.basic_expenditure'], /^code:30217$/)], severity: 'warning' },
  { id: 'cross.final.three_public.car_run', what: '公开09表决算数「公务用车运行维护费」与公开06表 30231', equal: [sel(['final.three_public'], /^三公:车运行$/, /决算/), sel(['final.basic_expenditure'], /^code:30231$/)], severity: 'warning' },
];
