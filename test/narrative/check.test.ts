import { analyzeNarrative, checkNarrative, narrativeNote } from '../../src/engine/narrative/check';
import { makeIndex, type FigureRow } from './figure-index';
import { proseSheet } from './sheet';

// Seed 000's table figures (test/fixtures/seeds/seed-000.xlsx), as the engine's index would name them.
const SEED_000: FigureRow[] = [
  ['收入总计', '780.84', '收支总表!B37'],
  ['支出总计', '780.84', '收支总表!D37'],
  ['收入合计', '780.84', '收支总表!B35'],
  ['支出合计', '780.84', '收支总表!D35'],
  ['基本支出', '559.37', '支出总表!G6'],
  ['项目支出', '221.47', '支出总表!L6'],
  ['三公经费', '3.30', '三公经费表!A5'],
];

function check(lines: string[], rows: FigureRow[] = SEED_000) {
  return checkNarrative([proseSheet(lines)], makeIndex(rows));
}

/** Findings above info: what the statement check itself concluded. */
function problems(lines: string[], rows: FigureRow[] = SEED_000) {
  return check(lines, rows).filter((f) => f.severity !== 'info');
}

describe('narrative.amount', () => {
  test('seed 000: 支出总计 780.34 in the text vs 780.84 in the tables is an error', () => {
    const findings = check(['卢氏县医疗保障局 2023 年收入总计 780.84 万元，支出总计 780.34 万元。']);
    expect(findings).toEqual([
      {
        rule: 'narrative.amount',
        severity: 'error',
        table: 'narrative',
        sheet: '说明',
        cell: 'A1',
        expected: '780.84',
        actual: '780.34',
        difference: '-0.50',
        tolerance: '0.010',
        message: '说明中“支出总计 780.34 万元”与「收支总表」D37 的 780.84 万元不一致，相差 0.50 万元',
        related: ["'收支总表'!D37"],
      },
    ]);
  });

  test('equal at the shown decimals: nothing (3.3 for 3.30, 0 万元 for a blank-as-zero figure)', () => {
    expect(check(['2023 年“三公”经费预算为 3.3 万元。'])).toEqual([]);
    expect(check(['2023 年政府采购预算安排 0 万元。'], [['政府采购', '0.00', '采购表!C5']])).toEqual([]);
  });

  test('units are converted: 元 in the table, 万元 in the text, and the other way round', () => {
    const yuan: FigureRow[] = [['支出合计', '7808400', '支出总表!F6', '元', 0]];
    expect(check(['2023 年支出合计 780.84 万元。'], yuan)).toEqual([]);
    const [f] = check(['2023 年支出合计 780.94 万元。'], yuan);
    expect([f.severity, f.expected, f.actual, f.difference]).toEqual(['error', '780.84', '780.94', '0.10']);
    expect(check(['2023 年支出合计 7808400 元。'], [['支出合计', '780.84', '支出总表!F6']])).toEqual([]);
  });

  test('the text rounds more coarsely than a 元 table: within rounding → rounding, never error', () => {
    const [f] = check(['2023 年支出合计 780.84 万元。'], [['支出合计', '7808450', '支出总表!F6', '元', 0]]);
    expect(f.severity).toBe('rounding');
  });

  test('no figure of that name, or candidates that disagree: info, not error', () => {
    const none = check(['2023 年机关运行经费支出预算 2.35 万元。']);
    expect(none.map((f) => [f.rule, f.severity])).toEqual([['narrative.amount', 'info']]);
    expect(none[0].message).toContain('未能确定对应的表格数字');
    const ambiguous = check(['2023 年一般公共预算基本支出年初预算为 559.37 万元。其中：人员经费支出 542.48 万元。'], [
      ['人员经费', '542.48', '基本支出表!F5'],
      ['人员经费', '531.99', '支出总表!H6'],
    ]);
    expect(ambiguous.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(ambiguous[1].message).toContain('同名数字不一致');
    expect(ambiguous[1].related).toEqual(["'基本支出表'!F5", "'支出总表'!H6"]);
  });

  test('candidates that agree count as one confident match', () => {
    const rows: FigureRow[] = [['基本支出', '559.37', '支出总表!G6'], ['基本支出', '559.37', '一般公共预算支出表!G6']];
    const [f] = check(['2023 年本单位基本支出预算数 559.73 万元。'], rows);
    expect([f.severity, f.related]).toEqual(['error', ["'支出总表'!G6", "'一般公共预算支出表'!G6"]]);
  });

  test('a figure of another year is no match', () => {
    const findings = check(['2023 年支出合计 780.34 万元。'], [['支出合计', '780.84', '支出总表!F6', '万元', 2, 2022]]);
    expect(findings.map((f) => f.severity)).toEqual(['info']);
  });

  test('statements that name no table figure are not checked at all', () => {
    expect(check(['我部门纳入预算绩效管理的支出总额为 780.84 万元，支出项目共 6 个。'])).toEqual([]);
  });
});

describe('narrative.share', () => {
  test('seed 000 基本支出 71.64% and 项目支出 28.36% of 780.84 hold', () => {
    expect(problems(['2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，占 71.64%；项目支出 221.47 万元，占 28.36%。'])).toEqual([]);
  });

  test('a wrong share is an error with the recomputed percent', () => {
    const [f] = problems(['2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，占 71.46%；项目支出 221.47 万元，占 28.36%。']);
    expect([f.rule, f.severity, f.expected, f.actual]).toEqual(['narrative.share', 'error', '71.64', '71.46']);
    expect(f.message).toContain('应为 71.64%');
  });

  test('shown precision is tolerance: 46.6 stands for 46.55…46.65 (seed 000 住房保障 5.96%)', () => {
    const text = ['2023 年一般公共预算支出年初预算为 780.84 万元。主要用于以下方面：社会保障和就业支出 62.13 万元，占 7.96%；卫生健康支出 672.12 万元，占 86.08%；住房保障支出 46.6 万元，占 5.96%。'];
    expect(problems(text, [])).toEqual([]);
  });

  test('the same share against the table figure 46.60: balanced to 100% → rounding, not error', () => {
    const text = ['2023 年一般公共预算支出年初预算为 780.84 万元。主要用于以下方面：社会保障和就业支出 62.13 万元，占 7.96%；卫生健康支出 672.12 万元，占 86.08%；住房保障支出 46.6 万元，占 5.96%。'];
    const findings = problems(text, [['住房保障支出', '46.60', '收支总表!D24'], ['一般公共预算支出', '780.84', '一般公共预算支出表!F6']]);
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['narrative.share', 'rounding', '5.97']]);
  });

  test('占 an explicitly named base looks the base up in the tables', () => {
    const text = ['2023 年度一般公共预算财政拨款支出 467.00 万元，占支出合计的 100.00%。'];
    const rows: FigureRow[] = [['一般公共预算支出', '467.00', '公开05表!F6'], ['支出合计', '500.00', '公开01表!F40']];
    const findings = problems(text, rows);
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['narrative.share', 'error', '93.40']]);
  });
});

describe('narrative.change', () => {
  test('seed 000 三公 3.3 万元, 比2022年减少0.3万元, 下降8.33% holds (0.3 / 3.6)', () => {
    expect(problems(['2023 年“三公”经费预算为 3.3 万元。2023 年“三公”经费支出预算数比 2022 年减少 0.3 万元，下降 8.33%。'])).toEqual([]);
  });

  test('a wrong percent is an error; "0.3" shown to one decimal tolerates 0.25…0.35 (7.04%…9.59%)', () => {
    expect(problems(['2023 年“三公”经费预算为 3.3 万元。2023 年“三公”经费支出预算数比 2022 年减少 0.3 万元，下降 9.09%。'])).toEqual([]);
    const [f] = problems(['2023 年“三公”经费预算为 3.3 万元。2023 年“三公”经费支出预算数比 2022 年减少 0.3 万元，下降 12.50%。']);
    expect([f.rule, f.severity, f.expected, f.actual]).toEqual(['narrative.change', 'error', '8.33', '12.50']);
    expect(f.message).toContain('0.3 ÷ 3.60');
  });

  test('an increase divides by current − change (seed 002: 1653.67 / 1151.89 = 143.56%)', () => {
    expect(problems(['泗县医疗保障局2024年支出预算2805.56万元，比2023年预算增加1653.67万元，增长143.56%。'], [])).toEqual([]);
  });

  test('recomputed from the table figure when the text misstates the current amount (seed 000 支出总计)', () => {
    const findings = problems(['2023 年收入总计 780.84 万元，支出总计 780.34 万元，与 2022 年预算相比，收入减少 2528.17 万元，减少 76.40%；支出减少 2528.17 万元，减少 76.40%。']);
    expect(findings.map((f) => f.rule)).toEqual(['narrative.amount']);
  });

  test('without the current amount or the percent nothing is recomputed', () => {
    expect(problems(['主要原因：卫生健康支出减少 2399.79 万元。'])).toEqual([]);
  });
});

describe('narrative.rate', () => {
  test('seed 003: 467.00 / 385.79 = 121.05% holds; a wrong rate is an error', () => {
    expect(problems(['2023 年度一般公共预算财政拨款支出年初预算为 385.79 万元，支出决算为 467.00 万元，完成年初预算的 121.05%。'], [])).toEqual([]);
    const [f] = problems(['2023 年度机关运行经费年初预算为 4.00 万元，支出决算为 4.24 万元，完成年初预算的 105.00%。'], []);
    expect([f.rule, f.severity, f.expected]).toEqual(['narrative.rate', 'error', '106.00']);
  });
});

describe('analyzeNarrative stats', () => {
  test('counts found / naming a figure / checked', () => {
    const { stats } = analyzeNarrative(
      [proseSheet(['2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，占 71.64%。机关运行经费 2.35 万元。其他支出总额 9 万元。'])],
      makeIndex(SEED_000),
    );
    expect(stats).toEqual({ found: 5, namingFigure: 4, extracted: 4, checked: 3, absent: 1 });
    expect(narrativeNote(stats)).toBe('说明文字：读到金额和百分比 5 处，其中 4 处对应表格数字（其中 1 处在本工作簿中无对应表格），已核对 3 处。');
  });
});

describe('上年结转 in the same paragraph', () => {
  test('seed 004: 一般公共预算拨款 4597.04 (with 结转) vs the table’s 本年 4171.35 is info, not error', () => {
    const text = ['2023年度财政拨款收支总预算4,597.04万元。收入为一般公共预算拨款4,597.04万元，政府性基金预算拨款0.00万元。其中：当年拨款收入4,171.35万元，上年结转收入425.69万元。'];
    const rows: FigureRow[] = [['一般公共预算收入', '4171.35', '收支总表!B6'], ['上年结转', '425.69', '收支总表!B33'], ['政府性基金预算收入', '0', '收支总表!B7']];
    const findings = check(text, rows).filter((f) => f.message.includes('一般公共预算收入'));
    expect(findings.map((f) => [f.severity, f.expected, f.actual])).toEqual([['info', '4171.35', '4597.04']]);
  });
});

describe('confidence', () => {
  test('a figure the index finds only through an alias gives info, not error', () => {
    const index = makeIndex([['本年支出合计', '780.84', '收支总表!D35']]);
    const aliased = { ...index, find: (name: string) => (name === '支出合计' ? index.all() : index.find(name)) };
    const findings = checkNarrative([proseSheet(['2023 年支出合计 780.34 万元。'])], aliased);
    expect(findings.map((f) => [f.severity, f.related])).toEqual([['info', ["'收支总表'!D35"]]]);
    expect(findings[0].message).toContain('只有近似名称的数字');
  });

  test('亿元 and 千元 convert like 元 and 万元', () => {
    expect(problems(['2023 年支出合计 0.078084 亿元。'])).toEqual([]);
    expect(problems(['2023 年支出合计 7808.4 千元。'])).toEqual([]);
    expect(problems(['2023 年支出合计 7808.9 千元。']).map((f) => [f.severity, f.expected])).toEqual([['error', '7808.4']]);
  });

  test('"占比为" is a share of the parent, like "占"', () => {
    expect(problems(['2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，占比为 71.64%。'])).toEqual([]);
    expect(problems(['2023 年支出合计 780.84 万元，其中：基本支出 559.37 万元，占比为 70.00%。']).map((f) => f.rule)).toEqual(['narrative.share']);
  });
});

test('a table figure of unknown unit is no ground for an error', () => {
  const findings = check(['2023 年支出合计 780.84 万元。'], [['支出合计', '7808400', '支出总表!F6', '', 0]]);
  expect(findings.map((f) => f.severity)).toEqual(['info']);
  expect(findings[0].message).toContain('单位不明');
});
