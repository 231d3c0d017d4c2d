// Benchmark: builds a ≥ 1,000,000-cell workbook of standard budget tables (consistent
// figures plus a few injected errors) with exceljs in a temp dir, then measures xlsx parse
// time, engine time (recognize + check), cells per second and peak memory.
// Last line: cells=N parse_ms=N engine_ms=N engine_ms_per_million=N peak_mb=N
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbookTimed } from '../src/engine/index';
import { readWorkbookFile } from '../src/io/xlsx-read';
import { mulberry32, type Rng } from '../test/support/prng';

const TARGET_CELLS = Number(process.env.BENCH_CELLS ?? 1_000_000);
const MONEY = '#,##0.00';

type Cell = string | number | null;
interface Block {
  rows: Cell[][];
  merges: [number, number, number, number][]; // zero-based, relative to block top
  /** Injected error: zero-based row (relative), column, the table's kind. */
  injected?: { r: number; c: number };
}

let peakHeap = 0;
let peakRss = 0;
function sample(): void {
  const m = process.memoryUsage();
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  if (m.rss > peakRss) peakRss = m.rss;
}

/** Integer cents → 万元 figure with two decimals. */
const wan = (cents: number): number => cents / 100;

function cents(rng: Rng, max: number): number {
  return Math.floor(rng() * max);
}

const CLASSES = [
  ['201', '一般公共服务支出'], ['205', '教育支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'],
  ['210', '卫生健康支出'], ['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['221', '住房保障支出'], ['229', '其他支出'],
];
const XIANG = ['行政运行', '一般行政管理事务', '机关服务', '事业运行', '其他支出'];

/** Function-classified table (类/款/项, 合计 row first): columns 合计 = 基本支出(人员经费+公用经费) + 项目支出. */
function functionTable(rng: Rng, title: string, classes: number, wide: boolean): Block {
  const rows: Cell[][] = [];
  const merges: Block['merges'] = [];
  const width = wide ? 11 : 7;
  rows.push([title]);
  merges.push([0, 0, 0, width - 1]);
  rows.push(['部门名称：某某县医疗保障局', ...new Array<Cell>(width - 3).fill(null), null, '单位：万元']);
  if (wide) {
    rows.push(['科目编码', '科目名称', '合计', '基本支出', null, null, null, null, '项目支出', null, null]);
    rows.push([null, null, null, '小计', '工资福利支出', '对个人和家庭的补助', '商品和服务支出', '资本性支出', '小计', '其他运转类', '特定目标类']);
    merges.push([2, 0, 3, 0], [2, 1, 3, 1], [2, 2, 3, 2], [2, 3, 2, 7], [2, 8, 2, 10]);
  } else {
    rows.push(['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出']);
    rows.push([null, null, null, '小计', '人员经费', '公用经费', null]);
    merges.push([2, 0, 3, 0], [2, 1, 3, 1], [2, 2, 3, 2], [2, 3, 2, 5], [2, 6, 3, 6]);
  }
  const parts = wide ? 6 : 3; // leaf measures per row
  const totalRowIndex = rows.length;
  rows.push([null, '合计']);
  const grand = new Array<number>(parts).fill(0);
  const body: { row: Cell[]; sums: number[] }[] = [];
  for (let k = 0; k < classes; k++) {
    const [code, name] = CLASSES[k % CLASSES.length];
    const clsCode = String(Number(code) + Math.floor(k / CLASSES.length) * 0); // codes repeat only if classes > 10
    const classSums = new Array<number>(parts).fill(0);
    const classRow: { row: Cell[]; sums: number[] } = { row: [clsCode, name], sums: classSums };
    body.push(classRow);
    const kuans = 2 + Math.floor(rng() * 3);
    for (let q = 0; q < kuans; q++) {
      const kuanCode = `${clsCode}${String(q + 1).padStart(2, '0')}`;
      const kuanSums = new Array<number>(parts).fill(0);
      body.push({ row: [kuanCode, `${name}事务${q + 1}`], sums: kuanSums });
      const xiangs = 2 + Math.floor(rng() * 4);
      for (let x = 0; x < xiangs; x++) {
        const xc = `${kuanCode}${x === xiangs - 1 ? '99' : String(x + 1).padStart(2, '0')}`;
        const v = new Array<number>(parts).fill(0).map((_, i) => (rng() < 0.2 ? 0 : cents(rng, i === parts - 1 ? 5_000_00 : 50_000_00)));
        body.push({ row: [xc, XIANG[x % XIANG.length]], sums: v });
        for (let i = 0; i < parts; i++) {
          kuanSums[i] += v[i];
          classSums[i] += v[i];
          grand[i] += v[i];
        }
      }
    }
  }
  const measures = (s: number[]): Cell[] => {
    if (wide) {
      const basic = s[0] + s[1] + s[2] + s[3];
      const project = s[4] + s[5];
      return [wan(basic + project), wan(basic), wan(s[0]), wan(s[1]), wan(s[2]), wan(s[3]), wan(project), wan(s[4]), wan(s[5])];
    }
    const basic = s[0] + s[1];
    return [wan(basic + s[2]), wan(basic), wan(s[0]), wan(s[1]), wan(s[2])];
  };
  rows[totalRowIndex].push(...measures(grand));
  for (const b of body) rows.push([...b.row, ...measures(b.sums)]);
  return { rows, merges };
}

const ECON: [string, string, 'p' | 'g'][] = [
  ['301', '工资福利支出', 'p'], ['30101', '基本工资', 'p'], ['30102', '津贴补贴', 'p'], ['30103', '奖金', 'p'], ['30108', '机关事业单位基本养老保险缴费', 'p'],
  ['30112', '其他社会保障缴费', 'p'], ['30113', '住房公积金', 'p'], ['30199', '其他工资福利支出', 'p'],
  ['302', '商品和服务支出', 'g'], ['30201', '办公费', 'g'], ['30205', '水费', 'g'], ['30206', '电费', 'g'], ['30207', '邮电费', 'g'], ['30211', '差旅费', 'g'],
  ['30216', '培训费', 'g'], ['30217', '公务接待费', 'g'], ['30228', '工会经费', 'g'], ['30229', '福利费', 'g'], ['30231', '公务用车运行维护费', 'g'], ['30299', '其他商品和服务支出', 'g'],
  ['303', '对个人和家庭的补助', 'p'], ['30302', '退休费', 'p'], ['30305', '生活补助', 'p'], ['30309', '奖励金', 'p'],
];

/** Economic-classification table: 合计 row, 301 = Σ 301xx …, columns 合计 = 人员经费 + 公用经费. */
function economicTable(rng: Rng, title: string): Block {
  const rows: Cell[][] = [[title], [null, null, null, '单位：万元'], ['经济分类科目', null, '一般公共预算基本支出', null, null], ['科目编码', '科目名称', '合计', '人员经费', '公用经费']];
  const merges: Block['merges'] = [[0, 0, 0, 4], [2, 0, 2, 1], [2, 2, 2, 4]];
  const total = [0, 0];
  const groups = new Map<string, [number, number]>();
  const leaf = new Map<string, [number, number]>();
  for (const [code, , kind] of ECON) {
    if (code.length !== 5) continue;
    const v = rng() < 0.15 ? 0 : cents(rng, 80_000_00);
    const pair: [number, number] = kind === 'p' ? [v, 0] : [0, v];
    leaf.set(code, pair);
    const g = groups.get(code.slice(0, 3)) ?? [0, 0];
    g[0] += pair[0];
    g[1] += pair[1];
    groups.set(code.slice(0, 3), g);
    total[0] += pair[0];
    total[1] += pair[1];
  }
  const line = (p: [number, number] | number[]): Cell[] => [wan(p[0] + p[1]), wan(p[0]), wan(p[1])];
  rows.push([null, '合计', ...line(total)]);
  for (const [code, name] of ECON) rows.push([code, name, ...line(code.length === 3 ? groups.get(code)! : leaf.get(code)!)]);
  return { rows, merges };
}

/** 收支总表: income half (项目, 金额) and expenditure half (项目 = function classes, 金额). */
function summaryTable(rng: Rng, title: string): Block {
  const rows: Cell[][] = [[title], [null, null, null, '单位：万元'], ['收入', null, '支出', null], ['项目', '预算数', '项目', '预算数']];
  const merges: Block['merges'] = [[0, 0, 0, 3], [2, 0, 2, 1], [2, 2, 2, 3]];
  const exp = CLASSES.map(() => cents(rng, 300_000_00));
  const total = exp.reduce((a, b) => a + b, 0);
  const fund = Math.floor(total * 0.3);
  const income: [string, number][] = [['一、一般公共预算拨款收入', total - fund], ['二、政府性基金预算拨款收入', fund], ['三、国有资本经营预算拨款收入', 0], ['四、财政专户管理资金收入', 0], ['五、事业收入', 0]];
  const n = Math.max(income.length, CLASSES.length);
  for (let i = 0; i < n; i++) {
    const inc = income[i];
    rows.push([inc ? inc[0] : null, inc ? wan(inc[1]) : null, i < CLASSES.length ? `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i]}、${CLASSES[i][1]}` : null, i < CLASSES.length ? wan(exp[i]) : null]);
  }
  rows.push(['本年收入合计', wan(total), '本年支出合计', wan(total)]);
  rows.push(['上年结转', 0, '年终结转结余', 0]);
  rows.push(['收入总计', wan(total), '支出总计', wan(total)]);
  return { rows, merges };
}

function injectError(rng: Rng, b: Block): void {
  // A leaf figure changed by a clear amount (≥ 1.00 万元), totals left stale.
  const candidates: { r: number; c: number }[] = [];
  b.rows.forEach((row, r) => row.forEach((v, c) => {
    if (typeof v === 'number' && v > 2 && c >= 3 && typeof row[0] === 'string' && /^\d{7}$|^\d{5}$/.test(row[0])) candidates.push({ r, c });
  }));
  if (candidates.length === 0) return;
  const at = candidates[Math.floor(rng() * candidates.length)];
  const v = b.rows[at.r][at.c] as number;
  b.rows[at.r][at.c] = Math.round((v + 1 + Math.floor(rng() * 100)) * 100) / 100;
  b.injected = at;
}

interface Built {
  file: string;
  cells: number;
  sheets: number;
  tables: number;
  injected: { sheet: string; r: number; c: number }[];
}

async function build(dir: string): Promise<Built> {
  const rng = mulberry32(1_000_003);
  const file = path.join(dir, 'bench.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  let cells = 0;
  let tables = 0;
  const injected: Built['injected'] = [];
  let s = 0;
  while (cells < TARGET_CELLS) {
    s++;
    const name = `单位${String(s).padStart(3, '0')}`;
    const ws = wb.addWorksheet(name);
    const blocks: Block[] = [
      summaryTable(rng, `${name}2024年部门收支总表`),
      functionTable(rng, `${name}2024年部门支出总表`, 10, true),
      functionTable(rng, `${name}2024年一般公共预算支出表`, 10, false),
      economicTable(rng, `${name}2024年一般公共预算基本支出表`),
      functionTable(rng, `${name}2024年政府性基金预算支出表`, 4, false),
    ];
    if (s % 7 === 0) injectError(rng, blocks[1 + (s % 3)]);
    let top = 0;
    for (const b of blocks) {
      tables++;
      // Merges first: the streaming writer cannot touch a committed row.
      for (const [r0, c0, r1, c1] of b.merges) ws.mergeCells(top + r0 + 1, c0 + 1, top + r1 + 1, c1 + 1);
      b.rows.forEach((row, i) => {
        const xrow = ws.getRow(top + i + 1);
        row.forEach((v, c) => {
          if (v === null) return;
          const cell = xrow.getCell(c + 1);
          cell.value = v;
          if (typeof v === 'number') cell.numFmt = MONEY;
          cells++;
        });
        xrow.commit();
      });
      if (b.injected) injected.push({ sheet: name, r: top + b.injected.r, c: b.injected.c });
      top += b.rows.length + 3; // blank rows between stacked tables
    }
    ws.commit();
    sample();
  }
  await wb.commit();
  return { file, cells, sheets: s, tables, injected };
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'budget-bench-'));
  const timer = setInterval(sample, 25);
  try {
    let t = performance.now();
    const built = await build(dir);
    const buildMs = performance.now() - t;
    const size = (await fs.stat(built.file)).size;
    console.log(`built ${built.cells} cells in ${built.sheets} sheets, ${built.tables} tables, ${built.injected.length} injected errors: ${(size / 1e6).toFixed(1)} MB in ${buildMs.toFixed(0)} ms`);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const snapshot = await readWorkbookFile(built.file);
    const parseMs = performance.now() - t;
    sample();
    console.log(`parse (readWorkbookFile): ${parseMs.toFixed(0)} ms`);

    const { report, timings } = checkWorkbookTimed(snapshot);
    sample();
    const engineMs = timings.recognizeMs + timings.checkMs;
    const extra = timings as unknown as Record<string, number>; // further phases, if the engine reports them
    const phases = Object.entries(extra).map(([k, v]) => `${k}=${typeof v === 'number' ? v.toFixed(0) : String(v)}`).join(' ');
    console.log(`engine (checkWorkbookTimed): ${engineMs.toFixed(0)} ms [${phases}]`);
    console.log(`cells/s: engine ${Math.round(built.cells / (engineMs / 1000)).toLocaleString('en')}, parse ${Math.round(built.cells / (parseMs / 1000)).toLocaleString('en')}`);

    const bySeverity = new Map<string, number>();
    for (const f of report.findings) bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
    const byType = new Map<string, number>();
    for (const tb of report.tables) byType.set(tb.type, (byType.get(tb.type) ?? 0) + 1);
    console.log(`report: ${report.tables.length}/${built.tables} tables [${[...byType].map(([k, v]) => `${k} ${v}`).join(', ')}], findings ${[...bySeverity].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
    if (process.env.BENCH_VERBOSE) for (const f of report.findings.filter((x) => x.severity === 'error').slice(0, 30)) console.log(`  ${f.rule} ${f.sheet}!${f.cell} ${f.message}`);
    const colName = (c: number): string => String.fromCharCode(65 + c);
    const found = built.injected.filter((x) =>
      report.findings.some((f) => {
        if (f.severity !== 'error' || f.sheet !== x.sheet) return false;
        const m = /^([A-Z]+)(\d+)$/.exec(f.cell);
        return m !== null && (m[1] === colName(x.c) || Number(m[2]) === x.r + 1);
      }),
    ).length;
    console.log(`injected errors reported in their row/column: ${found}/${built.injected.length}`);

    const peakMb = Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20;
    console.log(`memory: peak rss ${peakMb.toFixed(0)} MB (rss before parse ${(rssBefore / 2 ** 20).toFixed(0)} MB), peak heapUsed ${(peakHeap / 2 ** 20).toFixed(0)} MB`);
    const perMillion = engineMs / (built.cells / 1e6);
    const verdict = [perMillion <= 1000 ? 'engine ≤ 1 s per million cells: yes' : `engine ≤ 1 s per million cells: NO (${perMillion.toFixed(0)} ms)`, engineMs < parseMs / 2 ? 'engine < parse/2: yes' : 'engine < parse/2: NO'];
    console.log(verdict.join('; '));
    console.log(`cells=${built.cells} parse_ms=${Math.round(parseMs)} engine_ms=${Math.round(engineMs)} engine_ms_per_million=${Math.round(perMillion)} peak_mb=${Math.round(peakMb)}`);
  } finally {
    clearInterval(timer);
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
