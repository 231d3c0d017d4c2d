// 自评表 ratios: 执行率, 得分 (capped at 分值), 总分 and the 偏差度 of a missed target.
import { checkWorkbook } from '../../src/engine/index';
import type { CellValue, WorkbookSnapshot } from '../../src/engine/grid';

function selfEval(over: { rate?: number; score?: number; deviation?: string; total?: number } = {}): WorkbookSnapshot {
  const values: CellValue[][] = [
    ['项目单位自评表'],
    ['项目名称', '城乡医疗救助'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率 %', '得分'],
    [null, '年度资金总额（万元）：', 100, 120, 108, 10, over.rate ?? 90, over.score ?? 9],
    [null, '政府性预算资金', 100, 120, 108, '-', 90, '-'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差度 %'],
    [null, '产出指标', '数量指标', '救助人次', '≥90%', '85%', 40, 37.78, over.deviation ?? '-5.56%'],
    [null, '满意度指标', '服务对象满意度', '满意度', '≥90%', '95%', 50, 50, '0.00%'],
    ['总分', null, null, null, null, null, 100, over.total ?? 96.78],
  ];
  return { file: 'eval.xlsx', sheets: [{ name: '自评', values, merges: [{ r0: 0, c0: 0, r1: 0, c1: 8 }] }] };
}

const rules = (wb: WorkbookSnapshot): string[] =>
  checkWorkbook(wb).findings.filter((f) => f.rule.startsWith('ratio.')).map((f) => `${f.severity} ${f.rule} ${f.cell} ${f.expected}`);

test('a consistent self-evaluation gives no ratio finding', () => {
  expect(rules(selfEval())).toEqual([]);
});

test.each([
  ['执行率 off', { rate: 95 }, 'error ratio.execution G4 90'],
  ['full score despite a 90% execution rate', { score: 10, total: 97.78 }, 'error ratio.score H4 9.00'],
  ['总分 not the sum of 得分', { total: 98 }, 'error ratio.total_score H9 96.78'],
  ['偏差度 of a missed target', { deviation: '-10.00%' }, 'warning ratio.deviation I7 -5.56'],
])('%s', (_name, over, expected) => {
  expect(rules(selfEval(over))).toContain(expected);
});
