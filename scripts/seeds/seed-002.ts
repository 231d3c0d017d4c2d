// Seed 002: 泗县医疗保障局 2024年度部门预算 (budget, 万元). The document has no 收入总表 although
// its contents list one. The five 项目支出绩效目标表 appear twice — inline in the 说明 and again in
// the 附件; the workbook has them once, from the 附件 (the inline copies are left out of 说明).
import type { SeedConfig, TableSpec } from './types';

/** A 项目支出绩效目标表 of the 附件: title, "(2024年度)", five-column form. */
function target(no: number, title: number, last: number, repairs: Partial<TableSpec> = {}): TableSpec {
  return { sheet: `绩效目标表(${no})`, type: 'budget.performance_project', title, meta: [[title + 2]], body: [title + 4, last], width: 5, ...repairs };
}

export const seed002: SeedConfig = {
  seed: '002',
  narrative: [[1, 89], [310, 403], [427, 437], [461, 476], [501, 516], [541, 556], [582, 626]],
  tables: [
    { sheet: '收支总表', type: 'budget.summary', title: 93, meta: [['', 91], ['', 95]], header: [97, 98], body: [99, 133] },
    { sheet: '支出总表', type: 'budget.expenditure', title: 135, meta: [['', 137]], header: [139, 139], body: [140, 153] },
    { sheet: '财政拨款收支总表', type: 'budget.fiscal_summary', title: 155, meta: [['', 157]], header: [159, 160], body: [161, 193] },
    { sheet: '一般公共预算支出表', type: 'budget.general_expenditure', title: 195, meta: [['', 197]], header: [199, 200], body: [201, 214] },
    { sheet: '一般公共预算基本支出表', type: 'budget.basic_expenditure', title: 216, meta: [['', 218]], header: [220, 221], body: [222, 254] },
    { sheet: '政府性基金预算支出表', type: 'budget.gov_fund', title: 256, meta: [['', 258]], header: [260, 261], notes: [263, 263] },
    { sheet: '国有资本经营预算支出表', type: 'budget.state_capital', title: 265, meta: [['', 267]], header: [269, 270], notes: [272, 272] },
    { sheet: '项目支出表', type: 'budget.project', title: 274, meta: [['', 276]], header: [278, 279], body: [280, 285] },
    { sheet: '政府采购支出表', type: 'budget.procurement', title: 287, meta: [['', 289]], header: [291, 291], body: [292, 300] },
    { sheet: '政府购买服务支出表', type: 'budget.purchase_service', title: 302, meta: [['', 304]], header: [306, 306], notes: [308, 308] },
    { sheet: '绩效目标清单', type: 'budget.performance_project', title: 628, header: [629, 629], body: [630, 634], textCols: [0] },
    target(1, 636, 657),
    target(2, 659, 680),
    target(3, 682, 703),
    target(4, 705, 726, {
      // Correction: this row lost the blank before 可持续影响指标 and gained one before its value
      // (compare the inline copy, line 538).
      remap: { 725: [0, 2, 3, -1, 4] },
    }),
    target(5, 728, 749),
  ],
};
