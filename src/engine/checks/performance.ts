// 绩效 tables (mostly text): the amounts they do carry must add up and their ratios must
// follow from the figures — 资金总额 = Σ 资金来源 (= 基本 + 项目), "共2518人，每人每年60元，
// 总计150000元", 93人 × 31400元/人 vs 资金总额, and on 自评表 执行率 = 执行数 ÷ 预算数,
// 得分 = 分值 × 执行率 (at most 分值), 总分 = Σ 得分, 偏差度.
import { a1 } from '../address';
import { Dec, type Amount } from '../amount';
import type { Finding } from '../report';
import type { SheetView } from '../sheet-view';
import type { Table } from '../table';
import { compare, type Cell } from './emit';

const TOTAL = /(预算|资金)总额|部门预算总额/;
const SOURCE = /中央|省级|市县|自筹|其他资金|政府预算资金|政府性预算资金|财政专户|单位资金|财政拨款|上年结转/;
const STRUCT = /基本支出|项目支出/;

interface Pair {
  label: string;
  labelCol: number;
  cell: Cell;
  value: Dec | null;
}

function rows(t: Table): number[] {
  const out: number[] = [];
  for (let r = t.region.headerStart; r <= t.region.bodyEnd; r++) out.push(r);
  return out;
}

function amountAt(v: SheetView, r: number, c: number): Amount | null {
  const a = v.amount(r, c);
  return a && !a.percent ? a : null;
}

/** "标签 | 值" pairs: a label cell and the first cell right of it (a blank value is null). */
function labelPairs(t: Table): Pair[] {
  const v = t.view;
  const out: Pair[] = [];
  for (const r of rows(t)) {
    for (let c = t.region.c0; c <= t.region.c1; c++) {
      const label = v.n(r, c);
      if (label === '' || v.amount(r, c) || !(TOTAL.test(label) || SOURCE.test(label) || STRUCT.test(label)) || label.length > 30) continue;
      let vc = c + 1;
      while (vc <= t.region.c1 && v.isEmpty(r, vc) && vc - c < 3) vc++;
      if (vc > t.region.c1) continue;
      const a = amountAt(v, r, vc);
      if (!a && !v.isEmpty(r, vc)) continue;
      out.push({ label, labelCol: c, cell: { r, c: vc }, value: a ? a.value : null });
    }
  }
  return out;
}

function sum(pairs: Pair[]): Dec | null {
  let s: Dec | null = null;
  for (const p of pairs) if (p.value) s = (s ?? new Dec(0)).plus(p.value);
  return s;
}

function checkFundPairs(t: Table): Finding[] {
  const out: Finding[] = [];
  const pairs = labelPairs(t);
  for (const total of pairs.filter((p) => TOTAL.test(p.label))) {
    const after = pairs.filter((p) => p.labelCol === total.labelCol && p.cell.r > total.cell.r);
    const end = after.findIndex((p) => TOTAL.test(p.label));
    const group = end >= 0 ? after.slice(0, end) : after;
    for (const [kind, re] of [['资金来源', SOURCE], ['资金结构', STRUCT]] as const) {
      const parts = group.filter((p) => re.test(p.label) && !(kind === '资金来源' && STRUCT.test(p.label)));
      if (parts.length === 0 || parts.every((p) => p.value === null)) continue;
      const f = compare(t, {
        rule: 'performance.funds',
        cell: total.cell,
        expected: sum(parts),
        actual: total.value,
        addends: parts.length,
        related: parts.map((p) => p.cell),
        what: `「${total.label.replace(/[:：]$/, '')}」应等于${kind}各项之和`,
      });
      if (f) out.push(f);
    }
  }
  return out;
}

const num = (s: string): Dec => new Dec(s.replace(/,/g, ''));

/** "共2518人,每人每年60元,总计150000元": the text's own arithmetic. */
function checkTextProducts(t: Table): Finding[] {
  const out: Finding[] = [];
  const v = t.view;
  const re = /共\s*([\d,]+)\s*(人次|人|户|家|个)[^。；;]*?每(?:人|户|家|个)(?:每年)?\s*([\d,]+(?:\.\d+)?)\s*元[^。；;]*?(?:总计|合计|共计|总额)\s*([\d,]+(?:\.\d+)?)\s*(万元|元)/;
  for (const r of rows(t)) {
    for (let c = t.region.c0; c <= t.region.c1; c++) {
      const m = re.exec(v.n(r, c));
      if (!m) continue;
      const expected = num(m[1]).times(num(m[3]));
      const actual = m[5] === '万元' ? num(m[4]).times(10000) : num(m[4]);
      if (expected.equals(actual)) continue;
      out.push({
        rule: 'performance.text_product',
        severity: 'error',
        table: t.id,
        sheet: v.name,
        cell: a1(r, c),
        expected: expected.toFixed(0),
        actual: actual.toFixed(0),
        difference: actual.minus(expected).toFixed(0),
        tolerance: '0',
        message: `文字说明自相矛盾：${m[1]}${m[2]} × ${m[3]}元 = ${expected.toFixed(0)}元，文中总计为 ${actual.toFixed(0)}元，相差 ${actual.minus(expected).toFixed(0)}元`,
        related: [],
      });
    }
  }
  return out;
}

/** 数量指标 "93人" × 成本指标 "31400元/人" should be the year's 资金总额 (in 元). */
function checkIndicatorProduct(t: Table): Finding[] {
  const v = t.view;
  const counts: { n: Dec; cell: Cell }[] = [];
  const costs: { x: Dec; cell: Cell }[] = [];
  for (const r of rows(t)) {
    for (let c = t.region.c0; c <= t.region.c1; c++) {
      const s = v.n(r, c);
      let m = /^([\d,]+)人$/.exec(s);
      if (m) counts.push({ n: num(m[1]), cell: { r, c } });
      m = /^([\d,]+(?:\.\d+)?)元\/人(?:\/年)?$/.exec(s);
      if (m) costs.push({ x: num(m[1]), cell: { r, c } });
    }
  }
  const distinct = new Set(counts.map((x) => x.n.toString()));
  if (costs.length === 0 || distinct.size !== 1) return [];
  const yearTotal = labelPairs(t).find((p) => /年度资金总额/.test(p.label)) ?? labelPairs(t).find((p) => TOTAL.test(p.label));
  if (!yearTotal || yearTotal.value === null) return [];
  const scale = t.unit === '万元' ? new Dec(10000) : new Dec(1);
  const expected = counts[0].n.times(costs[0].x);
  const actual = yearTotal.value.times(scale);
  if (expected.equals(actual)) return [];
  return [{
    rule: 'performance.indicator_product',
    severity: 'error',
    table: t.id,
    sheet: v.name,
    cell: a1(yearTotal.cell.r, yearTotal.cell.c),
    expected: expected.div(scale).toString(),
    actual: yearTotal.value.toString(),
    difference: actual.minus(expected).div(scale).toString(),
    tolerance: '0',
    message: `绩效指标「${v.str(counts[0].cell.r, counts[0].cell.c)}」×「${v.str(costs[0].cell.r, costs[0].cell.c)}」= ${expected.toFixed(0)}元，与资金总额 ${actual.toFixed(0)}元不符，相差 ${actual.minus(expected).toFixed(0)}元`,
    related: [a1(counts[0].cell.r, counts[0].cell.c), a1(costs[0].cell.r, costs[0].cell.c)].map((x) => `${v.name}!${x}`),
  }];
}

/** Columns of a header row by the label they carry. */
function headerCols(v: SheetView, r: number, c0: number, c1: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let c = c0; c <= c1; c++) {
    const s = v.n(r, c).replace(/%$/, '');
    for (const k of ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '偏差度', '年度指标值', '实际完成值']) if (s.startsWith(k) && !out.has(k)) out.set(k, c);
  }
  return out;
}

/**
 * A ratio shown at d decimals: equal to the exact ratio rounded → fine; one unit off in the
 * last digit → 尾差 (the inputs are rounded too); more → error.
 */
function ratioFinding(t: Table, x: { rule: string; cell: Cell; exact: Dec; actual: Dec; d: number; related: Cell[]; what: string; unit: string; over?: 'warning' }): Finding | null {
  const expected = x.exact.toDecimalPlaces(x.d);
  if (expected.equals(x.actual)) return null;
  return compare(t, {
    rule: x.rule, cell: x.cell, expected, actual: x.actual, addends: 1, related: x.related, what: x.what,
    tolerance: new Dec(10).pow(-x.d), decimals: x.d, unit: x.unit, over: x.over,
  });
}

const TARGET = /^(≥|>=|≤|<=|>|<|=)?\s*(\d+(?:\.\d+)?)\s*(%|次|人次|人|个|家|天|户|项)?$/;

/**
 * 偏差度 of a quantitative indicator that missed its target: (实际完成值 − 年度指标值) ÷
 * 年度指标值 × 100. Conventions differ between templates, so a mismatch is a warning.
 */
function checkDeviation(t: Table, r: number, cols: Map<string, number>): Finding | null {
  const v = t.view;
  const [tc, ac, dc] = [cols.get('年度指标值'), cols.get('实际完成值'), cols.get('偏差度')];
  if (tc === undefined || ac === undefined || dc === undefined) return null;
  const target = TARGET.exec(v.n(r, tc));
  const actual = TARGET.exec(v.n(r, ac));
  const shown = v.amount(r, dc);
  if (!target || !actual || !shown || actual[1] || (target[3] ?? '') !== (actual[3] ?? '')) return null;
  const goal = new Dec(target[2]);
  const got = new Dec(actual[2]);
  if (goal.isZero()) return null;
  const op = target[1] ?? '=';
  const met = /≥|>=/.test(op) ? got.gte(goal) : /≤|<=/.test(op) ? got.lte(goal) : op === '>' ? got.gt(goal) : op === '<' ? got.lt(goal) : got.eq(goal);
  // Templates disagree on over-achievement (0 or the excess): only a missed target is checked.
  if (met) return null;
  const exact = got.minus(goal).div(goal).times(100);
  return ratioFinding(t, {
    rule: 'ratio.deviation', cell: { r, c: dc }, exact, actual: shown.value, d: shown.decimals, related: [{ r, c: tc }, { r, c: ac }],
    what: `未达到目标的指标，偏差度应为（实际完成值 − 年度指标值）÷ 年度指标值 × 100`, unit: '个百分点', over: 'warning',
  });
}

/** The finest decimals shown in a column below a header: "10" beside "9.62" is a 2-decimal score. */
function columnDecimals(t: Table, c: number): number {
  let d = 0;
  for (const r of rows(t)) {
    const a = t.view.amount(r, c);
    if (a) d = Math.max(d, a.decimals);
  }
  return d;
}

function checkSelfEvaluation(t: Table): Finding[] {
  const v = t.view;
  const out: Finding[] = [];
  const scoreCells: Cell[] = [];
  const pointCells: Cell[] = [];
  let scoreCol = -1;
  let pointCol = -1;
  let fundCols: Map<string, number> | null = null;
  let indicatorCols: Map<string, number> | null = null;
  let fundRows: number[] = [];
  for (const r of rows(t)) {
    const h = headerCols(v, r, t.region.c0, t.region.c1);
    if (h.has('得分') || h.has('分值')) {
      scoreCol = h.get('得分') ?? -1;
      pointCol = h.get('分值') ?? -1;
      indicatorCols = h.has('偏差度') ? h : null;
      if (h.has('全年执行数')) {
        fundCols = h;
        fundRows = [];
      } else fundCols = null;
      continue;
    }
    const label = [...Array(4).keys()].map((i) => v.n(r, t.region.c0 + i)).join('');
    if (/总分/.test(label)) {
      // 总分 = Σ 得分 (and Σ 分值) of every block above.
      for (const [col, cells, name] of [[scoreCol, scoreCells, '得分'], [pointCol, pointCells, '分值']] as const) {
        if (col < 0 || !amountAt(v, r, col)) continue;
        let total = new Dec(0);
        for (const x of cells) total = total.plus(amountAt(v, x.r, x.c)!.value);
        const f = compare(t, {
          rule: name === '得分' ? 'ratio.total_score' : 'ratio.total_points',
          cell: { r, c: col }, expected: total, actual: amountAt(v, r, col)!.value, addends: cells.length, related: cells,
          what: `总分的${name}应等于各项${name}之和`, tolerance: new Dec(0), decimals: columnDecimals(t, col), unit: '分',
          // Points are the template's weights: a gap means unfilled rows, worth a look.
          over: name === '分值' ? 'warning' : 'error',
        });
        if (f) out.push(f);
      }
      continue;
    }
    if (scoreCol >= 0 && amountAt(v, r, scoreCol)) scoreCells.push({ r, c: scoreCol });
    if (pointCol >= 0 && amountAt(v, r, pointCol)) pointCells.push({ r, c: pointCol });
    if (fundCols && fundCols.has('全年预算数') && amountAt(v, r, fundCols.get('全年预算数')!)) fundRows.push(r);
    if (fundCols) out.push(...checkFundRow(t, fundCols, r));
    const dev = indicatorCols ? checkDeviation(t, r, indicatorCols) : null;
    if (dev) out.push(dev);
  }
  return out;
}

function checkFundRow(t: Table, cols: Map<string, number>, r: number): Finding[] {
  const v = t.view;
  const out: Finding[] = [];
  const budget = amountAt(v, r, cols.get('全年预算数')!);
  const spent = cols.has('全年执行数') ? amountAt(v, r, cols.get('全年执行数')!) : null;
  const rateCol = cols.get('执行率');
  const rateCell = rateCol === undefined ? null : v.amount(r, rateCol);
  if (!budget || !spent || budget.value.isZero()) return out;
  const rate = spent.value.div(budget.value).times(100);
  if (rateCol !== undefined && rateCell) {
    const d = columnDecimals(t, rateCol);
    const f = ratioFinding(t, {
      rule: 'ratio.execution', cell: { r, c: rateCol }, exact: rate, actual: rateCell.value, d,
      related: [{ r, c: cols.get('全年执行数')! }, { r, c: cols.get('全年预算数')! }],
      what: '执行率应等于全年执行数 ÷ 全年预算数 × 100', unit: '个百分点',
    });
    if (f) out.push(f);
  }
  const pointCol = cols.get('分值');
  const scoreCol = cols.get('得分');
  const points = pointCol === undefined ? null : amountAt(v, r, pointCol);
  const score = scoreCol === undefined ? null : amountAt(v, r, scoreCol);
  if (points && score && scoreCol !== undefined) {
    const f = ratioFinding(t, {
      rule: 'ratio.score', cell: { r, c: scoreCol }, exact: Dec.min(points.value, points.value.times(rate).div(100)), actual: score.value,
      d: columnDecimals(t, scoreCol), related: [{ r, c: pointCol! }, ...(rateCol !== undefined ? [{ r, c: rateCol }] : [])],
      what: '得分应等于分值 × 执行率（不超过分值）', unit: '分',
    });
    if (f) out.push(f);
  }
  return out;
}

export function checkPerformance(table: Table): Finding[] {
  return [...checkFundPairs(table), ...checkTextProducts(table), ...checkIndicatorProduct(table), ...(table.type === 'final.performance_self_eval' ? checkSelfEvaluation(table) : [])];
}
