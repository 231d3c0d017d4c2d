// Benchmark: builds a ≥ 1,000,000-cell workbook of standard budget tables (consistent
// figures plus a few injected errors) with exceljs in a temp dir, then measures xlsx parse
// time, engine time (recognize + check), cells per second and peak memory.
// Last line: cells=N parse_ms=N engine_ms=N engine_ms_per_million=N peak_mb=N
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type * as Engine from '../src/engine/index';
import type * as XlsxRead from '../src/io/xlsx-read';
import { mulberry32, type Rng } from '../test/support/prng';
import { FUNCTION_CODES } from '../src/engine/data/code-lists';

// The engine and reader as shipped: the compiled dist/ that the command line runs (prebench builds it).
const { checkWorkbookTimed } = require('../dist/engine/index') as typeof Engine;
const { readWorkbookFile } = require('../dist/io/xlsx-read') as typeof XlsxRead;

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

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CLASSES = ['201', '205', '207', '208', '210', '211', '212', '213', '221', '229'];

/** Standard 款 codes under a 类, each with its standard 项 codes (shared/data lists). */
function standardKuans(cls: string): { code: string; name: string; xiangs: [string, string][] }[] {
  const out: { code: string; name: string; xiangs: [string, string][] }[] = [];
  for (const [code, name] of FUNCTION_CODES) {
    if (code.length === 5 && code.startsWith(cls)) out.push({ code, name, xiangs: [] });
    else if (code.length === 7 && code.startsWith(cls)) out.find((k) => code.startsWith(k.code))?.xiangs.push([code, name]);
  }
  return out.filter((k) => k.xiangs.length > 0);
}

/** Leaf measures of a 项 row, in cents: 工资福利, 对个人和家庭的补助, 商品和服务, 资本性 (基本支出); 其他运转类, 特定目标类 (项目支出). */
type Parts = [number, number, number, number, number, number];

interface FnRow {
  code: string;
  name: string;
  level: 1 | 2 | 3;
  parts: Parts;
}

/** One department's function-classified figures with standard codes and names: 类 → 款 → 项, parents exact sums of their children. */
function departmentFigures(rng: Rng): FnRow[] {
  const out: FnRow[] = [];
  const add = (a: Parts, b: Parts): void => {
    for (let i = 0; i < 6; i++) a[i] += b[i];
  };
  for (const code of CLASSES) {
    const cls: FnRow = { code, name: FUNCTION_CODES.get(code) ?? code, level: 1, parts: [0, 0, 0, 0, 0, 0] };
    out.push(cls);
    const kuans = standardKuans(code);
    const kuanCount = Math.min(kuans.length, 2 + Math.floor(rng() * 3));
    for (const k of kuans.slice(0, kuanCount)) {
      const kuan: FnRow = { code: k.code, name: k.name, level: 2, parts: [0, 0, 0, 0, 0, 0] };
      out.push(kuan);
      const xiangCount = Math.min(k.xiangs.length, 2 + Math.floor(rng() * 4));
      for (const [xcode, xname] of k.xiangs.slice(0, xiangCount)) {
        const p = [0, 1, 2, 3, 4, 5].map((i) => (rng() < 0.25 ? 0 : cents(rng, i === 3 ? 5_000_00 : 40_000_00))) as Parts;
        out.push({ code: xcode, name: xname, level: 3, parts: p });
        add(kuan.parts, p);
        add(cls.parts, p);
      }
    }
  }
  return out;
}

function grandTotal(rows: FnRow[]): Parts {
  const t: Parts = [0, 0, 0, 0, 0, 0];
  for (const r of rows) if (r.level === 1) for (let i = 0; i < 6; i++) t[i] += r.parts[i];
  return t;
}

/** Function-classified table (类/款/项, 合计 row first). wide: 支出总表 columns; else 一般公共预算支出表 columns. */
function functionTable(title: string, entity: string, figures: FnRow[], wide: boolean): Block {
  const rows: Cell[][] = [];
  const merges: Block['merges'] = [];
  const width = wide ? 11 : 7;
  rows.push([title]);
  merges.push([0, 0, 0, width - 1]);
  rows.push([`部门名称：${entity}`, ...new Array<Cell>(width - 2).fill(null), '单位：万元']);
  if (wide) {
    rows.push(['科目编码', '科目名称', '合计', '基本支出', null, null, null, null, '项目支出', null, null]);
    rows.push([null, null, null, '小计', '工资福利支出', '对个人和家庭的补助', '商品和服务支出', '资本性支出', '小计', '其他运转类', '特定目标类']);
    merges.push([2, 0, 3, 0], [2, 1, 3, 1], [2, 2, 3, 2], [2, 3, 2, 7], [2, 8, 2, 10]);
  } else {
    rows.push(['科目编码', '科目名称', '合计', '基本支出', null, null, '项目支出']);
    rows.push([null, null, null, '小计', '人员经费', '公用经费', null]);
    merges.push([2, 0, 3, 0], [2, 1, 3, 1], [2, 2, 3, 2], [2, 3, 2, 5], [2, 6, 3, 6]);
  }
  const measures = (s: Parts): Cell[] => {
    const basic = s[0] + s[1] + s[2] + s[3];
    const project = s[4] + s[5];
    if (wide) return [wan(basic + project), wan(basic), wan(s[0]), wan(s[1]), wan(s[2]), wan(s[3]), wan(project), wan(s[4]), wan(s[5])];
    return [wan(basic + project), wan(basic), wan(s[0] + s[1]), wan(s[2] + s[3]), wan(project)];
  };
  rows.push([null, '合计', ...measures(grandTotal(figures))]);
  for (const f of figures) rows.push([f.code, f.name, ...measures(f.parts)]);
  return { rows, merges };
}

const ECON: [string, string][] = [
  ['301', '工资福利支出'], ['30101', '基本工资'], ['30102', '津贴补贴'], ['30103', '奖金'], ['30108', '机关事业单位基本养老保险缴费'],
  ['30112', '其他社会保障缴费'], ['30113', '住房公积金'], ['30199', '其他工资福利支出'],
  ['302', '商品和服务支出'], ['30201', '办公费'], ['30205', '水费'], ['30206', '电费'], ['30207', '邮电费'], ['30211', '差旅费'],
  ['30216', '培训费'], ['30217', '公务接待费'], ['30228', '工会经费'], ['30231', '公务用车运行维护费'], ['30299', '其他商品和服务支出'],
  ['303', '对个人和家庭的补助'], ['30302', '退休费'], ['30305', '生活补助'], ['30309', '奖励金'],
  ['310', '资本性支出'], ['31002', '办公设备购置'], ['31099', '其他资本性支出'],
];

/** Splits a total (cents) into n non-negative parts that add up exactly. */
function split(rng: Rng, total: number, n: number): number[] {
  const cuts = Array.from({ length: n - 1 }, () => Math.floor(rng() * (total + 1))).sort((a, b) => a - b);
  const out: number[] = [];
  let prev = 0;
  for (const c of cuts) {
    out.push(c - prev);
    prev = c;
  }
  out.push(total - prev);
  return out;
}

/** Economic-classification table matching the department's 基本支出: 人员经费 = 301 + 303, 公用经费 = 302 + 310. */
function economicTable(rng: Rng, title: string, entity: string, figures: FnRow[]): Block {
  const rows: Cell[][] = [[title], [`部门名称：${entity}`, null, null, null, '单位：万元'], ['经济分类科目', null, '一般公共预算基本支出', null, null], ['科目编码', '科目名称', '合计', '人员经费', '公用经费']];
  const merges: Block['merges'] = [[0, 0, 0, 4], [2, 0, 2, 1], [2, 2, 2, 4]];
  const t = grandTotal(figures);
  const groupTotal: Record<string, [number, 'p' | 'g']> = { '301': [t[0], 'p'], '302': [t[2], 'g'], '303': [t[1], 'p'], '310': [t[3], 'g'] };
  const line = (v: number, kind: 'p' | 'g'): Cell[] => [wan(v), kind === 'p' ? wan(v) : 0, kind === 'g' ? wan(v) : 0];
  rows.push([null, '合计', wan(t[0] + t[1] + t[2] + t[3]), wan(t[0] + t[1]), wan(t[2] + t[3])]);
  for (const g of ['301', '302', '303', '310']) {
    const [total, kind] = groupTotal[g];
    const leaves = ECON.filter(([c]) => c.length === 5 && c.startsWith(g));
    const parts = split(rng, total, leaves.length);
    rows.push([g, ECON.find(([c]) => c === g)![1], ...line(total, kind)]);
    leaves.forEach(([c, name], i) => rows.push([c, name, ...line(parts[i], kind)]));
  }
  return { rows, merges };
}

/** 收支总表: income half (项目, 预算数) and expenditure half (function classes, 预算数). */
function summaryTable(title: string, entity: string, figures: FnRow[]): Block {
  const rows: Cell[][] = [[title], [`部门名称：${entity}`, null, null, '单位：万元'], ['收入', null, '支出', null], ['项目', '预算数', '项目', '预算数']];
  const merges: Block['merges'] = [[0, 0, 0, 3], [2, 0, 2, 1], [2, 2, 2, 3]];
  const classes = figures.filter((f) => f.level === 1);
  const sum = (p: Parts): number => p.reduce((a, b) => a + b, 0);
  const total = classes.reduce((a, c) => a + sum(c.parts), 0);
  const income: [string, number][] = [['一、一般公共预算拨款收入', total], ['二、政府性基金预算拨款收入', 0], ['三、国有资本经营预算拨款收入', 0], ['四、财政专户管理资金收入', 0], ['五、事业收入', 0]];
  for (let i = 0; i < classes.length; i++) {
    const inc = income[i];
    rows.push([inc ? inc[0] : null, inc ? wan(inc[1]) : null, `${ORDINAL[i]}、${classes[i].name}`, wan(sum(classes[i].parts))]);
  }
  rows.push(['本年收入合计', wan(total), '本年支出合计', wan(total)]);
  rows.push(['上年结转', 0, '年终结转结余', 0]);
  rows.push(['收入总计', wan(total), '支出总计', wan(total)]);
  return { rows, merges };
}

/** 项目支出表: projects whose 合计 = Σ projects = the department's 项目支出. */
function projectTable(rng: Rng, title: string, entity: string, figures: FnRow[]): Block {
  const t = grandTotal(figures);
  const n = 12;
  const parts = split(rng, t[4] + t[5], n);
  const rows: Cell[][] = [[title], [`部门名称：${entity}`, null, null, '单位：万元'], ['项目类型', '项目名称', '合计', '一般公共预算']];
  rows.push([null, '合计', wan(t[4] + t[5]), wan(t[4] + t[5])]);
  parts.forEach((p, i) => rows.push([i % 2 ? '特定目标类' : '其他运转类', `重点工作专项经费第${i + 1}项`, wan(p), wan(p)]));
  return { rows, merges: [[0, 0, 0, 3]] };
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
    const entity = `某某县第${s}部门`;
    const figures = departmentFigures(rng);
    const blocks: Block[] = [
      summaryTable('2024年部门收支总表', entity, figures),
      functionTable('2024年部门支出总表', entity, figures, true),
      functionTable('2024年一般公共预算支出表', entity, figures, false),
      economicTable(rng, '2024年一般公共预算基本支出表', entity, figures),
      projectTable(rng, '2024年项目支出表', entity, figures),
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
    if (process.env.BENCH_KEEP) console.log(`workbook kept at ${built.file}`);
    const buildMs = performance.now() - t;
    const size = (await fs.stat(built.file)).size;
    console.log(`built ${built.cells} cells in ${built.sheets} sheets, ${built.tables} tables, ${built.injected.length} injected errors: ${(size / 1e6).toFixed(1)} MB in ${buildMs.toFixed(0)} ms`);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    t = performance.now();
    const pcpu0 = process.cpuUsage();
    const snapshot = await readWorkbookFile(built.file);
    const parseMs = performance.now() - t;
    const pcpu = process.cpuUsage(pcpu0);
    sample();
    console.log(`parse (readWorkbookFile): ${parseMs.toFixed(0)} ms wall, ${((pcpu.user + pcpu.system) / 1000).toFixed(0)} ms CPU`);

    const cpu0 = process.cpuUsage();
    const { report, timings } = checkWorkbookTimed(snapshot);
    const cpu = process.cpuUsage(cpu0);
    sample();
    const engineMs = timings.recognizeMs + timings.checkMs + timings.narrativeMs;
    const phases = Object.entries(timings).map(([k, v]) => `${k}=${v.toFixed(0)}`).join(' ');
    console.log(`engine (checkWorkbookTimed): ${engineMs.toFixed(0)} ms wall [${phases}], ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (wall > CPU means the machine was busy)`);
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
    if (!process.env.BENCH_KEEP) await fs.rm(dir, { recursive: true, force: true });
  }
}

// Measured as the command line runs: on a machine of two cores or fewer, with one V8 worker thread.
(require('../bin/small-pool.js') as (run: () => void) => void)(() => {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});
