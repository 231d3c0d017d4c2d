import { extractStatements, prose } from '../../src/engine/narrative/extract';
import { resolveSubject } from '../../src/engine/narrative/vocabulary';
import { proseSheet } from './sheet';
import { show } from './show';

function read(...lines: string[]): string[] {
  return extractStatements(proseSheet(lines)).map(show);
}

// Sentences as the seeds print them (/work/shared/seeds/*.txt), one paragraph per row.
const cases: [string, string[], string[]][] = [
  [
    'seed 000 收支总体: 总计, and changes of 收入/支出 each back to its own total',
    ['卢氏县医疗保障局 2023 年收入总计 780.84 万元，支出总计 780.34 万元，与 2022 年预算相比，收入减少 2528.17 万元，减少 76.40%。主要原因：卫生健康支出减少 2399.79 万元；支出减少 2528.17 万元，减少 76.40%。'],
    [
      'amount 收入总计 780.84万元',
      'amount 支出总计 780.34万元',
      'change 收入总计 -2528.17万元 76.40% vs 2022 of 780.84万元',
      'change 卫生健康支出 -2399.79万元 - vs 2022 of -',
      'change 支出总计 -2528.17万元 76.40% vs 2022 of 780.34万元',
    ],
  ],
  [
    'seed 000 支出: 其中 parts and their 占 shares of the sentence total',
    ['卢氏县医疗保障局 2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，占 71.64%；项目支出 221.47 万元，占 28.36%。'],
    [
      'amount 支出合计 780.84万元',
      'amount 基本支出 559.37万元 ⊂ 支出合计',
      'share 基本支出 71.64% = 559.37万元 / 支出合计 780.84万元',
      'amount 项目支出 221.47万元 ⊂ 支出合计',
      'share 项目支出 28.36% = 221.47万元 / 支出合计 780.84万元',
    ],
  ],
  [
    'seed 000 基本支出: a "主要包括：…" inside the list opens no sub-list; shown precision kept',
    ['卢氏县医疗保障局 2023 年一般公共预算基本支出年初预算为 559.37 万元。其中：人员经费支出 542.48 万元，占 96.98%，主要包括：基本工资、津贴补贴；公用经费支出 16.89 万元，占 3.02%，主要包括：在职人员定额公用经费和公务用车补贴等。'],
    [
      'amount 一般公共预算基本支出 559.37万元',
      'amount 人员经费 542.48万元 ⊂ 一般公共预算基本支出',
      'share 人员经费 96.98% = 542.48万元 / 一般公共预算基本支出 559.37万元',
      'amount 公用经费 16.89万元 ⊂ 一般公共预算基本支出',
      'share 公用经费 3.02% = 16.89万元 / 一般公共预算基本支出 559.37万元',
    ],
  ],
  [
    'seed 000 三公: the change of the next sentence refers to the paragraph total',
    ['卢氏县医疗保障局 2023 年“三公”经费预算为 3.3 万元。2023 年“三公”经费支出预算数比 2022 年减少 0.3 万元，下降 8.33%。'],
    ['amount 三公经费 3.3万元', 'change 三公经费 -0.3万元 8.33% vs 2022 of 3.3万元'],
  ],
  [
    'seed 000 公务用车: 其中 after a comma, 0 万元 kept with 0 decimals',
    ['(三)公务用车购置及运行费 3 万元，其中，公务用车购置费 0 万元；公务用车运行维护费 3 万元，主要用于开展工作所需公务用车的燃料费等支出。比 2022 年增加 0 万元，增长 0.00%。'],
    [
      'amount 公务用车购置及运行费 3万元',
      'amount 公务用车购置费 0万元 ⊂ 公务用车购置及运行费',
      'amount 公务用车运行维护费 3万元 ⊂ 公务用车购置及运行费',
      'change 公务用车购置及运行费 +0万元 0.00% vs 2022 of 3万元',
    ],
  ],
  [
    'seed 000 收支预算: a 收支 phrase names both figures',
    ['卢氏县医疗保障局 2023 年一般公共预算收支预算 780.84 万元，政府性基金收支预算 0 万元。'],
    [
      'amount 一般公共预算收入 780.84万元',
      'amount 一般公共预算支出 780.84万元',
      'amount 政府性基金预算收入 0万元',
      'amount 政府性基金预算支出 0万元',
    ],
  ],
  [
    'seed 000 other: counts, thresholds and non-figures are no checked amounts',
    ['2022 年期末，我部门共有车辆 0 辆；单价 50 万元以上通用设备 0 套。其中预算支出 100 万元及 100 万元以上项目 1 个，支出总额 140 万元。'],
    ['amount null 140万元'],
  ],
  [
    'seed 001 绩效: 基本支出/项目支出 under a non-figure total still name the table figures',
    ['（六）预算绩效目标说明：本单位所有支出实行绩效目标管理。纳入2023年部门整体支出绩效目标的金额为768.04万元，其中，基本支出482.04万元，项目支出286.00万元。'],
    ['amount null 768.04万元', 'amount 基本支出 482.04万元 ⊂ null', 'amount 项目支出 286.00万元 ⊂ null'],
  ],
  [
    'seed 002 项目支出 by fund source: no figure of the tables this vocabulary names',
    ['主要包括：本年财政拨款安排2145万元（其中，一般公共预算拨款安排2145万元，政府性基金预算拨款安排0万元），财政专户管理资金安排0万元。'],
    ['amount null 2145万元', 'amount null 2145万元 ⊂ null', 'amount null 0万元 ⊂ null', 'amount null 0万元 ⊂ null'],
  ],
  [
    'seed 001 收入: 较去年 and a bare 收入 back to the total',
    ['（1） 收入预算：2023年本单位收入预算768.04万元，其中，一般公共预算拨款768.04万元。收入较去年减少28.15万元，下降3.54%。主要是正常浮动。'],
    [
      'amount 收入总计 768.04万元',
      'amount 一般公共预算收入 768.04万元 ⊂ 收入总计',
      'change 收入总计 -28.15万元 3.54% vs 2022 of 768.04万元',
    ],
  ],
  [
    'seed 001 项目支出: a function class under 项目支出 is only its part, no table figure',
    ['（二）项目支出：2023年本单位项目支出预算286.00万元，主要是单位为完成特定行政工作任务而发生的支出，其中：卫生健康支出286.00万元。'],
    ['amount 项目支出 286.00万元', 'amount null 286.00万元 ⊂ 项目支出'],
  ],
  [
    'seed 002 支出: the 其中 list after a sentence break still belongs to the paragraph total',
    ['泗县医疗保障局2024年支出预算2805.56万元，比2023年预算增加1653.67万元，增长143.56%，增长原因主要是一、2024年医疗救助项目纳入预算。其中，基本支出660.56万元，占23.54%；项目支出2145.0万元，占76.46%。'],
    [
      'amount 支出总计 2805.56万元',
      'change 支出总计 +1653.67万元 143.56% vs 2023 of 2805.56万元',
      'amount 基本支出 660.56万元 ⊂ 支出总计',
      'share 基本支出 23.54% = 660.56万元 / 支出总计 2805.56万元',
      'amount 项目支出 2145.0万元 ⊂ 支出总计',
      'share 项目支出 76.46% = 2145.0万元 / 支出总计 2805.56万元',
    ],
  ],
  [
    'seed 002 项 line: the subject is the 项 of the classification path',
    ['5. **卫生健康（类）医疗保障管理事务（款）行政运行（项）**2024年预算242.41万元，比2023年预算增加58.91万元，增长32.10%，增长原因主要是人员经费和项目支出增加。'],
    ['amount 行政运行 242.41万元', 'change 行政运行 +58.91万元 32.10% vs 2023 of 242.41万元'],
  ],
  [
    'seed 003 收支总计均为 and 各增加',
    ['2023 年度收、支总计均为 467.00 万元。与上年度相比，收、支总计各增加 140.39 万元，增长 42.98%。'],
    ['amount 收入总计 467.00万元', 'amount 支出总计 467.00万元', 'change 收入总计 +140.39万元 42.98% vs 2022 of 467.00万元'],
  ],
  [
    'seed 003 占 an explicitly named base',
    ['2023 年度一般公共预算财政拨款支出 467.00 万元，占支出合计的 100.00%。'],
    ['amount 一般公共预算支出 467.00万元', 'share 一般公共预算支出 100.00% = 467.00万元 / 支出合计 -'],
  ],
  [
    'seed 003 完成年初预算: 决算 ÷ 年初预算',
    ['2023 年度一般公共预算财政拨款支出年初预算为 385.79 万元，支出决算为 467.00 万元，完成年初预算的 121.05%。其中：'],
    [
      'amount 一般公共预算支出 385.79万元 (budget)',
      'amount 一般公共预算支出 467.00万元 (final)',
      'rate 一般公共预算支出 121.05% = 467.00万元 / 385.79万元',
    ],
  ],
  [
    'seed 003 项 named in the sentence before its amounts',
    ['1. 社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算数为 2.33 万元，决算数 3.73 万元，完成年初预算的 160.09%。'],
    [
      'amount 行政单位离退休 2.33万元 (budget)',
      'amount 行政单位离退休 3.73万元 (final)',
      'rate 行政单位离退休 160.09% = 3.73万元 / 2.33万元',
    ],
  ],
  [
    'seed 003 a paragraph broken over two rows is read as one',
    ['1. 因公出国（境）费，全年预算为 0.00 万元，支出决算为', '0.00 万元，完成全年预算的 0.00%。决算数与全年预算数无差异。'],
    [
      'amount 因公出国境费 0.00万元 (budget)',
      'amount 因公出国境费 0.00万元 (final)',
      'rate 因公出国境费 0.00% = 0.00万元 / 0.00万元',
    ],
  ],
  [
    'seed 003 三公 items: 占 of the structural parent, named but not stated',
    ['2023 年度“三公”经费财政拨款支出决算中，公务用车购置及运行费支出决算 9.70 万元，完成全年预算的 100.00%，占 100.00%。'],
    [
      'amount 公务用车购置及运行费 9.70万元 (final)',
      'rate 公务用车购置及运行费 100.00% = 9.70万元 / -',
      'share 公务用车购置及运行费 100.00% = 9.70万元 / 三公经费 -',
    ],
  ],
  [
    'seed 003 预算执行率 of a non-figure: a generic 支出合计 beside it names no table figure',
    ['2023 年度，本部门项目全年预算合计 358.00 万元（含上年结转资金），支出合计 353.00 万元，预算执行率 98.60%。'],
    ['amount null 358.00万元 (budget)', 'amount null 353.00万元', 'rate null 98.60% = 353.00万元 / 358.00万元'],
  ],
  [
    'seed 004 thousands separators; a second total ends the first 其中 list',
    ['2023年度预算收入总计4,597.04万元，其中：本年收入4,171.35万元，上年结转425.69万元，比上年增加2668.29万元，增加138.34%；本年单位预算支出总计4,597.04万元，其中：本年预算安排4,171.35万元，上年结转425.69万元，比上年增加2668.29万元，增加138.34%'],
    [
      'amount 收入总计 4597.04万元',
      'amount 收入合计 4171.35万元 ⊂ 收入总计',
      'amount 上年结转 425.69万元 ⊂ 收入总计',
      'change 收入总计 +2668.29万元 138.34% vs 2022 of 4597.04万元',
      'amount 支出总计 4597.04万元',
      'amount null 4171.35万元 ⊂ 支出总计',
      'amount null 425.69万元 ⊂ 支出总计',
      'change 支出总计 +2668.29万元 138.34% vs 2022 of 4597.04万元',
    ],
  ],
  [
    'seed 004 三公 items with half-width brackets',
    ['2023年财政拨款安排的“三公”经费预算4.22万元与2022年预算数相同。其中: 因公出国(境)费0.00万元与上年预算数相同; 公务接待费0.22万元与上年预算数相同; 公务用车运行维护费4.00万元与上年预算数相同。'],
    [
      'amount 三公经费 4.22万元',
      'amount 因公出国境费 0.00万元 ⊂ 三公经费',
      'amount 公务接待费 0.22万元 ⊂ 三公经费',
      'amount 公务用车运行维护费 4.00万元 ⊂ 三公经费',
    ],
  ],
];

describe('extractStatements on the seeds’ sentences', () => {
  test.each(cases)('%s', (_what, lines, expected) => {
    expect(read(...lines)).toEqual(expected);
  });

  test('keeps the source cell, the clause and the document year', () => {
    const sheet = proseSheet(['二、收入预算总体情况说明', '卢氏县医疗保障局 2023 年收入合计 780.84 万元，其中：一般公共预算收入 780.84 万元。']);
    const [total, part] = extractStatements(sheet);
    expect(total.source).toMatchObject({ sheet: '说明', r: 1, c: 0, cell: 'A2', clause: '卢氏县医疗保障局2023年收入合计780.84万元' });
    expect(part.source.clause).toBe('一般公共预算收入780.84万元');
    expect(total.year).toBe(2023);
  });

  test('amounts are decimal strings with the shown decimals', () => {
    const [a] = extractStatements(proseSheet(['住房保障支出 46.6 万元，占 5.96%，主要用于住房公积金。']));
    expect(a.kind === 'amount' && [a.amount.value.toString(), a.amount.decimals, a.amount.unit]).toEqual(['46.6', 1, '万元']);
  });

  test('short cells and table labels hold no statements', () => {
    const sheet = { name: '收支总表', values: [['本年支出合计', 780.84], ['单位：万元', null], ['≤34.3万元', '预算执行率=（预算完成数/预算数）×100%']], merges: [] };
    expect(extractStatements(sheet)).toEqual([]);
  });
});

describe('resolveSubject', () => {
  test.each([
    ['2023年本单位项目支出预算', '项目支出'],
    ['本年单位预算支出总计', '支出总计'],
    ['2023年度三公经费财政拨款支出全年预算为', '三公经费'],
    ['公务接待费支出决算', '公务接待费'],
    ['社会保障和就业支出(类)', '社会保障和就业支出'],
    ['泗县医疗保障局2024年预算安排政府采购支出', '政府采购'],
    ['2023年本单位一般公共预算拨款支出', '一般公共预算支出'],
  ])('%s → %s', (phrase, name) => {
    expect(resolveSubject(prose(phrase))?.names[0]).toBe(name);
  });

  test('known non-figures stop a shorter match', () => {
    expect(resolveSubject('其他国内公务接待支出')).toBeNull();
    expect(resolveSubject('2023年本单位会议费预算')).toBeNull();
  });
});

describe('a whole 说明 in one cell', () => {
  test('its lines read like rows: headings break sentences, broken lines join', () => {
    const cell = [
      '三、支出预算总体情况说明',
      '卢氏县医疗保障局 2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，',
      '占 71.64%；项目支出 221.47 万元，占 28.36%。',
      '八、“三公”经费支出预算情况说明',
      '卢氏县医疗保障局 2023 年“三公”经费预算为 3.3 万元。',
    ].join('\n');
    const statements = extractStatements({ name: '说明', values: [[cell]], merges: [] });
    expect(statements.map(show)).toEqual([
      'amount 支出合计 780.84万元',
      'amount 基本支出 559.37万元 ⊂ 支出合计',
      'share 基本支出 71.64% = 559.37万元 / 支出合计 780.84万元',
      'amount 项目支出 221.47万元 ⊂ 支出合计',
      'share 项目支出 28.36% = 221.47万元 / 支出合计 780.84万元',
      'amount 三公经费 3.3万元',
    ]);
    expect(new Set(statements.map((s) => s.source.cell))).toEqual(new Set(['A1']));
  });
});
