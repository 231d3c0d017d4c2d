// DOMAIN.md §6: the genuine problems of the seed documents are reported with the right
// severity, at the cell that disagrees.
import { checkSeed, seedFiles } from './seed-support';

interface Known {
  seed: string;
  sheet: string;
  cell: string;
  rule: RegExp;
  severity: 'error' | 'rounding' | 'warning';
  expected: string;
  actual: string;
  why: string;
}

const KNOWN: Known[] = [
  { seed: 'seed-000.xlsx', sheet: '一般公共预算支出表', cell: 'J6', rule: /^cross\.general\.basic\.public$/, severity: 'error', expected: '16.89', actual: '27.38', why: '公用经费 27.38 vs 16.89' },
  { seed: 'seed-000.xlsx', sheet: '一般公共预算支出表', cell: 'H6', rule: /^cross\.general\.basic\.personnel$/, severity: 'error', expected: '542.48', actual: '531.99', why: '工资福利支出 531.99 vs 人员经费 542.48' },
  { seed: 'seed-000.xlsx', sheet: '基本支出表', cell: 'F5', rule: /^sum\./, severity: 'rounding', expected: '542.47', actual: '542.48', why: '人员经费 items 542.47 vs 542.48' },
  { seed: 'seed-000.xlsx', sheet: '基本支出表', cell: 'G5', rule: /^sum\./, severity: 'rounding', expected: '16.90', actual: '16.89', why: '公用经费 16.90 vs 16.89' },
  { seed: 'seed-000.xlsx', sheet: '支出总表', cell: 'G15', rule: /^sum\.columns$/, severity: 'rounding', expected: '365.77', actual: '365.78', why: '事业运行 365.78 vs 346.04 + 19.73' },
  { seed: 'seed-000.xlsx', sheet: '收入总表', cell: 'C7', rule: /^sum\.code$/, severity: 'rounding', expected: '780.83', actual: '780.84', why: '517001 99.26 + 517002 681.57 vs 517 780.84' },
  { seed: 'seed-002.xlsx', sheet: '一般公共预算支出表', cell: 'D15', rule: /^sum\.columns$/, severity: 'rounding', expected: '224.42', actual: '224.41', why: '2101501: 149.15 + 75.27 vs 224.41' },
  { seed: 'seed-003.xlsx', sheet: '公开05表', cell: 'C9', rule: /^sum\.code$/, severity: 'rounding', expected: '14.09', actual: '14.10', why: '公开05 208: 3.73 + 10.36 vs 14.10' },
  { seed: 'seed-003.xlsx', sheet: '公开03表', cell: 'C9', rule: /^sum\.code$/, severity: 'rounding', expected: '14.09', actual: '14.10', why: '公开03 208: 3.73 + 10.36 vs 14.10' },
  { seed: 'seed-003.xlsx', sheet: '公开06表', cell: 'C34', rule: /^formula\.personnel$/, severity: 'rounding', expected: '109.76', actual: '109.75', why: '公开06 人员经费合计 109.75 vs 105.96 + 3.80' },
  { seed: 'seed-003.xlsx', sheet: '公开06表', cell: 'C6', rule: /^sum\.code$/, severity: 'rounding', expected: '105.94', actual: '105.96', why: '公开06 301 items 105.94 vs 105.96' },
  { seed: 'seed-004.xlsx', sheet: '基本支出分经济科目表', cell: 'C6', rule: /^sum\.code$/, severity: 'rounding', expected: '455.93', actual: '455.94', why: '工资福利支出 items 455.93 vs 455.94' },
];

const present = new Set(seedFiles());

test.each(KNOWN.filter((k) => present.has(k.seed)).map((k) => [k.why, k] as const))('%s', async (_why, k) => {
  const report = await checkSeed(k.seed);
  const at = report.findings.filter((f) => f.sheet === k.sheet && f.cell === k.cell && k.rule.test(f.rule));
  expect(at.map((f) => ({ severity: f.severity, expected: f.expected, actual: f.actual }))).toContainEqual({
    severity: k.severity,
    expected: k.expected,
    actual: k.actual,
  });
});

test.each([...present])('%s: every finding names its cell, values and a Chinese message', async (seed) => {
  const report = await checkSeed(seed);
  for (const f of report.findings) {
    expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
    expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(f.expected).toMatch(/^-?\d+(\.\d+)?$/);
    expect(f.actual).toMatch(/^-?\d+(\.\d+)?$/);
  }
});
