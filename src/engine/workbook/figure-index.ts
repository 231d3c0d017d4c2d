// The FigureIndex the narrative check asks (narrative/README.md): canonical names such as
// 支出合计, 基本支出, 卫生健康支出, 三公经费 mapped onto the recognized tables' figures.
import { a1 } from '../address';
import { Dec } from '../amount';
import { FUNCTION_CODES } from '../data/code-lists';
import type { TableType } from '../report';
import { key } from '../text';
import type { Figure, FigureIndex } from './figures';
import type { TableFigure } from './table-figures';
import { pushTo } from '../collections';

const SUMMARY_ROWS: [RegExp, string][] = [
  [/^本年收入(合计|小计)?$/, '收入合计'],
  [/^本年支出(合计|小计)?$/, '支出合计'],
  [/^上年结转(结余|数)?$|^年初结转和?结余$|^上年财政拨款结转$/, '上年结转'],
  [/^年终结转(结余)?$|^年末结转和?结余$|^结转下年$/, '年末结转结余'],
  [/^一般公共预算(拨款)?(收入)?$|^一般公共预算财政拨款收入$/, '一般公共预算收入'],
  [/^政府性基金(预算)?(拨款)?(收入)?$|^政府性基金预算财政拨款收入$/, '政府性基金预算收入'],
  [/^国有资本经营(预算)?(拨款)?(收入)?$|^国有资本经营预算财政拨款收入$/, '国有资本经营预算收入'],
  [/^财政拨款(收入)?$/, '财政拨款收入'],
  [/^财政专户管理资金(收入)?$/, '财政专户管理资金收入'],
  [/^事业收入$/, '事业收入'],
  [/^(事业单位)?经营收入$/, '事业单位经营收入'],
  [/^上级补助收入$/, '上级补助收入'],
  [/^附属单位上缴收入$/, '附属单位上缴收入'],
  [/^其他收入$/, '其他收入'],
];

const TOTAL_COLUMNS: [RegExp, string][] = [
  [/^基本支出$/, '基本支出'],
  [/^项目支出$/, '项目支出'],
  [/^人员经费$/, '人员经费'],
  [/^公用经费$/, '公用经费'],
  [/^(事业单位)?经营支出$/, '事业单位经营支出'],
  [/^上缴上级支出$/, '上缴上级支出'],
  [/^对附属单位补助支出$/, '对附属单位补助支出'],
];

const THREE_PUBLIC: Record<string, string> = {
  '三公:total': '三公经费', '三公:abroad': '因公出国境费', '三公:car': '公务用车购置及运行费',
  '三公:carBuy': '公务用车购置费', '三公:carRun': '公务用车运行维护费', '三公:reception': '公务接待费',
};

const EXPENDITURE_TYPES: TableType[] = ['budget.expenditure', 'final.expenditure'];
const GENERAL_TYPES: TableType[] = ['budget.general_expenditure', 'final.general_expenditure'];
/** Tables whose 项 rows the text may name (行政运行). */
const LABELLED_TYPES: TableType[] = [...EXPENDITURE_TYPES, ...GENERAL_TYPES];
const BASIC_TYPES: TableType[] = ['budget.basic_expenditure', 'final.basic_expenditure'];

/** Which tables speak first for a name: the summary before the detail tables. */
const PRIORITY: TableType[] = [
  'budget.summary', 'final.summary', 'budget.fiscal_summary', 'final.fiscal_summary', 'budget.revenue', 'final.revenue',
  'budget.expenditure', 'final.expenditure', 'budget.general_expenditure', 'final.general_expenditure',
  'budget.basic_expenditure', 'final.basic_expenditure', 'budget.three_public', 'final.three_public',
];

function lookup(table: [RegExp, string][], name: string): string | null {
  for (const [re, canonical] of table) if (re.test(name)) return canonical;
  return null;
}

function className(code: string): string | null {
  const name = FUNCTION_CODES.get(code);
  return name ? key(name) : null;
}

/** Canonical names one table figure answers to. */
export function canonicalNames(f: TableFigure): string[] {
  const type = f.table.type;
  const fiscal = type === 'budget.fiscal_summary' || type === 'final.fiscal_summary';
  const out: string[] = [];
  if (f.name.startsWith('class:')) {
    const n = className(f.name.slice(6));
    if (n && f.column === '') out.push(n);
    return out;
  }
  if (f.name.startsWith('三公:')) {
    const base = THREE_PUBLIC[f.name];
    if (/预算/.test(f.column)) out.push(`${base}预算数`);
    else out.push(base);
    return out;
  }
  if (f.column !== '') return out;
  // A 项 row by its name (行政运行) in the function tables; ambiguous names are dropped later.
  if (f.name.startsWith('code:')) {
    if (f.label && /^code:2\d{6}$/.test(f.name) && LABELLED_TYPES.includes(type)) out.push(f.label);
    return out;
  }
  if (BASIC_TYPES.includes(type) && /^(人员经费|公用经费)合计$/.test(f.name)) return [f.name.replace(/合计$/, '')];
  if (type === 'budget.summary' || type === 'final.summary' || fiscal) {
    if (/总计$/.test(f.name)) out.push(`${fiscal ? '财政拨款' : ''}${f.side === 'expenditure' ? '支出' : '收入'}总计`);
    const row = lookup(SUMMARY_ROWS, f.name);
    if (row && !fiscal) out.push(row);
    return out;
  }
  if (f.name === '合计') {
    const byType: Partial<Record<TableType, string>> = {
      'budget.revenue': '收入合计', 'final.revenue': '收入合计', 'budget.expenditure': '支出合计', 'final.expenditure': '支出合计',
      'budget.general_expenditure': '一般公共预算支出', 'final.general_expenditure': '一般公共预算支出',
      'budget.basic_expenditure': '一般公共预算基本支出', 'budget.gov_fund': '政府性基金预算支出', 'final.gov_fund': '政府性基金预算支出',
      'budget.state_capital': '国有资本经营预算支出', 'final.state_capital': '国有资本经营预算支出',
      'budget.operating_cost': '机关运行经费', 'budget.procurement': '政府采购',
    };
    const n = byType[type];
    if (n) out.push(n);
    return out;
  }
  // 基本支出/项目支出 come from the 支出总表, 人员经费/公用经费 from the 基本支出表.
  const col = lookup(TOTAL_COLUMNS, f.name);
  if (col) {
    const personnel = col === '人员经费' || col === '公用经费';
    if (GENERAL_TYPES.includes(type)) out.push(`一般公共预算${col}`);
    else if (personnel ? BASIC_TYPES.includes(type) : EXPENDITURE_TYPES.includes(type)) out.push(col);
  }
  if (type === 'budget.revenue' || type === 'final.revenue') {
    const src = lookup(SUMMARY_ROWS, f.name);
    if (src) out.push(src);
  }
  return out;
}

function yearOf(title: string): number | null {
  const m = /(20\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

/** Figures by canonical name. */
interface Indexed {
  byName: Map<string, Figure[]>;
  all: Figure[];
}

/** The index over the tables' figures, built on the first question (most workbooks ask none). */
export function buildFigureIndex(figures: TableFigure[]): FigureIndex {
  let built: Indexed | null = null;
  const index = (): Indexed => (built ??= indexFigures(figures));
  return {
    find: (subject) => index().byName.get(key(subject)) ?? [],
    all: () => index().all,
  };
}

function indexFigures(figures: TableFigure[]): Indexed {
  const byName = new Map<string, Figure[]>();
  const ambiguous = new Set<string>();
  const seen = new Set<string>();
  const all: Figure[] = [];
  const rank = (t: TableType): number => {
    const i = PRIORITY.indexOf(t);
    return i < 0 ? PRIORITY.length : i;
  };
  for (const f of figures) {
    if (f.cells.length === 0) continue;
    for (const name of canonicalNames(f)) {
      const fig: Figure = {
        name,
        value: f.value ?? new Dec(0),
        unit: f.table.unit,
        decimals: f.table.rounding.decimals,
        sheet: f.table.view.name,
        cell: a1(f.cells[0].r, f.cells[0].c),
        table: f.table.id,
        year: yearOf(f.table.region.title),
      };
      // Per table only the first figure of a name; a 项 name listed twice in one table
      // (行政运行 under two 款) cannot be told apart and is dropped.
      const seenKey = `${name}|${fig.table}`;
      if (seen.has(seenKey)) {
        if (f.name.startsWith('code:')) ambiguous.add(seenKey);
        continue;
      }
      seen.add(seenKey);
      pushTo(byName, name, fig);
      all.push(fig);
    }
  }
  for (const k of ambiguous) {
    const [name, table] = k.split('|');
    byName.set(name, (byName.get(name) ?? []).filter((x) => x.table !== table));
  }
  const tableType = new Map(figures.map((f) => [f.table.id, f.table.type]));
  for (const list of byName.values()) list.sort((a, b) => rank(tableType.get(a.table)!) - rank(tableType.get(b.table)!));
  return { byName, all };
}
