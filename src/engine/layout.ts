// Reads a region's structure: header paths per column, column roles, the side-by-side
// segments (收入 | 支出 halves, 公开06's three groups) and each body row's code and label.
import { FigureBlock, type RowFigures } from './row-figures';
import { isColumnNumberRow, type Region } from './regions';
import { fold, type SheetView } from './sheet-view';
import { isAmountText } from './amount';
import { bareLabel, isBlank, isDigits, isSubsetLabel, key, norm, parseOrdinal } from './text';
import { Memo, mapped } from './collections';

export type ColumnRole = 'code' | 'unitCode' | 'name' | 'rowNo' | 'amount' | 'text';

export interface Column {
  c: number;
  /** Normalized header labels, top to bottom, without repeats from merges. */
  path: string[];
  role: ColumnRole;
  /** For split code columns: 类 / 款 / 项. */
  codePart?: 'lei' | 'kuan' | 'xiang';
}

export type CodeDim = 'function' | 'economic' | 'unit' | 'other';

/** partial: a named sub-total such as 人员经费合计, left to the table's own formulas. */
export type RowKind = 'item' | 'total' | 'partial' | 'subset' | 'blank';

export interface BodyRow {
  r: number;
  /** Label as written (trimmed) and in comparison form. */
  label: string;
  bare: string;
  code: string | null;
  dim: CodeDim | null;
  kind: RowKind;
  /** Grand total (总计) as opposed to a 本年 合计. */
  grand: boolean;
  ordinalLevel: number;
  amounts: RowFigures;
  /** Column of each amount. */
  cols: readonly number[];
  /** Leading spaces of the label as written: the level of an indented name list. */
  indent: number;
}

export interface Segment {
  index: number;
  columns: Column[];
  labelCol: number;
  /** The amount columns, and their sheet columns. */
  measures: Column[];
  amountCols: number[];
  /** The amount columns' header paths as one string: what header-derived structures are keyed by. */
  headerKey: string;
  rowNoCol: number | null;
  rows: BodyRow[];
  /** The figures of every body row, counted by shown decimals. */
  figures: FigureBlock;
}

export interface Layout {
  columns: Column[];
  segments: Segment[];
  /** Header rows used for the column paths (after removing 栏次 rows). */
  headerRows: number[];
}

const CODE_HEADER = /(编码|代码|编号)$|^(类|款|项)$|^科目$/;
const NAME_HEADER = /(名称|项目|科目|内容|摘要|单位$|类型|品目|指标)/;
const TOTAL_LABEL = /^(本年|本期|当年)?(收入|支出|收支|部门|经费)?(合计|总计)(数)?$|^(本年|本期|当年)(收入|支出)?小计$/;
// Patterns used per row or column live here: a regex literal is a new object each time it is evaluated.
const ROW_NO_HEADER = /行次|栏次|^序号$|^编号$/;
const SPLIT_CODE_HEADER = /^(类|款|项)$/;
const UNIT_CODE_HEADER = /单位(代码|编码)|部门.*代码|单位编码/;
const AMOUNT_HEADER = /金额|合计|小计|总计|数$|费|支出$|收入$|资金|拨款/;
const NOTE = /^(注|备注|说明)/;

/**
 * Header labels per column. Merged areas spread a label over the columns they cover; a
 * header pasted without merges is read the same way: a group label stands over the blank
 * cells to its right that have sub-labels below them, within its own parent group.
 */
export function headerPaths(v: SheetView, region: Region, headerRows: number[]): string[][] {
  const width = region.c1 - region.c0 + 1;
  const grid: string[][] = mapped(headerRows, (r) => {
    const row: string[] = [];
    for (let c = region.c0; c <= region.c1; c++) row.push(norm(String(v.merged(r, c) ?? '')));
    return row;
  });
  for (let i = 0; i + 1 < headerRows.length; i++) {
    const r = headerRows[i];
    for (let j = 0; j < width; j++) {
      if (grid[i][j] === '' || v.mergeAt(r, region.c0 + j)) continue;
      for (let k = j + 1; k < width; k++) {
        const c = region.c0 + k;
        if (grid[i][k] !== '' || v.isCovered(r, c) || v.mergeAt(r, c)) break;
        const below = grid.slice(i + 1).some((row) => row[k] !== '');
        const sameParent = i === 0 || grid[i - 1][k] === grid[i - 1][j];
        if (!below || !sameParent) break;
        grid[i][k] = grid[i][j];
      }
    }
  }
  const paths: string[][] = [];
  for (let j = 0; j < width; j++) {
    const path: string[] = [];
    for (const row of grid) {
      const t = row[j];
      if (t === '' || path[path.length - 1] === t) continue;
      path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

/** 3 to 9 ASCII digits: a code, whether written in a code column or a name column. */
function isCodeLike(t: string): boolean {
  return t.length >= 3 && t.length <= 9 && isDigits(t);
}

function classifyColumn(v: SheetView, region: Region, c: number, path: string[]): Column {
  const leafKey = key(path[path.length - 1] ?? '');
  const col: Column = { c, path, role: 'amount', codePart: undefined };
  // The header decides first; the body is read only when it does not.
  if (ROW_NO_HEADER.test(leafKey)) col.role = 'rowNo';
  else if (SPLIT_CODE_HEADER.test(leafKey)) {
    col.role = 'code';
    col.codePart = leafKey === '类' ? 'lei' : leafKey === '款' ? 'kuan' : 'xiang';
  } else if (UNIT_CODE_HEADER.test(leafKey)) col.role = 'unitCode';
  else if (CODE_HEADER.test(leafKey) && !leafKey.includes('名称')) col.role = 'code';
  else col.role = roleFromBody(v, region, c, path.length === 0, NAME_HEADER.test(leafKey) && !AMOUNT_HEADER.test(leafKey));
  return col;
}

/**
 * A column's role from its body (up to 400 rows): a name column when texts outnumber figures
 * (or hold no figure under a name header), a code column when a headerless column holds only
 * codes, else amounts.
 */
function roleFromBody(v: SheetView, region: Region, c: number, headerless: boolean, nameHeader: boolean): ColumnRole {
  let numeric = 0;
  let codes = 0;
  let texts = 0;
  const end = Math.min(region.bodyEnd, region.bodyStart + 400);
  for (let r = region.bodyStart; r <= end; r++) {
    // Each cell's value is read once: this runs for every body cell of the workbook.
    const raw = v.raw(r, c);
    if (raw === null) continue;
    if (typeof raw === 'number') {
      // Code-like figures decide only a column no header names: elsewhere they are not counted.
      if (headerless && isCodeLike(v.n(r, c))) codes++;
      if (Number.isFinite(raw)) numeric++;
      else texts++;
    } else if (typeof raw === 'string') {
      if (isBlank(raw)) continue;
      const t = fold(raw);
      if (headerless && isCodeLike(t)) codes++;
      if (isAmountText(raw)) numeric++;
      else if (t !== '') texts++;
    } else texts++;
    // Figures (texts) ahead by more than the rows left: an amount (name) column whatever the rest holds.
    if (!headerless && numeric > texts + (end - r)) return 'amount';
    if (texts > numeric + (end - r)) return 'name';
  }
  if (texts > numeric || (numeric === 0 && nameHeader)) return 'name';
  if (headerless && codes > 0 && codes === numeric) return 'code';
  return 'amount';
}

function splitSegments(columns: Column[]): Column[][] {
  const segs: Column[][] = [];
  let cur: Column[] = [];
  let seenAmount = false;
  for (const col of columns) {
    const labelish = col.role !== 'amount' && col.role !== 'rowNo';
    if (labelish && seenAmount) {
      segs.push(cur);
      cur = [];
      seenAmount = false;
    }
    if (col.role === 'amount') seenAmount = true;
    cur.push(col);
  }
  if (cur.length > 0) segs.push(cur);
  return segs.filter((s) => s.some((c) => c.role === 'amount' || c.role === 'name'));
}

function codeDim(code: string, col: Column | undefined): CodeDim {
  if (col?.role === 'unitCode') return 'unit';
  return dimOf(code, col !== undefined && col.path.some(mentionsEconomic));
}

function mentionsEconomic(label: string): boolean {
  return label.includes('经济');
}

/**
 * Function codes: 2xx, 2xxxx, 2xxxxxx (unless the header says 经济). Economic codes: 3xx/5xx and
 * 3xxxx/5xxxx of the known classes (301–313, 399; 501–513, 599). Read by character: this runs
 * for every coded row.
 */
function dimOf(code: string, economicHeader: boolean): CodeDim {
  if (!isDigits(code)) return 'other';
  const n = code.length;
  const first = code[0];
  if (first === '2' && (n === 3 || n === 5 || n === 7) && !economicHeader) return 'function';
  if ((first === '3' || first === '5') && (n === 3 || n === 5)) {
    const cls = Number(code.slice(1, 3));
    if ((cls >= 1 && cls <= 13) || cls === 99) return 'economic';
  }
  return 'other';
}

function indentOf(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\u3000' || ch === '\t') n += 2;
    else break;
  }
  return n;
}

/** The label cell's text untrimmed (its indentation is meaningful). */
function rawLabel(v: SheetView, seg: Column[], r: number): string {
  for (const col of seg) {
    if (col.role !== 'name' && col.role !== 'text') continue;
    const s = v.str(r, col.c);
    if (s.trim() !== '') return s;
  }
  return '';
}

/**
 * Function tables written as indented names only ("社会保障和就业支出 /   行政事业单位养老支出
 * /     机关事业单位…"): the indentation gives the 类/款/项 levels the codes would.
 */
function levelsFromIndent(rows: BodyRow[]): void {
  const items = rows.filter((r) => r.kind === 'item');
  if (items.length < 3 || items.some((r) => r.code !== null || r.ordinalLevel > 0)) return;
  const indents = [...new Set(items.map((r) => r.indent))].sort((a, b) => a - b);
  if (indents.length < 2 || indents.length > 4) return;
  for (const r of items) r.ordinalLevel = indents.indexOf(r.indent) + 1;
}

/** What a row label says by itself; labels repeat across a workbook's tables, so this is memoized. */
interface LabelFacts {
  /** A code written inside the label ("2080505 机关事业单位…", "[208]社会保障"), and the label without it. */
  code: string | null;
  label: string;
  bare: string;
  ordinalLevel: number;
  total: boolean;
  /** Ends in 合计/小计: a named sub-total when the row has no code. */
  partial: boolean;
  subset: boolean;
  grand: boolean;
}

const labelFacts = [new Memo((t) => readLabel(t, false)), new Memo((t) => readLabel(t, true))];

function readLabel(written: string, lookForCode: boolean): LabelFacts {
  let label = written;
  let code: string | null = null;
  if (lookForCode) {
    const folded = norm(label);
    const m = /^[[【]?(\d{3,9})[\]】]?\s*(\S.*)$/.exec(folded);
    // Not a year or a quantity: "2023年…", "100万元…".
    if (m && !/^\d+$/.test(m[2]) && !/^(\d+)[、.]/.test(folded) && !/^[年月日号元万人个项次%-]/.test(m[2])) {
      code = m[1];
      label = m[2];
    }
  }
  const ordinal = parseOrdinal(label);
  const bare = bareLabel(label, ordinal);
  const total = TOTAL_LABEL.test(bare) || /^(合计|总计)/.test(bare);
  return {
    code,
    label,
    bare,
    ordinalLevel: ordinal ? ordinal.level : 0,
    total,
    partial: /(合计|小计)$/.test(bare),
    subset: isSubsetLabel(label),
    grand: total && /总计/.test(bare),
  };
}

interface Carry {
  lei: string;
  kuan: string;
  lastCode: string | null;
  lastBare: string;
}

function readRow(v: SheetView, seg: Column[], labelCols: Column[], figures: FigureBlock, r: number, carry: Carry): BodyRow {
  let label = '';
  let code: string | null = null;
  let codeCol: Column | undefined;
  let nameAsUnitCode = false;
  let lei: string | undefined;
  let kuan: string | undefined;
  let xiang: string | undefined;
  // The first code columns and their name are the row's own; a second code/name group is a
  // mapping (政府预算经济分类 beside 部门预算经济分类) and never the row's code.
  let seenCode = false;
  let closed = false;
  for (const col of labelCols) {
    const isCode = col.role === 'code' || col.role === 'unitCode';
    if (closed && (isCode || label !== '')) continue;
    if (isCode) seenCode = true;
    else if (col.role === 'name' && seenCode) closed = true;
    const t = v.n(r, col.c);
    if (t === '') continue;
    if (col.role === 'code' && col.codePart) {
      if (isDigits(t)) {
        if (col.codePart === 'lei') lei = t;
        else if (col.codePart === 'kuan') kuan = t;
        else xiang = t;
      } else if (label === '') label = v.str(r, col.c).trim();
      continue;
    }
    if (isCode && code === null && isDigits(t)) {
      // Only the first code column is the row's code (a second one is the 政府预算 mapping).
      code = t;
      codeCol = col;
      continue;
    }
    if (label === '') {
      if (code === null && col.role === 'name' && isCodeLike(t)) {
        code = t;
        nameAsUnitCode = true;
        continue;
      }
      label = v.str(r, col.c).trim();
    }
  }
  if (lei || kuan || xiang) {
    if (lei) {
      carry.lei = lei;
      carry.kuan = '';
    }
    if (kuan) carry.kuan = kuan;
    code = (lei ?? carry.lei) + (kuan || xiang ? kuan ?? carry.kuan : '') + (xiang ?? '');
    codeCol = seg.find((c) => c.codePart);
    nameAsUnitCode = false;
  }
  const facts = labelFacts[code === null ? 1 : 0].get(label);
  if (facts.code !== null) {
    code = facts.code;
    label = facts.label;
  }
  const bare = facts.bare;
  // A blank code under the same name continues the row above (a merged code cell).
  if (code === null && bare !== '' && bare === carry.lastBare && carry.lastCode !== null) code = carry.lastCode;
  const amounts = figures.read(r);
  let kind: RowKind = 'item';
  if (label === '' && code === null) kind = amounts.any() ? 'item' : 'blank';
  else if (facts.total) kind = 'total';
  else if (code === null && facts.partial) kind = 'partial';
  else if (facts.subset) kind = 'subset';
  carry.lastCode = code;
  carry.lastBare = bare;
  return {
    r,
    label,
    bare,
    code,
    dim: code === null ? null : nameAsUnitCode ? 'unit' : codeDim(code, codeCol),
    kind,
    grand: kind === 'total' && facts.grand,
    ordinalLevel: facts.ordinalLevel,
    amounts,
    cols: amounts.cols,
    // Only uncoded, unnumbered rows take their level from indentation (levelsFromIndent).
    indent: label === '' || code !== null || facts.ordinalLevel > 0 ? 0 : indentOf(rawLabel(v, labelCols, r)),
  };
}


export function readLayout(v: SheetView, region: Region, entity = ''): Layout {
  const headerRows: number[] = [];
  for (let r = region.headerStart; r < region.bodyStart; r++) {
    const texts: string[] = [];
    for (let c = region.c0; c <= region.c1; c++) {
      const t = v.n(r, c);
      if (t !== '') texts.push(t);
    }
    if (texts.length === 0 || isColumnNumberRow(texts)) continue;
    if (texts.length === 1 && NOTE.test(texts[0])) continue;
    headerRows.push(r);
  }
  const paths = headerPaths(v, region, headerRows);
  const columns = mapped(paths, (p, i) => classifyColumn(v, region, region.c0 + i, p));
  const segments: Segment[] = mapped(splitSegments(columns), (cols, index) => {
    const carry: Carry = { lei: '', kuan: '', lastCode: null, lastBare: '' };
    const rows: BodyRow[] = [];
    const labelCols = cols.filter((c) => c.role !== 'amount' && c.role !== 'rowNo');
    const measures = cols.filter((c) => c.role === 'amount');
    const amountCols = mapped(measures, (c) => c.c);
    const figures = new FigureBlock(v, amountCols, Math.max(0, region.bodyEnd - region.bodyStart + 1));
    for (let r = region.bodyStart; r <= region.bodyEnd; r++) {
      const row = readRow(v, cols, labelCols, figures, r, carry);
      if (row.kind !== 'blank') rows.push(row);
    }
    markImplicitTotal(rows, entity);
    levelsFromIndent(rows);
    const label = cols.find((c) => c.role === 'name') ?? cols.find((c) => c.role !== 'amount');
    const rowNo = cols.find((c) => c.role === 'rowNo');
    return {
      index,
      columns: cols,
      labelCol: label ? label.c : cols[0].c,
      measures,
      amountCols,
      headerKey: JSON.stringify(measures.map((c) => c.path)),
      rowNoCol: rowNo ? rowNo.c : null,
      rows,
      figures,
    };
  });
  joinSplitRows(segments);
  return { columns, segments, headerRows };
}

/**
 * The first body row is the table's total when it has figures but no label (seed 000's
 * 项目支出表) or is labelled with the department's own name (柳林县…中心 3686.29).
 */
const ORG = /(\[部门\]|\[单位\]|局|中心|委员会|办公室|办|院|所|站|馆|队|处|单位|部门|本级)(\[.*\])?$/;

function markImplicitTotal(rows: BodyRow[], entity: string): void {
  const first = rows[0];
  if (!first || rows.length < 2 || first.kind !== 'item' || first.code !== null) return;
  const named = entity !== '' && key(first.label) === key(entity);
  if (first.label === '' || named || ORG.test(key(first.label))) first.kind = 'total';
  else return;
  // Unit rows below the department total head their projects: units level 1, projects 2.
  const rest = rows.slice(1).filter((r) => r.kind === 'item' && r.code === null);
  const units = rest.filter((r) => ORG.test(key(r.label)));
  if (units.length === 0 || units.length === rest.length || !ORG.test(key(rest[0].label))) return;
  for (const r of rest) if (r.ordinalLevel === 0) r.ordinalLevel = units.includes(r) ? 1 : 2;
}

/**
 * A label in one segment whose figure stands in the next segment's amount column
 * ("公用经费合计 … 4.24" across 公开06's groups): the row takes that figure.
 */
function joinSplitRows(segments: Segment[]): void {
  for (let i = 0; i + 1 < segments.length; i++) {
    const next = new Map(segments[i + 1].rows.map((row) => [row.r, row]));
    const moved = new Set<BodyRow>();
    for (const row of segments[i].rows) {
      if (row.label === '' || row.amounts.any()) continue;
      const other = next.get(row.r);
      if (!other || other.label !== '' || other.code !== null || !other.amounts.any()) continue;
      row.amounts = other.amounts;
      row.cols = other.cols;
      moved.add(other);
    }
    if (moved.size > 0) segments[i + 1].rows = segments[i + 1].rows.filter((x) => !moved.has(x));
  }
}
