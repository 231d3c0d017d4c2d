// Reads the named figures of one recognized table: totals by header column (合计, 基本支出,
// 人员经费 …), function-class figures (class:210), economic-code figures (code:30217),
// labelled rows of the 收支 halves, and the 三公 parts. Cross-table relations and the
// narrative check compare these.
import { a1 } from '../address';
import { Dec, fromUnits } from '../amount';
import type { Cell } from '../checks/emit';
import { FUNCTION_CODES } from '../data/code-lists';
import { buildTree, nodes, PerHeader, TOTAL_COL, valueCols } from '../header-tree';
import type { BodyRow, Segment } from '../layout';
import { specOf } from '../specs';
import type { TableType } from '../report';
import { partOf } from '../checks/three-public';
import { Memo, mapped, pushTo } from '../collections';
import { codeParents } from '../code-parents';
import type { Table, TableHead } from '../table';
import { bareLabel, key } from '../text';

/**
 * One named figure of a table: the Σ of its cells. Kept as exact integer units while they
 * fit; the decimal is built only when a relation fails or the 说明 text asks for it.
 */
export class TableFigure {
  /** Side of a 收支 table the figure stands on. */
  // Initialized, so every figure has one shape (the cross-table loops stay monomorphic).
  side: 'income' | 'expenditure' | undefined = undefined;
  /** Row label of a coded row (行政运行), for lookups by name. */
  label: string | undefined = undefined;
  private dec: Dec | null | undefined = undefined;

  constructor(
    /** Canonical name: "合计", "基本支出", "本年支出合计", "class:210", "code:30217", "三公:接待". */
    readonly name: string,
    /** Column the figure is read from (header label key), "" for the table's main column. */
    readonly column: string,
    readonly table: TableHead,
    readonly cells: Cell[],
    /** Exact Σ in 0.0001-units (blank = 0), or null when some figure does not fit that form. */
    readonly units: number | null,
    /** Whether no cell holds a figure. */
    readonly blank: boolean,
  ) {}

  /** Σ of the cells' figures; null when every cell is blank. */
  get value(): Dec | null {
    if (this.dec === undefined) this.dec = this.blank ? null : this.units !== null ? fromUnits(this.units) : sumCells(this.table, this.cells);
    return this.dec;
  }

  /** This figure and another of the same table added up (a row name listed twice). */
  plus(other: TableFigure): TableFigure {
    const units = this.units !== null && other.units !== null ? this.units + other.units : null;
    return new TableFigure(this.name, this.column, this.table, [...this.cells, ...other.cells], units, this.blank && other.blank);
  }
}

function sumCells(table: TableHead, cells: readonly Cell[]): Dec | null {
  let value: Dec | null = null;
  for (const { r, c } of cells) {
    const v = table.view.amount(r, c)?.value;
    if (v) value = (value ?? new Dec(0)).plus(v);
  }
  return value;
}

export function cellRef(cells: readonly Cell[]): string {
  return cells.length > 0 ? a1(cells[0].r, cells[0].c) : '';
}

/** A class name without its 支出 suffix: "卫生健康(支出)" and "卫生健康支出" meet there. */
function classCore(s: string): string {
  return s.replace(/支出$/, '');
}

/** 类 codes by the core of their standard name (the first code of a name wins). */
const CLASS_BY_CORE = new Map<string, string>();
for (const [code, name] of FUNCTION_CODES) {
  const core = classCore(key(name));
  if (code.length === 3 && !CLASS_BY_CORE.has(core)) CLASS_BY_CORE.set(core, code);
}

/** The function class of a label such as "十、卫生健康(支出)" or "（十）卫生健康支出". */
export function classOfLabel(label: string): string | null {
  const core = classCore(bareLabel(label));
  return core === '' ? null : CLASS_BY_CORE.get(core) ?? null;
}

const classes = new Memo(classOfLabel);

/** "code:2010301" once per code: the same codes recur in every department, and the name is a lookup key. */
const CODE_NAMES = new Memo((code) => `code:${code}`);


/** Σ of figures in exact units: each part's cells, units and blankness. */
class Tally {
  readonly cells: Cell[] = [];
  /** NaN once some figure has no exact form (a double, not null: no number boxed per figure). */
  units = 0;
  blank = true;

  /** Adds a row's figures over the given amount-column indices. */
  row(row: BodyRow, js: readonly number[]): this {
    for (const j of js) {
      if (row.cols[j] === undefined) continue;
      this.cells.push({ r: row.r, c: row.cols[j] });
      if (!row.amounts.has(j)) continue;
      this.blank = false;
      this.units += row.amounts.exact(j);
    }
    return this;
  }

  figure(name: string, column: string, table: Table): TableFigure {
    const units = Number.isSafeInteger(this.units) ? this.units : null;
    return new TableFigure(name, column, table.head, this.cells, units, this.blank);
  }
}

interface NamedColumn {
  name: string;
  /** Indices into the segment's amount columns. */
  cols: number[];
}

/** Named columns of a segment: "" = the main (first 合计) column, then every header node. */
function namedColumns(seg: Segment): NamedColumn[] {
  return NAMED.get(seg);
}

const NAMED = new PerHeader<NamedColumn[]>((cols) => {
  if (cols.length === 0) return [];
  const tree = buildTree(cols);
  const rootTotal = tree.children.find((n) => n.leaf !== null && TOTAL_COL.test(n.label));
  const out: NamedColumn[] = [{ name: '', cols: [rootTotal ? rootTotal.leaf! : 0] }];
  const main = out[0].cols.join();
  for (const n of nodes(tree)) {
    const v = valueCols(n);
    if (v && n.label !== '' && v.join() !== main) out.push({ name: key(n.label.replace(/^其中/, '')), cols: v });
  }
  return out;
});

/**
 * Where a table's figures go; `wanted` turns down, before anything is summed, names that
 * nothing will look up. `offered` says whether the table has any figure at all.
 */
interface FigureOut {
  list: TableFigure[];
  wanted: (name: string, column: string) => boolean;
  offered: boolean;
}

function push(out: FigureOut, table: Table, name: string, column: string, row: BodyRow, js: number[]): void {
  if (!out.wanted(name, column)) {
    out.offered ||= js.some((j) => row.cols[j] !== undefined);
    return;
  }
  const sum = new Tally().row(row, js);
  if (sum.cells.length > 0) out.list.push(sum.figure(name, column, table));
}

/** Top-level coded rows grouped by function class (when the table lists only 项 rows). */
function classRows(seg: Segment): Map<string, BodyRow[]> {
  const rows = seg.rows.filter((r) => r.kind === 'item' && r.dim === 'function' && r.code);
  const parents = codeParents(mapped(rows, (r) => r.code), false);
  const out = new Map<string, BodyRow[]>();
  // Only rows whose ancestors are absent, so nothing is counted twice.
  rows.forEach((row, i) => {
    if (parents[i] < 0) pushTo(out, row.code!.slice(0, 3), row);
  });
  return out;
}

function codeTableFigures(table: Table, out: FigureOut): void {
  for (const seg of table.layout.segments) {
    const named = namedColumns(seg);
    const total = seg.rows.find((r) => r.kind === 'total');
    // The total row's figures are named by their column: 合计, 基本支出, 人员经费 …
    if (total) for (const col of named) push(out, table, col.name === '' ? '合计' : col.name, '', total, col.cols);
    // Class and code-row figures are compared in the main (合计) column only.
    const main = named.slice(0, 1);
    for (const [cls, rows] of classRows(seg)) {
      for (const col of main) {
        const name = `class:${cls}`;
        if (!out.wanted(name, col.name)) {
          out.offered ||= rows.some((r) => col.cols.some((j) => r.cols[j] !== undefined));
          continue;
        }
        const sum = new Tally();
        for (const r of rows) sum.row(r, col.cols);
        if (sum.cells.length > 0) out.list.push(sum.figure(name, col.name, table));
      }
    }
    for (const row of seg.rows) {
      if (row.kind === 'item' && (row.dim === 'economic' || row.dim === 'function') && row.code) {
        for (const col of main) {
          const n = out.list.length;
          push(out, table, CODE_NAMES.get(row.code), col.name, row, col.cols);
          if (out.list.length > n) out.list[n].label = key(row.bare);
        }
      }
      if (row.kind === 'partial') for (const col of main) push(out, table, key(row.bare), col.name, row, col.cols);
    }
  }
}

/** 收入 or 支出 side of a 收支 segment, by its label column's header (or its position). */
function sideOf(seg: Segment): 'income' | 'expenditure' {
  const label = seg.columns.find((c) => c.role !== 'amount')?.path.join('') ?? '';
  if (label.includes('支出')) return 'expenditure';
  if (label.includes('收入')) return 'income';
  return seg.index === 0 ? 'income' : 'expenditure';
}

function halvesFigures(table: Table, out: FigureOut): void {
  for (const seg of table.layout.segments) {
    const named = namedColumns(seg);
    const side = sideOf(seg);
    const start = out.list.length;
    for (const row of seg.rows) {
      const name = key(row.bare);
      if (name === '') continue;
      for (const col of named) push(out, table, name, col.name, row, col.cols);
      const cls = row.ordinalLevel > 0 || name.endsWith('支出') ? classes.get(row.label) : null;
      if (cls) for (const col of named) push(out, table, `class:${cls}`, col.name, row, col.cols);
    }
    for (let i = start; i < out.list.length; i++) out.list[i].side = side;
  }
}

function threePublicFigures(table: Table, out: FigureOut): void {
  const seen = new Set<string>();
  const add = (name: string, column: string, row: BodyRow, j: number): void => {
    if (seen.has(`${name}|${column}`)) return;
    seen.add(`${name}|${column}`);
    push(out, table, name, column, row, [j]);
  };
  for (const seg of table.layout.segments) {
    const cols = seg.measures;
    if (cols.filter((c) => partOf(c.path.join(''))).length >= 3) {
      // Items as columns; the block (预算数 | 决算数) becomes the figure's column.
      const row = seg.rows[0];
      if (!row) continue;
      cols.forEach((c, j) => {
        const block = c.path.length > 1 && !partOf(c.path[0]) ? c.path[0] : '';
        const part = partOf(c.path.slice(block ? 1 : 0).join(''));
        if (part) add(`三公:${part}`, key(block), row, j);
      });
    } else {
      for (const row of seg.rows) {
        const part = partOf(row.bare);
        if (part) add(`三公:${part}`, '', row, 0);
      }
    }
  }
}

/** Whether anything will look up a figure of this name, in this column of a table of this type. */
export type FigureWanted = (type: TableType, column: string, name: string) => boolean;

/** The table's named figures (with `wanted`, only those it accepts), and whether it has any at all. */
export function readFigures(table: Table, wanted?: FigureWanted): { figures: TableFigure[]; offered: boolean } {
  const out: FigureOut = { list: [], wanted: wanted ? (name, column) => wanted(table.type, column, name) : () => true, offered: false };
  const shape = specOf(table.type)?.shape;
  if (shape === 'three_public') threePublicFigures(table, out);
  else if (shape === 'halves') halvesFigures(table, out);
  else if (shape !== 'text') codeTableFigures(table, out);
  return { figures: out.list, offered: out.offered || out.list.length > 0 };
}

export function tableFigures(table: Table, wanted?: FigureWanted): TableFigure[] {
  return readFigures(table, wanted).figures;
}
