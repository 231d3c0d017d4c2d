// Seed 003: 洛阳市瀍河回族区医疗保障局 2023年度部门决算 (final accounts: 公开01–09, the
// 部门整体自评表 and eleven 项目单位自评表, 万元).
//
// The self-evaluation forms are the worst part of the extraction: rows lose or gain blank
// cells at random, so labels and figures drift one or two columns. Every form is brought
// back to the layout of its own intact rows (10 columns: 指标 levels 1–3 in B–D, 年度指标值 E,
// 实际完成值 F, 分值 G, 得分 H, 偏差度 I, 原因 J; the 资金 block has 年初预算数 C … 得分 H and the
// 资金管理情况 block 情况说明 C, 分值 D, 得分 E). Each `shift`/`remap` below is such a repair.
import { lines } from './helpers';
import type { SeedConfig, TableSpec } from './types';

const DEPT = 151; // "部门名称：洛阳市瀍河回族区医疗保障局" (same text above every table)
const YEAR = 153; // "2023 年度"
const UNIT = 149; // "单位：万元"

/** One of the 公开NN tables: title, "公开NN表" right-aligned, then 部门名称 / 年度 / 单位. */
function open(sheet: string, type: TableSpec['type'], title: number, rest: Omit<TableSpec, 'sheet' | 'type' | 'title' | 'meta'>): TableSpec {
  return { sheet, type, title, meta: [['', title + 2], [DEPT, YEAR, UNIT]], ...rest };
}

/** A 项目单位自评表. */
function selfEval(no: number, title: number, last: number, repairs: Partial<TableSpec>): TableSpec {
  return { sheet: `项目自评表(${no})`, type: 'final.performance_self_eval', title, body: [title + 2, last], width: 10, ...repairs };
}

/** Header row of the 资金 block when printed with a blank after every label (tables 6 and 11). */
const SPACED_FUNDS_HEADER = [0, -1, 2, -1, 3, -1, 4, -1, 5, 6, 7];

export const seed003: SeedConfig = {
  seed: '003',
  narrative: [[1, 95], [393, 537], [599, 599], [1000, 1033]],
  tables: [
    open('公开01表', 'final.summary', 97, { header: [106, 108], body: [109, 141], skip: [142], notes: [144, 144] }),
    open('公开02表', 'final.revenue', 146, { header: [155, 157], body: [158, 176], notes: [178, 178] }),
    open('公开03表', 'final.expenditure', 180, { header: [189, 191], body: [192, 210], notes: [212, 212] }),
    open('公开04表', 'final.fiscal_summary', 214, { header: [223, 225], body: [226, 258], notes: [260, 260] }),
    // 公开05 prints 部门名称/年度 above "公开 05 表 / 单位" — same rows, other order.
    { ...open('公开05表', 'final.general_expenditure', 262, { header: [271, 273], body: [274, 292], notes: [294, 294] }), meta: [['', 268], [DEPT, YEAR, UNIT]] },
    open('公开06表', 'final.basic_expenditure', 296, { header: [305, 306], body: [307, 336], notes: [338, 338] }),
    open('公开07表', 'final.gov_fund', 340, { header: [349, 351], body: [352, 352], notes: [354, 356] }),
    open('公开08表', 'final.state_capital', 358, { header: [367, 369], body: [370, 370], notes: [372, 374] }),
    open('公开09表', 'final.three_public', 376, { header: [385, 388], body: [389, 389], notes: [391, 391] }),
    {
      sheet: '部门整体自评表',
      type: 'final.performance_self_eval',
      title: 539,
      body: [541, 597],
      width: 10,
      join: [554, 562],
      remap: lines(555, 560, [1, -1, 2, 4]), // 任务名称 B, 主要内容 C, 实际完成情况 E
      shift: {
        563: [3, -1],
        578: 3,
        ...lines(580, 584, [1, 1] as const),
        594: -1, 595: -1, 596: -1, 597: -1,
      },
    },
    selfEval(1, 601, 635, {
      join: [616, 625, 629],
      shift: { 623: 1, 630: [1, 1], 631: 1, 632: [1, 1], 633: [1, 1], 634: 1, 635: [1, 1] },
    }),
    selfEval(2, 637, 671, {
      remap: { 646: [0, 2, 1], 665: [0, 2, 1], 667: [0, 2, 1], 669: [1, 2, 0] },
      shift: { 661: [1, 1], 662: 2, 666: 1, 668: [1, 1] },
    }),
    selfEval(3, 673, 707, {
      remap: { 682: [0, 2, 1] },
      join: [696],
      shift: { 694: 1, ...lines(697, 702, [1, 1] as const), 703: 1, 704: [1, 1], 705: [1, 1], 706: 1, 707: [1, 1] },
    }),
    selfEval(4, 709, 742, {
      // 年度总体目标 is split over a page break ("年度总" … "体目标"): the label is restored on
      // the first line and the fragment dropped from the second.
      cells: { 723: ['年度总体目标', '预期目标', '', '', '', '实际完成情况'] },
      remap: { 725: [-1], 731: [3, -1, -1, 4, 5, 6, 7, 8] },
      shift: {
        ...lines(718, 722, [3, -1] as const),
        ...lines(733, 736, [1, 1] as const),
        738: 1, 739: [1, 1], 740: [1, 1], 741: 1, 742: [1, 1],
      },
    }),
    selfEval(5, 744, 789, {
      join: [778],
      shift: { ...lines(754, 758, [3, -2] as const), 765: 1, ...lines(767, 776, [1, 1] as const), 789: -1 },
    }),
    selfEval(6, 791, 825, {
      remap: {
        793: [0, -1, 1],
        794: [0, -1, 1, -1, 3, -1, 4],
        795: SPACED_FUNDS_HEADER,
        ...lines(796, 799, [0, -1, 1, -1, 2, 3, 4, 5, 6, 7]),
        ...lines(801, 804, [0, -1, 1, -1, 2, -1, 3, 4]),
        807: [0, 1, 2, 3, 4, 5, 6, 7, 8, -1, 9],
      },
      join: [809],
      shift: {
        800: [3, -2],
        810: 1, 811: [1, 1], 812: [1, 1], 813: 1,
        ...lines(814, 819, [1, 1] as const),
        821: 1, 822: [1, 1], 823: [1, 1], 824: 1, 825: [1, 1],
      },
    }),
    selfEval(7, 827, 863, {
      join: [861],
      shift: {
        840: [3, -2], 841: [3, -2], 848: 1, 855: [1, -1], 856: -1, 857: -1, 858: -1,
        861: [1, 1], 862: 1, 863: [1, 1],
      },
    }),
    selfEval(8, 865, 900, {
      cells: { 879: ['年度总体目标', '预期目标', '', '', '', '实际完成情况'] },
      // 881 starts with the fragment "体目标"; 892 with "标", the tail of the vertical 绩效指标 label.
      remap: { 881: [-1], 892: [-1, 2, 3, 4, 5, 6, 7, 8] },
      shift: { ...lines(874, 878, [3, -1] as const), ...lines(893, 898, [1, 1] as const), 900: [1, 1] },
    }),
    selfEval(9, 902, 935, {
      shift: {
        ...lines(912, 916, [3, -1] as const),
        917: [2, 1], 918: [2, 1],
        924: 1, 925: [1, 1], 926: [1, 1], 927: [1, 1], 928: [1, 1], 930: [1, 1],
        931: 1, 932: [1, 1], 933: [1, 1], 934: 1, 935: [1, 1],
      },
    }),
    selfEval(10, 937, 966, { shift: { 951: [3, -2] } }),
    selfEval(11, 968, 998, {
      remap: {
        970: [0, -1, 1],
        971: [0, -1, 1, -1, -1, 3, -1, 4],
        972: SPACED_FUNDS_HEADER,
        ...lines(973, 976, [0, 1, 2, -1, 3, -1, 4, -1, 5, 6, 7]),
      },
      join: [995],
      shift: lines(977, 981, [3, -2] as const),
    }),
  ],
};
