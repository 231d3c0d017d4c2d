// Seed 004: 柳林县医疗保险服务中心 2023年度单位预算 (budget, 13 tables in 万元, eleven
// 项目支出绩效目标申报表 in 元).
//
// The 申报表 forms are wider than the PDF page: for forms 2–11 the right-hand columns (实施单位 /
// 项目期 / 年度资金 values, 年度目标, the right 三级指标/指标值 pair, 填报日期) were printed on the next
// page, headed "申报表" (the end of the title). `overflow` puts them back into their rows; the
// title is restored whole. Figures stay as published, including the 2518 人 × 60 元 = 151,080 ≠
// 150,000 and 93 × 31,400 = 2,920,200 ≠ 2,920,000 inconsistencies.
import type { LineRange, SeedConfig, TableSpec } from './types';

const UNIT_ROW = [121 + 2, 121 + 4] as const; // 单位名称 / 单位：万元 (same text above every table)
const FORM_TITLE = '柳林县县(区)级预算部门(单位)项目支出绩效目标申报表';

function budget(sheet: string, type: TableSpec['type'], title: number, rest: Omit<TableSpec, 'sheet' | 'type' | 'title' | 'meta'>): TableSpec {
  return { sheet, type, title, meta: [[...UNIT_ROW]], ...rest };
}

/** Rows of a form 2–11 that receive the columns printed on the following page, in page order. */
interface OverflowTargets {
  /** 实施单位, 项目期, 年度资金总额 and its four 其中 rows (value column F). */
  funds: LineRange;
  /** Long texts (项目概况 …) whose tails spilled over: appended in column C unless a column is given. */
  texts?: readonly (number | readonly [number, number])[];
  /** 实施期目标 row (gets "年度目标") and 总体目标 row (gets the annual target text), column F. */
  goal: readonly [number, number];
  /** 绩效指标 header row and each indicator row with a right-hand 三级指标/指标值 pair (columns G–H). */
  indicators: readonly number[];
  /** 负责人 row (gets 填报日期). */
  sign: number;
}

function overflowInto(t: OverflowTargets): (readonly [number, number])[] {
  const into: (readonly [number, number])[] = [];
  for (let n = t.funds[0]; n <= t.funds[1]; n++) into.push([n, 5]);
  for (const x of t.texts ?? []) into.push(typeof x === 'number' ? [x, 2] : x);
  into.push([t.goal[0], 5], [t.goal[1], 5]);
  for (const n of t.indicators) into.push([n, 6]);
  into.push([t.sign, 6]);
  return into;
}

function form(no: number, title: number, body: LineRange, overflow?: { from: number; to: number; targets: OverflowTargets }, repairs: Partial<TableSpec> = {}): TableSpec {
  return {
    sheet: `绩效目标表(${no})`,
    type: 'budget.performance_project',
    title: FORM_TITLE,
    meta: [[title + 2]],
    body,
    width: 8,
    ...(overflow ? { overflow: { from: overflow.from, to: overflow.to, into: overflowInto(overflow.targets) } } : {}),
    ...repairs,
  };
}

/**
 * Repairs shared by forms 6–8 (same template, same extraction faults): 二级指标 printed in the
 * 一级 column, the 时效指标 row missing its two leading blanks, the 满意度 rows one column left.
 * `o` is the form's line offset from form 6.
 */
function rescueRepairs(o: number, extra: Partial<TableSpec> = {}): Partial<TableSpec> {
  return {
    remap: { [709 + o]: [0, 2, 1], [711 + o]: [0, 2, 1], [712 + o]: [2, -1, 3, 4, 5], ...extra.remap },
    shift: { [721 + o]: 1, [722 + o]: [1, 1], ...extra.shift },
  };
}

export const seed004: SeedConfig = {
  seed: '004',
  narrative: [[1, 74], [355, 422], [1048, 1097]],
  tables: [
    { sheet: '收支总表', type: 'budget.summary', title: 78, meta: [['', 76], [80, 82]], header: [84, 85], body: [86, 119] },
    budget('收入总表', 'budget.revenue', 121, { header: [127, 128], body: [129, 136] }),
    budget('支出总表', 'budget.expenditure', 138, { header: [144, 145], body: [146, 153] }),
    budget('财政拨款收支总表', 'budget.fiscal_summary', 155, { header: [161, 163], body: [164, 200] }),
    budget('一般公共预算支出表', 'budget.general_expenditure', 202, { header: [208, 209], body: [210, 217] }),
    budget('基本支出分经济科目表', 'budget.basic_expenditure', 219, { header: [225, 226], body: [227, 248] }),
    budget('政府性基金收入表', 'budget.gov_fund', 250, { header: [256, 257], body: [258, 258], notes: [260, 260] }),
    budget('政府性基金支出表', 'budget.gov_fund', 262, { header: [268, 268], body: [269, 269], notes: [271, 271] }),
    budget('国有资本经营预算表', 'budget.state_capital', 273, { header: [279, 281], body: [282, 289], notes: [291, 291] }),
    budget('三公经费表', 'budget.three_public', 293, { header: [299, 300], body: [301, 306] }),
    budget('机关运行经费表', 'budget.operating_cost', 308, { header: [314, 315], body: [316, 316], notes: [318, 318] }),
    budget('项目支出表(本年)', 'budget.project', 320, { header: [326, 328], body: [329, 339] }),
    budget('项目支出表(上年结转)', 'budget.project', 341, { header: [347, 349], body: [350, 352] }),
    form(1, 424, [428, 454], undefined, {
      remap: { 436: [1, -1, -1, 4] }, // 其他资金 labels printed one column left of their rows
    }),
    form(2, 456, [460, 487], {
      from: 491, to: 508,
      targets: { funds: [461, 467], goal: [474, 475], indicators: [476, 477, 478, 479, 480, 482, 486], sign: 487 },
    }, { remap: { 482: [2, -1, 3, 4, 5] } }),
    form(3, 510, [514, 541], {
      from: 545, to: 563,
      targets: { funds: [515, 521], texts: [523], goal: [528, 529], indicators: [530, 531, 532, 533, 534, 536, 540], sign: 541 },
    }, { remap: { 536: [2, -1, 3, 4, 5] } }),
    form(4, 565, [569, 596], {
      from: 601, to: 619,
      targets: { funds: [570, 576], texts: [578], goal: [583, 584], indicators: [585, 586, 587, 588, 589, 592, 595], sign: 596 },
    }, {
      // The project name is cut at the page edge ("…补缴财政部分医" / "医疗保险"): restored as in
      // 项目支出预算表 (line 335), and the overflow fragment (line 600) dropped.
      cells: { 569: ['项目名称', '', '2023年原国有困难企业退休人员补缴财政部分医疗保险'] },
      skip: [600],
    }),
    form(5, 621, [625, 656], {
      from: 660, to: 686,
      targets: {
        funds: [626, 632], texts: [634, 636, 637, 638, [640, 1]], goal: [639, 640],
        indicators: [641, 642, 643, 644, 645, 649, 650, 652, 653, 654, 655], sign: 656,
      },
    }, { remap: { 645: [1, 2, 3, 4, 5], 652: [0, 2, 1] }, shift: { 654: 1, 655: [1, 1] } }),
    form(6, 688, [692, 723], {
      from: 727, to: 752,
      targets: {
        funds: [693, 699], texts: [701, 703, 704, 705], goal: [706, 707],
        indicators: [708, 709, 710, 711, 712, 716, 717, 719, 720, 721, 722], sign: 723,
      },
    }, rescueRepairs(0, { shift: { 718: [3, 1], 719: [1, 1], 720: [1, 1] } })),
    form(7, 754, [758, 789], {
      from: 793, to: 818,
      targets: {
        funds: [759, 765], texts: [767, 769, 770, 771], goal: [772, 773],
        indicators: [774, 775, 776, 777, 778, 782, 783, 785, 786, 787, 788], sign: 789,
      },
    }, rescueRepairs(66, { remap: { 785: [0, 2, 1] } })),
    form(8, 820, [824, 855], {
      from: 859, to: 884,
      targets: {
        funds: [825, 831], texts: [833, 835, 836, 837], goal: [838, 839],
        indicators: [840, 841, 842, 843, 844, 848, 849, 851, 852, 853, 854], sign: 855,
      },
    }, rescueRepairs(132, { remap: { 851: [0, 2, 1] } })),
    form(9, 886, [890, 917], {
      from: 921, to: 938,
      targets: { funds: [891, 897], goal: [904, 905], indicators: [906, 907, 908, 909, 910, 913, 916], sign: 917 },
    }),
    form(10, 940, [944, 971], {
      from: 975, to: 992,
      targets: { funds: [945, 951], goal: [958, 959], indicators: [960, 961, 962, 963, 964, 967, 970], sign: 971 },
    }),
    form(11, 994, [998, 1025], {
      from: 1029, to: 1046,
      targets: { funds: [999, 1005], goal: [1012, 1013], indicators: [1014, 1015, 1016, 1017, 1018, 1021, 1024], sign: 1025 },
    }),
  ],
};
