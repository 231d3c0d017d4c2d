// Metamorphic snapshot transforms for the variant suite (test/variants/variants.test.ts).
//
// Every transform is a pure function WorkbookSnapshot → Variant. It deep-copies its input,
// never touches the original, and returns together with the new snapshot a cell mapping
// (original sheet/row/col → transformed sheet/row/col) so that a finding of the original
// report can be located in the transformed report. All addresses are zero-based, as in
// src/engine/grid.ts. Amounts are only ever changed with decimal.js (Dec), never floats.
//
// The layouts produced are ones real departments publish (DOMAIN.md §2, §3, §5): tables
// not at A1, several tables on one sheet, no merges / repeated merge labels, "合 计",
// full-width digits, other titles, split or joined function codes, whole-元 tables,
// 合计 at the bottom, other column orders, amounts pasted as text.
import { Dec } from '../../src/engine/amount';
import type { CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/engine/grid';
import { formatNumber } from '../../src/io/number-text';

// ---------------------------------------------------------------------------------------
// Contracts

export interface CellRef {
  sheet: string;
  r: number;
  c: number;
}

/** Original cell → its position after the transform, or null when it no longer exists. */
export type CellMap = (ref: CellRef) => CellRef | null;

export interface Variant {
  /** Transform name(s), joined with '+' for compositions. */
  name: string;
  snapshot: WorkbookSnapshot;
  map: CellMap;
  /**
   * Exact factor the amounts at an original cell were multiplied by (1 except on sheets `yuan`
   * converted: 10000). Where it is > 1 the variant suite expects an original `rounding` finding
   * to come back as an `error`: a 万元 remainder (≥ 0.01 万元 = 100 元) multiplied into 元 is
   * larger than any 元 tolerance (0 for 元 to the cent; (n+1)×0.5 元 for whole 元, n < 199).
   */
  scaleAt: (ref: CellRef) => Dec;
  /** True when recognition may legitimately fall back to 'unknown' (title removed). */
  relaxed: boolean;
  /** Sheets (original names) the transform actually changed; empty = no-op on this workbook. */
  touched: string[];
  /** Human-readable notes for repro reports (e.g. old → new titles). */
  notes: string[];
}

export type Transform = (wb: WorkbookSnapshot) => Variant;

// ---------------------------------------------------------------------------------------
// Cell helpers

export interface Cell {
  v: CellValue;
  t: string | null;
  f: string | null;
  n: string | null;
}

const EMPTY: Cell = { v: null, t: null, f: null, n: null };

export function getCell(s: SheetSnapshot, r: number, c: number): Cell {
  const v = s.values[r]?.[c];
  return {
    v: v === undefined ? null : v,
    t: s.text?.[r]?.[c] ?? null,
    f: s.formulas?.[r]?.[c] ?? null,
    n: s.numberFormats?.[r]?.[c] ?? null,
  };
}

function isEmptyCell(x: Cell): boolean {
  return x.v === null && x.t === null && x.f === null && x.n === null;
}

function blankSheet(name: string, hidden?: boolean): SheetSnapshot {
  const s: SheetSnapshot = { name, values: [], text: [], formulas: [], numberFormats: [], merges: [] };
  if (hidden) s.hidden = true;
  return s;
}

function setIn<T>(grid: (T | null)[][], r: number, c: number, v: T | null): void {
  while (grid.length <= r) grid.push([]);
  const row = grid[r];
  while (row.length <= c) row.push(null);
  row[c] = v;
}

export function setCell(s: SheetSnapshot, r: number, c: number, x: Cell): void {
  s.text ??= [];
  s.formulas ??= [];
  s.numberFormats ??= [];
  setIn(s.values, r, c, x.v);
  setIn(s.text, r, c, x.t);
  setIn(s.formulas, r, c, x.f);
  setIn(s.numberFormats, r, c, x.n);
}

/** Makes every grid rectangular (nRows × nCols, nulls), as the xlsx reader does. */
function densify(s: SheetSnapshot): SheetSnapshot {
  let nRows = s.values.length;
  let nCols = 0;
  for (const g of [s.values, s.text ?? [], s.formulas ?? [], s.numberFormats ?? []]) {
    nRows = Math.max(nRows, g.length);
    for (const row of g) if (row) nCols = Math.max(nCols, row.length);
  }
  const fix = <T>(g: (T | null)[][] | undefined): (T | null)[][] => {
    const out: (T | null)[][] = [];
    for (let r = 0; r < nRows; r++) {
      const row = g?.[r] ?? [];
      const o: (T | null)[] = new Array<T | null>(nCols).fill(null);
      for (let c = 0; c < nCols; c++) o[c] = row[c] ?? null;
      out.push(o);
    }
    return out;
  };
  s.values = fix(s.values);
  s.text = fix(s.text);
  s.formulas = fix(s.formulas);
  s.numberFormats = fix(s.numberFormats);
  return s;
}

export function rowCount(s: SheetSnapshot): number {
  return s.values.length;
}

export function colCount(s: SheetSnapshot): number {
  let n = 0;
  for (const row of s.values) if (row && row.length > n) n = row.length;
  return n;
}

/** Normalized label: NFKC, no spaces, no quotes (what a reader compares). */
export function norm(v: CellValue): string {
  if (typeof v !== 'string') return '';
  return v.normalize('NFKC').replace(/[\s\u3000]+/g, '');
}

function clone<T>(x: T): T {
  return structuredClone(x);
}

/**
 * Rebuilds a sheet by sending each original cell through `f` (dropping it on null) and each
 * merge through `m` (dropping it on null).
 */
function remapSheet(
  s: SheetSnapshot,
  name: string,
  f: (r: number, c: number) => { r: number; c: number } | null,
  m: (range: CellRange) => CellRange | null,
  into: SheetSnapshot = blankSheet(name, s.hidden),
): SheetSnapshot {
  const nr = rowCount(s);
  const nc = colCount(s);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      const x = getCell(s, r, c);
      if (isEmptyCell(x)) continue;
      const to = f(r, c);
      if (to) setCell(into, to.r, to.c, x);
    }
  }
  for (const g of s.merges) {
    const mm = m(g);
    if (mm && !(mm.r0 === mm.r1 && mm.c0 === mm.c1)) into.merges.push(mm);
  }
  return into;
}

function variant(name: string, snapshot: WorkbookSnapshot, map: CellMap, touched: string[], extra: Partial<Variant> = {}): Variant {
  for (const s of snapshot.sheets) densify(s);
  return {
    name,
    snapshot,
    map,
    scaleAt: () => ONE,
    relaxed: false,
    touched,
    notes: [],
    ...extra,
  };
}

const ONE = new Dec(1);

const identityMap: CellMap = (ref) => ({ ...ref });

/** A sheet holding a table (not a one-column narrative sheet like 说明). */
export function isTableSheet(s: SheetSnapshot): boolean {
  return colCount(s) >= 2;
}

// ---------------------------------------------------------------------------------------
// 1. offset

/**
 * Moves every table down by `rows` and right by `cols`: inserts empty rows at the top and
 * empty columns at the left of every sheet (merges move along).
 */
export function offset(rows: number, cols: number): Transform {
  return (wb) => {
    const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
    for (const s of wb.sheets) {
      out.sheets.push(
        remapSheet(
          s,
          s.name,
          (r, c) => ({ r: r + rows, c: c + cols }),
          (g) => ({ r0: g.r0 + rows, c0: g.c0 + cols, r1: g.r1 + rows, c1: g.c1 + cols }),
        ),
      );
    }
    const map: CellMap = (ref) => ({ sheet: ref.sheet, r: ref.r + rows, c: ref.c + cols });
    return variant(`offset(${rows},${cols})`, out, map, wb.sheets.map((s) => s.name));
  };
}

// ---------------------------------------------------------------------------------------
// 2. stack / side by side

export const STACK_SHEET = '全部表格';

/**
 * Puts every table sheet (≥ 2 used columns; the one-column 说明 sheet stays apart) onto ONE
 * sheet, one below the other, keeping each table's title and 单位 rows and its merges. The
 * blank rows between tables cycle through `gaps` (default 1, 2, 3). The combined sheet takes
 * the place of the first stacked sheet.
 */
export function stack(gaps: number[] = [1, 2, 3]): Transform {
  return (wb) => {
    const tables = wb.sheets.filter(isTableSheet);
    const rowOffset = new Map<string, number>();
    const combined = blankSheet(STACK_SHEET);
    let at = 0;
    tables.forEach((s, i) => {
      rowOffset.set(s.name, at);
      const base = at;
      remapSheet(
        s,
        STACK_SHEET,
        (r, c) => ({ r: r + base, c }),
        (g) => ({ r0: g.r0 + base, c0: g.c0, r1: g.r1 + base, c1: g.c1 }),
        combined,
      );
      at += rowCount(s) + gaps[i % gaps.length];
    });
    const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
    let placed = false;
    for (const s of wb.sheets) {
      if (rowOffset.has(s.name)) {
        if (!placed) out.sheets.push(combined);
        placed = true;
      } else out.sheets.push(clone(s));
    }
    const map: CellMap = (ref) => {
      const o = rowOffset.get(ref.sheet);
      return o === undefined ? { ...ref } : { sheet: STACK_SHEET, r: ref.r + o, c: ref.c };
    };
    return variant('stack', out, map, tables.map((s) => s.name));
  };
}

/**
 * Places table sheets pairwise side by side (1st|2nd, 3rd|4th, …): the right table starts two
 * blank columns after the left table's last used column, on the left table's sheet.
 */
export function sideBySide(gapCols = 2): Transform {
  return (wb) => {
    const tables = wb.sheets.filter(isTableSheet);
    const target = new Map<string, { sheet: string; dc: number }>();
    const built = new Map<string, SheetSnapshot>();
    for (let i = 0; i + 1 < tables.length; i += 2) {
      const a = tables[i];
      const b = tables[i + 1];
      const dc = colCount(a) + gapCols;
      const sh = remapSheet(a, a.name, (r, c) => ({ r, c }), (g) => ({ ...g }));
      remapSheet(b, a.name, (r, c) => ({ r, c: c + dc }), (g) => ({ r0: g.r0, c0: g.c0 + dc, r1: g.r1, c1: g.c1 + dc }), sh);
      built.set(a.name, sh);
      target.set(b.name, { sheet: a.name, dc });
    }
    const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
    for (const s of wb.sheets) {
      if (target.has(s.name)) continue;
      out.sheets.push(built.get(s.name) ?? clone(s));
    }
    const map: CellMap = (ref) => {
      const t = target.get(ref.sheet);
      return t ? { sheet: t.sheet, r: ref.r, c: ref.c + t.dc } : { ...ref };
    };
    const touched = [...built.keys(), ...target.keys()];
    return variant('side-by-side', out, map, touched);
  };
}

// ---------------------------------------------------------------------------------------
// 3. no-merges, 4. merged-fill

/** Drops all merges; the label stays only in the top-left cell (a paste from a finance system). */
export const noMerges: Transform = (wb) => {
  const out = clone(wb);
  const touched: string[] = [];
  for (const s of out.sheets) {
    if (s.merges.length) touched.push(s.name);
    for (const g of s.merges) {
      for (let r = g.r0; r <= g.r1; r++)
        for (let c = g.c0; c <= g.c1; c++) if (r !== g.r0 || c !== g.c0) setCell(s, r, c, EMPTY);
    }
    s.merges = [];
  }
  return variant('no-merges', out, identityMap, touched);
};

/**
 * Drops all merges and repeats the merged label (value, text, format) into every covered cell,
 * as "unmerge and fill" exports do — title and note rows included.
 */
export const mergedFill: Transform = (wb) => fillMerges(wb, false);

/**
 * Like mergedFill, but only header (and body) merges are filled: the title and note rows are
 * unmerged with their text left in the top-left cell. Separates "repeated header labels" from
 * "title repeated across the row" when mergedFill fails.
 */
export const mergedFillHeader: Transform = (wb) => fillMerges(wb, true);

function fillMerges(wb: WorkbookSnapshot, headerOnly: boolean): Variant {
  const out = clone(wb);
  const touched: string[] = [];
  for (const s of out.sheets) {
    if (s.merges.length) touched.push(s.name);
    const title = titleCell(s);
    for (const g of s.merges) {
      const skip = headerOnly && ((title !== null && title.r === g.r0 && title.c === g.c0) || isNoteRow(s, g.r0));
      if (skip) continue;
      const master = getCell(s, g.r0, g.c0);
      for (let r = g.r0; r <= g.r1; r++)
        for (let c = g.c0; c <= g.c1; c++) if (r !== g.r0 || c !== g.c0) setCell(s, r, c, { ...master, f: null });
    }
    s.merges = [];
  }
  return variant(headerOnly ? 'merged-fill-header' : 'merged-fill', out, identityMap, touched);
}

// ---------------------------------------------------------------------------------------
// 5. spaces and full-width digits

const SHORT_LABEL = /^[\u4e00-\u9fff]{2,4}$/;

export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

/**
 * Inserts a space between the characters of every short label (2–4 Chinese characters only:
 * "合计" → "合 计", "收入总计" → "收 入 总 计", "项目" → "项 目") and writes every code stored
 * as text (a string of ≥ 2 ASCII digits: "2101501", "05", "30101") with full-width digits
 * ("２１０１５０１"). Numbers stored as numbers are untouched.
 */
export const spaces: Transform = (wb) => {
  const out = clone(wb);
  const touched = new Set<string>();
  for (const s of out.sheets) {
    for (let r = 0; r < rowCount(s); r++) {
      for (let c = 0; c < colCount(s); c++) {
        const x = getCell(s, r, c);
        if (typeof x.v !== 'string') continue;
        const t = x.v.trim();
        let nv: string | null = null;
        if (SHORT_LABEL.test(t)) nv = [...t].join(' ');
        else if (/^[0-9]{2,}$/.test(t)) nv = toFullWidthDigits(t);
        if (nv !== null) {
          setCell(s, r, c, { ...x, v: nv, t: nv });
          touched.add(s.name);
        }
      }
    }
  }
  return variant('spaces', out, identityMap, [...touched]);
};

// ---------------------------------------------------------------------------------------
// 6. retitle / title removed

/** The title cell of a table sheet: its first non-empty cell, when that is text naming a 表. */
export function titleCell(s: SheetSnapshot): { r: number; c: number } | null {
  if (!isTableSheet(s)) return null;
  for (let r = 0; r < Math.min(rowCount(s), 4); r++) {
    for (let c = 0; c < colCount(s); c++) {
      const v = s.values[r]?.[c];
      if (v === null || v === undefined || v === '') continue;
      return typeof v === 'string' && /表/.test(v) ? { r, c } : null;
    }
  }
  return null;
}

/**
 * Synonyms a department really uses: the core keywords (收支/收入/支出/财政拨款/一般公共预算/
 * 基本支出/经济分类/三公/政府性基金/项目/绩效/决算 …) are kept, the wording around them changes.
 * Applied to the title after its leading department name and year have been removed.
 */
const TITLE_SYNONYMS: [RegExp, string][] = [
  [/^部门收支总体情况表$/, '收支预算总表'],
  [/^(部门)?收支总表$/, '部门收支预算总表'],
  [/^预算收支总表$/, '部门收支总表'],
  [/^财政拨款收支总体情况表$/, '财政拨款收支预算总表'],
  [/^财政拨款收支总表$/, '财政拨款收支预算总表'],
  [/^部门收入总体情况表$/, '收入预算总表'],
  [/^(预算)?收入总表$/, '部门收入预算总表'],
  [/^部门支出总体情况表$/, '部门支出预算总表'],
  [/^(预算)?支出总表$/, '部门支出预算总表'],
  [/^一般公共预算基本支出情况表$/, '一般公共预算基本支出预算表'],
  [/^一般公共预算基本支出表$/, '一般公共预算基本支出预算表'],
  [/^一般公共预算支出情况表$/, '一般公共预算支出预算表'],
  [/^一般公共预算支出表$/, '一般公共预算支出预算表'],
  [/^支出经济分类汇总表$/, '部门支出经济分类汇总表'],
  [/^一般公共预算[“"]三公[”"]经费支出(情况|预算)表$/, '一般公共预算"三公"经费支出表'],
  [/^政府性基金预算支出情况表$/, '政府性基金预算支出预算表'],
  [/^政府性基金预算支出表$/, '政府性基金支出预算表'],
  [/^国有资本经营预算支出表$/, '国有资本经营支出预算表'],
  [/^项目支出预算表$/, '部门项目支出预算表'],
  [/^项目支出表$/, '项目支出预算表'],
  [/^政府采购支出表$/, '政府采购支出预算表'],
  [/^政府购买服务支出表$/, '政府购买服务支出预算表'],
  [/^部门整体绩效目标表.*$/, '部门整体支出绩效目标表'],
  [/^部门整体支出绩效目标表$/, '部门整体绩效目标表'],
  [/^部门预算项目绩效目标汇总表$/, '项目支出绩效目标表'],
  [/^项目支出绩效目标表$/, '项目绩效目标表'],
  [/^收入支出决算总表$/, '部门收入支出决算总表'],
  [/^收入决算表$/, '部门收入决算表'],
  [/^支出决算表$/, '部门支出决算表'],
  [/^财政拨款[“"]三公[”"]经费支出决算表$/, '财政拨款"三公"经费支出决算表'],
  [/^部门整体自评表$/, '部门整体支出绩效自评表'],
  [/^项目单位自评表$/, '项目支出绩效自评表'],
];

/**
 * The retitled text: the leading department name and year ("泗县医疗保障局2024年", "2023年度")
 * are dropped, the rest goes through TITLE_SYNONYMS (first full match), and a new prefix
 * "XX局<year>年" (budget) or "XX局<year>年度" (决算/自评) is put in front. The year stays the
 * document's own (the 说明 text names it; a new year would be a genuine mismatch).
 */
export function retitleText(title: string): string {
  const year = /(\d{4})\s*年/.exec(title)?.[1] ?? '2023';
  let core = title.replace(/^[^表]*?\d{4}\s*年度?\s*/, '').trim();
  for (const [re, rep] of TITLE_SYNONYMS) {
    if (re.test(core)) {
      core = core.replace(re, rep);
      break;
    }
  }
  const isFinal = /决算|自评/.test(core);
  return (isFinal ? `XX局${year}年度` : `XX局${year}年`) + core;
}

/** Replaces every table title with a synonym (see TITLE_SYNONYMS) and a department/year prefix. */
export const retitle: Transform = (wb) => {
  const out = clone(wb);
  const touched: string[] = [];
  const notes: string[] = [];
  for (const s of out.sheets) {
    const t = titleCell(s);
    if (!t) continue;
    const x = getCell(s, t.r, t.c);
    const nv = retitleText(String(x.v));
    setCell(s, t.r, t.c, { ...x, v: nv, t: nv });
    touched.push(s.name);
    notes.push(`${s.name}: ${String(x.v)} → ${nv}`);
  }
  const v = variant('retitle', out, identityMap, touched);
  v.notes = notes;
  return v;
};

/** Removes the title (cell and its merge); header, 单位 row and body stay where they are. */
export const titleRemoved: Transform = (wb) => {
  const out = clone(wb);
  const touched: string[] = [];
  for (const s of out.sheets) {
    const t = titleCell(s);
    if (!t) continue;
    setCell(s, t.r, t.c, EMPTY);
    s.merges = s.merges.filter((g) => !(g.r0 === t.r && g.c0 === t.c));
    touched.push(s.name);
  }
  return variant('title-removed', out, identityMap, touched, { relaxed: true });
};

// ---------------------------------------------------------------------------------------
// Column insertion / deletion (used by the code transforms)

/** Merge after deleting columns `del` (sorted): shrinks spans, drops emptied merges. */
function colShiftAfterDelete(del: number[]): (c: number) => number {
  return (c) => c - del.filter((d) => d < c).length;
}

// 7a. codes-joined

/** Finds header runs 类|款|项 or 类|款 (adjacent cells) in the first 10 rows. */
function findSplitCodeRuns(s: SheetSnapshot): { r: number; c: number; width: number }[] {
  const runs: { r: number; c: number; width: number }[] = [];
  for (let r = 0; r < Math.min(rowCount(s), 10); r++) {
    for (let c = 0; c + 1 < colCount(s); c++) {
      if (norm(s.values[r]?.[c] ?? null) !== '类' || norm(s.values[r]?.[c + 1] ?? null) !== '款') continue;
      const width = norm(s.values[r]?.[c + 2] ?? null) === '项' ? 3 : 2;
      runs.push({ r, c, width });
    }
  }
  return runs;
}


/** A cell map that moves columns per sheet (sheets without a map keep their cells). */
function byColumn(colMaps: Map<string, (c: number) => number>): CellMap {
  return (ref) => {
    const f = colMaps.get(ref.sheet);
    return f ? { sheet: ref.sheet, r: ref.r, c: f(ref.c) } : { ...ref };
  };
}

/** A cell map that moves rows per sheet. */
function byRow(rowMaps: Map<string, (r: number) => number>): CellMap {
  return (ref) => {
    const f = rowMaps.get(ref.sheet);
    return f ? { sheet: ref.sheet, r: f(ref.r), c: ref.c } : { ...ref };
  };
}

/**
 * Converts split code columns 类|款|项 ("210 | 15 | 01") — and 类|款 for economic codes
 * ("302 | 29") — into one code column holding the joined code as text ("2101501", "30229").
 * The 款 and 项 columns are deleted. Header: when the label above spans exactly the code
 * columns ("科目编码" over 类|款|项) the 类 label is cleared and that parent is merged down over
 * the joined column; otherwise (no parent, or a wider parent such as "部门预算经济分类" over
 * 类|款|科目名称, which shrinks with the deletion) the 类 cell becomes "科目编码". Cells of
 * deleted columns map to the joined code column.
 */
export const codesJoined: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const colMaps = new Map<string, (c: number) => number>();
  const touched: string[] = [];
  for (const s0 of wb.sheets) {
    const runs = findSplitCodeRuns(s0);
    if (!runs.length) {
      out.sheets.push(clone(s0));
      continue;
    }
    touched.push(s0.name);
    const s = clone(s0);
    const del: number[] = [];
    for (const run of runs) {
      // Body: every row below the header run.
      for (let r = run.r + 1; r < rowCount(s); r++) {
        const parts: string[] = [];
        for (let k = 0; k < run.width; k++) {
          const v = s.values[r]?.[run.c + k];
          parts.push(v === null || v === undefined ? '' : String(v).trim());
        }
        if (!/^\d{3}$/.test(parts[0])) continue;
        if (parts.slice(1).some((p) => p !== '' && !/^\d{2}$/.test(p))) continue;
        let code = parts[0];
        for (const p of parts.slice(1)) {
          if (p === '') break;
          code += p;
        }
        setCell(s, r, run.c, { ...getCell(s, r, run.c), v: code, t: code, n: null });
      }
      // Header.
      const lbl = getCell(s, run.r, run.c);
      const below = s.merges.find((g) => g.r0 === run.r && g.c0 === run.c);
      const lastHeaderRow = below ? below.r1 : run.r;
      // A parent label spanning exactly the code columns ("科目编码" over 类|款|项) takes over the
      // joined column; a wider parent ("部门预算经济分类" over 类|款|科目名称) stays a parent.
      const parent = run.r > 0 ? s.merges.find((g) => g.r1 === run.r - 1 && g.c0 === run.c && g.c1 === run.c + run.width - 1) : undefined;
      s.merges = s.merges.filter((g) => !(g === below || g === parent || (g.r0 >= run.r && g.r1 <= lastHeaderRow && g.c0 >= run.c && g.c1 < run.c + run.width)));
      if (parent) {
        setCell(s, run.r, run.c, EMPTY);
        s.merges.push({ r0: parent.r0, c0: run.c, r1: lastHeaderRow, c1: run.c });
      } else {
        setCell(s, run.r, run.c, { ...lbl, v: '科目编码', t: '科目编码' });
        if (lastHeaderRow > run.r) s.merges.push({ r0: run.r, c0: run.c, r1: lastHeaderRow, c1: run.c });
      }
      for (let k = 1; k < run.width; k++) del.push(run.c + k);
    }
    del.sort((a, b) => a - b);
    const shift = colShiftAfterDelete(del);
    const delSet = new Set(del);
    const toCol = (c: number): number => {
      if (!delSet.has(c)) return shift(c);
      const run = runs.find((x) => c > x.c && c < x.c + x.width);
      return shift(run ? run.c : c);
    };
    colMaps.set(s0.name, toCol);
    const rebuilt = remapSheet(
      s,
      s.name,
      (r, c) => (delSet.has(c) ? null : { r, c: shift(c) }),
      (g) => {
        let c0 = g.c0;
        while (delSet.has(c0) && c0 < g.c1) c0++;
        let c1 = g.c1;
        while (delSet.has(c1) && c1 > c0) c1--;
        if (delSet.has(c0)) return null;
        return { r0: g.r0, c0: shift(c0), r1: g.r1, c1: shift(c1) };
      },
    );
    out.sheets.push(rebuilt);
  }
  const map = byColumn(colMaps);
  return variant('codes-joined', out, map, touched);
};

// 7b. codes-split

/** A single function-code column: header 科目代码/科目编码/功能分类科目编码 above ≥ 1 seven-digit 2xxxxxx code. */
function findJoinedCodeColumns(s: SheetSnapshot): { hr: number; c: number }[] {
  const found: { hr: number; c: number }[] = [];
  for (let c = 0; c < colCount(s); c++) {
    for (let hr = 0; hr < Math.min(rowCount(s), 10); hr++) {
      if (!/^(功能分类)?科目(代码|编码)$/.test(norm(s.values[hr]?.[c] ?? null))) continue;
      let sevens = 0;
      let others = 0;
      for (let r = hr + 1; r < rowCount(s); r++) {
        const v = norm(s.values[r]?.[c] ?? null);
        if (/^2\d{6}$/.test(v)) sevens++;
        else if (v !== '' && !/^\d{3}$|^\d{5}$/.test(v) && !/^栏次$/.test(v) && !/^合计$/.test(v)) others++;
      }
      if (sevens > 0 && others <= 2) found.push({ hr, c });
      break;
    }
  }
  return found;
}

/**
 * Converts a single function-code column ("2080505", "20805", "208") into three text columns
 * 类|款|项 ("208 | 05 | 05", higher levels "208 | 05 |", "208 | |"), inserting two columns to
 * the right of the code column. Header: the code header row gets "类","款","项"; the label
 * above it, when merged over the code column (e.g. "项目"), is widened by two columns, and any
 * merge crossing the insertion point widens too. Original code cells map to the 类 column.
 */
export const codesSplit: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const colMaps = new Map<string, (c: number) => number>();
  const touched: string[] = [];
  for (const s0 of wb.sheets) {
    const cols = findJoinedCodeColumns(s0);
    if (cols.length !== 1) {
      out.sheets.push(clone(s0));
      continue;
    }
    touched.push(s0.name);
    const { hr, c: cc } = cols[0];
    const shift = (c: number): number => (c > cc ? c + 2 : c);
    colMaps.set(s0.name, shift);
    const s = remapSheet(
      s0,
      s0.name,
      (r, c) => ({ r, c: shift(c) }),
      (g) => {
        if (g.c0 <= cc && g.c1 > cc) return { ...g, c1: g.c1 + 2 };
        if (g.c0 === cc && g.c1 === cc) return { ...g };
        return { r0: g.r0, c0: shift(g.c0), r1: g.r1, c1: shift(g.c1) };
      },
    );
    // Vertical merges of the code column itself are repeated for the two new columns.
    for (const g of [...s.merges]) if (g.c0 === cc && g.c1 === cc) s.merges.push({ ...g, c0: cc + 1, c1: cc + 1 }, { ...g, c0: cc + 2, c1: cc + 2 });
    const hdr = getCell(s, hr, cc);
    ['类', '款', '项'].forEach((l, k) => setCell(s, hr, cc + k, { ...hdr, v: l, t: l }));
    for (let r = hr + 1; r < rowCount(s); r++) {
      const x = getCell(s, r, cc);
      const v = norm(x.v);
      if (!/^\d{3}$|^\d{5}$|^\d{7}$/.test(v)) continue;
      const parts = [v.slice(0, 3), v.slice(3, 5), v.slice(5, 7)];
      parts.forEach((p, k) => setCell(s, r, cc + k, { ...x, v: p === '' ? null : p, t: p === '' ? null : p, n: null }));
    }
    out.sheets.push(s);
  }
  const map = byColumn(colMaps);
  return variant('codes-split', out, map, touched);
};

// 7c. codes-in-name

/**
 * Moves a single function-code column into the name column next to it, as some systems
 * export: "2101501 行政运行" (code, one space, name) in the name column, the code column
 * deleted. Other text of the code column (title, "合计", "栏次") moves into the name column
 * when that is empty; the code header ("科目代码") gives way to the name header. Merges shrink
 * with the deleted column; cells of the code column map to the name cell of their row.
 */
export const codesInName: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const colMaps = new Map<string, (c: number) => number>();
  const touched: string[] = [];
  for (const s0 of wb.sheets) {
    const cols = findJoinedCodeColumns(s0);
    const cc = cols.length === 1 ? cols[0].c : -1;
    const nameHeader = cc >= 0 ? norm(s0.values[cols[0].hr]?.[cc + 1] ?? null) : '';
    if (cc < 0 || !/名称/.test(nameHeader)) {
      out.sheets.push(clone(s0));
      continue;
    }
    touched.push(s0.name);
    const s = clone(s0);
    for (let r = 0; r < rowCount(s); r++) {
      const cx = getCell(s, r, cc);
      if (cx.v === null || cx.v === '') continue;
      const nx = getCell(s, r, cc + 1);
      const code = norm(cx.v);
      const name = nx.v === null ? '' : String(nx.v);
      let joined: CellValue;
      if (r > cols[0].hr && /^\d{3}(\d{2}){0,2}$/.test(code)) joined = name === '' ? code : `${code} ${name}`;
      else if (name === '') joined = cx.v; // title, 合计, 栏次 … keep their text in the surviving column
      else if (r === cols[0].hr) joined = name; // "科目代码 | 科目名称" → "科目名称"
      else joined = `${String(cx.v)} ${name}`;
      const base = name === '' ? cx : nx;
      setCell(s, r, cc + 1, { ...base, v: joined, t: typeof joined === 'string' ? joined : base.t });
    }
    const shift = (c: number): number => (c > cc ? c - 1 : c);
    colMaps.set(s0.name, (c) => (c === cc ? cc : shift(c)));
    const rebuilt = remapSheet(
      s,
      s.name,
      (r, c) => (c === cc ? null : { r, c: shift(c) }),
      (g) => {
        if (g.c0 === cc && g.c1 === cc) return null;
        return { r0: g.r0, c0: g.c0 === cc ? cc : shift(g.c0), r1: g.r1, c1: shift(g.c1) };
      },
    );
    // A merge whose covered cells received text (e.g. "栏次" under 科目名称's merge) is dropped.
    rebuilt.merges = rebuilt.merges.filter((g) => {
      for (let r = g.r0; r <= g.r1; r++)
        for (let c = g.c0; c <= g.c1; c++) if ((r !== g.r0 || c !== g.c0) && (rebuilt.values[r]?.[c] ?? null) !== null) return false;
      return true;
    });
    out.sheets.push(rebuilt);
  }
  const map = byColumn(colMaps);
  return variant('codes-in-name', out, map, touched);
};

// 7d. subtotals-dropped

/**
 * Deletes the 类 and 款 subtotal rows of a function-code table (codes of 3 or 5 digits that
 * have 7-digit 项 rows below them), leaving only the 项 rows — the shape of tables that list
 * 项 only (DOMAIN §3: then 合计 is the sum of the 项 rows). Rows below move up; cells of the
 * deleted rows have no image (findings on them are not expected back).
 */
export const subtotalsDropped: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const rowMaps = new Map<string, (r: number) => number | null>();
  const touched: string[] = [];
  for (const s0 of wb.sheets) {
    const cols = findJoinedCodeColumns(s0);
    if (cols.length !== 1) {
      out.sheets.push(clone(s0));
      continue;
    }
    const { hr, c: cc } = cols[0];
    const codes = new Map<number, string>();
    for (let r = hr + 1; r < rowCount(s0); r++) {
      const v = norm(s0.values[r]?.[cc] ?? null);
      if (/^\d{3}(\d{2}){0,2}$/.test(v)) codes.set(r, v);
    }
    const leaves = [...codes.values()].filter((v) => v.length === 7);
    const del = new Set<number>();
    for (const [r, v] of codes) if (v.length < 7 && leaves.some((l) => l.startsWith(v))) del.add(r);
    if (!del.size) {
      out.sheets.push(clone(s0));
      continue;
    }
    touched.push(s0.name);
    const sorted = [...del].sort((a, b) => a - b);
    const f = (r: number): number | null => (del.has(r) ? null : r - sorted.filter((d) => d < r).length);
    rowMaps.set(s0.name, f);
    const nearest = (r: number, dir: 1 | -1): number | null => {
      let x = r;
      while (del.has(x)) x += dir;
      return f(x);
    };
    out.sheets.push(
      remapSheet(
        s0,
        s0.name,
        (r, c) => {
          const nr = f(r);
          return nr === null ? null : { r: nr, c };
        },
        (g) => {
          const r0 = nearest(g.r0, 1);
          const r1 = nearest(g.r1, -1);
          return r0 === null || r1 === null || r1 < r0 ? null : { ...g, r0, r1 };
        },
      ),
    );
  }
  const map: CellMap = (ref) => {
    const f = rowMaps.get(ref.sheet);
    if (!f) return { ...ref };
    const r = f(ref.r);
    return r === null ? null : { sheet: ref.sheet, r, c: ref.c };
  };
  return variant('subtotals-dropped', out, map, touched);
};

// 7e. subtotals-added

/** Names of the 类/款 the seeds use (DOMAIN §3); other codes get a generic name. */
const FUNCTION_NAMES: Record<string, string> = {
  '208': '社会保障和就业支出',
  '20805': '行政事业单位养老支出',
  '20808': '抚恤',
  '20899': '其他社会保障和就业支出',
  '210': '卫生健康支出',
  '21011': '行政事业单位医疗',
  '21013': '医疗救助',
  '21015': '医疗保障管理事务',
  '21099': '其他卫生健康支出',
  '221': '住房保障支出',
  '22102': '住房改革支出',
};

/**
 * The inverse of subtotalsDropped for tables that list only 项 rows (one code column, 7-digit
 * codes, no 3/5-digit codes): sorts the 项 rows by code and inserts a 类 row before each class
 * and a 款 row before each 款, whose amounts are the exact (Dec) sums of their 项 rows in every
 * numeric column, with the 项 rows' number format. The 合计 row is untouched (Σ 类 = Σ 项).
 */
export const subtotalsAdded: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const rowMaps = new Map<string, (r: number) => number>();
  const touched: string[] = [];
  for (const s0 of wb.sheets) {
    const cols = findJoinedCodeColumns(s0);
    if (cols.length !== 1) {
      out.sheets.push(clone(s0));
      continue;
    }
    const { hr, c: cc } = cols[0];
    const leafRows: number[] = [];
    let hasUpper = false;
    for (let r = hr + 1; r < rowCount(s0); r++) {
      const v = norm(s0.values[r]?.[cc] ?? null);
      if (/^\d{7}$/.test(v)) leafRows.push(r);
      else if (/^\d{3}$|^\d{5}$/.test(v)) hasUpper = true;
    }
    const first = leafRows[0];
    const last = leafRows[leafRows.length - 1];
    if (hasUpper || leafRows.length < 2 || last - first + 1 !== leafRows.length) {
      out.sheets.push(clone(s0));
      continue;
    }
    touched.push(s0.name);
    const code = (r: number): string => norm(s0.values[r][cc]);
    const sorted = [...leafRows].sort((a, b) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : a - b));
    const numericCols: number[] = [];
    for (let c = 0; c < colCount(s0); c++) if (c !== cc && leafRows.some((r) => typeof s0.values[r]?.[c] === 'number')) numericCols.push(c);
    // The name column: the first column right of the codes where the 项 rows hold text.
    let nameCol = -1;
    for (let c = cc + 1; c < colCount(s0) && nameCol < 0; c++) if (leafRows.some((r) => typeof s0.values[r]?.[c] === 'string')) nameCol = c;
    // New block layout: entries are either a subtotal (prefix) or an original leaf row.
    const layout: ({ prefix: string } | { row: number })[] = [];
    let lastLei = '';
    let lastKuan = '';
    for (const r of sorted) {
      const k = code(r);
      if (k.slice(0, 3) !== lastLei) layout.push({ prefix: (lastLei = k.slice(0, 3)) });
      if (k.slice(0, 5) !== lastKuan) layout.push({ prefix: (lastKuan = k.slice(0, 5)) });
      layout.push({ row: r });
    }
    const added = layout.length - leafRows.length;
    const newPos = new Map<number, number>();
    layout.forEach((e, i) => {
      if ('row' in e) newPos.set(e.row, first + i);
    });
    const f = (r: number): number => (r < first ? r : r > last ? r + added : (newPos.get(r) ?? r));
    rowMaps.set(s0.name, f);
    const sh = remapSheet(
      s0,
      s0.name,
      (r, c) => ({ r: f(r), c }),
      (g) => (g.r1 < first ? { ...g } : g.r0 > last ? { ...g, r0: g.r0 + added, r1: g.r1 + added } : g.r0 === g.r1 ? { ...g, r0: f(g.r0), r1: f(g.r0) } : null),
    );
    layout.forEach((e, i) => {
      if (!('prefix' in e)) return;
      const r = first + i;
      const kids = leafRows.filter((x) => code(x).startsWith(e.prefix));
      setCell(sh, r, cc, { v: e.prefix, t: e.prefix, f: null, n: null });
      if (nameCol >= 0) {
        const nm = FUNCTION_NAMES[e.prefix] ?? `科目${e.prefix}`;
        setCell(sh, r, nameCol, { v: nm, t: nm, f: null, n: null });
      }
      for (const c of numericCols) {
        const nums = kids.map((x) => s0.values[x]?.[c]).filter((v): v is number => typeof v === 'number');
        if (!nums.length) continue;
        const sum = nums.reduce((acc, v) => acc.plus(decOf(v)), new Dec(0));
        // The format showing the most decimals among the 项 cells (zeros are often plain "0").
        const fmts = kids.map((x) => s0.numberFormats?.[x]?.[c] ?? null);
        const fmt = fmts.reduce<string | null>((best, x) => ((decimalsOfFormat(x) ?? -1) > (decimalsOfFormat(best) ?? -1) ? x : best), null);
        const num = sum.toNumber();
        setCell(sh, r, c, { v: num, t: formatNumber(num, fmt), f: null, n: fmt });
      }
    });
    out.sheets.push(sh);
  }
  const map = byRow(rowMaps);
  return variant('subtotals-added', out, map, touched);
};

// ---------------------------------------------------------------------------------------
// 8. yuan

const UNIT_WANYUAN = /^单位[:：]万元$/;

function unitCell(s: SheetSnapshot): { r: number; c: number } | null {
  for (let r = 0; r < Math.min(rowCount(s), 6); r++)
    for (let c = 0; c < colCount(s); c++) if (UNIT_WANYUAN.test(norm(s.values[r]?.[c] ?? null))) return { r, c };
  return null;
}

/** Columns (and the row from which on) that hold 行次 row numbers, not amounts. */
function rowNumberColumns(s: SheetSnapshot): Map<number, number> {
  const m = new Map<number, number>();
  for (let r = 0; r < Math.min(rowCount(s), 12); r++)
    for (let c = 0; c < colCount(s); c++) if (norm(s.values[r]?.[c] ?? null) === '行次' && !m.has(c)) m.set(c, r);
  return m;
}

/** Exact decimal of a stored number (its shortest round-trip string). */
export function decOf(n: number): Dec {
  return new Dec(Number.isInteger(n) ? n.toFixed(0) : String(n));
}

/**
 * Converts every 万元 table (a sheet whose 单位 cell reads "单位：万元") to 元: every numeric
 * cell outside 行次 columns is multiplied by 10000 exactly (Dec), gets number format `format`
 * ("#,##0.00": 元 to the cent, or "0": whole 元) and its display text under that format, and
 * the unit cell becomes "单位：元". Sheets without such a unit cell (说明, performance tables
 * whose amounts carry their own "(万元)" labels) are left alone.
 */
export function yuan(format: '#,##0.00' | '0'): Transform {
  return (wb) => {
    const out = clone(wb);
    const touched: string[] = [];
    for (const s of out.sheets) {
      const u = unitCell(s);
      if (!u) continue;
      touched.push(s.name);
      const ux = getCell(s, u.r, u.c);
      const nu = String(ux.v).replace('万元', '元');
      setCell(s, u.r, u.c, { ...ux, v: nu, t: nu });
      const skip = rowNumberColumns(s);
      for (let r = 0; r < rowCount(s); r++) {
        for (let c = 0; c < colCount(s); c++) {
          const x = getCell(s, r, c);
          if (typeof x.v !== 'number') continue;
          const from = skip.get(c);
          if (from !== undefined && r > from) continue;
          const scaled = decOf(x.v).times(10000);
          const num = scaled.toNumber();
          if (!new Dec(decOf(num)).equals(scaled)) throw new Error(`yuan: ${scaled.toString()} is not exact as a number`);
          setCell(s, r, c, { ...x, v: num, n: format, t: formatNumber(num, format) });
        }
      }
    }
    const scaled = new Set(touched);
    const TENK = new Dec(10000);
    return variant(`yuan(${format})`, out, identityMap, touched, { scaleAt: (ref) => (scaled.has(ref.sheet) ? TENK : ONE) });
  };
}

// ---------------------------------------------------------------------------------------
// 9. total-bottom

function isNoteRow(s: SheetSnapshot, r: number): boolean {
  const row = s.values[r] ?? [];
  const first = row.find((v) => v !== null && v !== '');
  if (first === undefined) return true;
  return typeof first === 'string' && /^(注|说明|备注)/.test(norm(first));
}

function rowHasNumber(s: SheetSnapshot, r: number): boolean {
  return (s.values[r] ?? []).some((v) => typeof v === 'number');
}

function rowHasCode(s: SheetSnapshot, r: number): boolean {
  return (s.values[r] ?? []).slice(0, 8).some((v) => typeof v === 'string' && /^\d{3,}$/.test(norm(v)));
}

/**
 * Moves the 合计 row of a code table from the top of the body (directly followed by code
 * rows) to the bottom (after the last body row, before notes). Body rows in between move up
 * by one. Tables whose 合计 is already at the bottom, or with an empty body, are unchanged.
 */
export const totalBottom: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const rowMaps = new Map<string, (r: number) => number>();
  const touched: string[] = [];
  for (const s0 of wb.sheets) {
    let R = -1;
    for (let r = 0; r < rowCount(s0) - 1 && R < 0; r++) {
      const labels = (s0.values[r] ?? []).slice(0, 8).map(norm);
      if (labels.includes('合计') && rowHasNumber(s0, r) && rowHasCode(s0, r + 1)) R = r;
    }
    if (R < 0) {
      out.sheets.push(clone(s0));
      continue;
    }
    let E = R + 1;
    while (E + 1 < rowCount(s0) && !isNoteRow(s0, E + 1)) E++;
    const top = R;
    const end = E;
    const f = (r: number): number => (r === top ? end : r > top && r <= end ? r - 1 : r);
    rowMaps.set(s0.name, f);
    touched.push(s0.name);
    out.sheets.push(
      remapSheet(
        s0,
        s0.name,
        (r, c) => ({ r: f(r), c }),
        (g) => {
          const inside = (r: number): boolean => r >= top && r <= end;
          if (g.r0 === g.r1) return { ...g, r0: f(g.r0), r1: f(g.r1) };
          if (!inside(g.r0) && !inside(g.r1) && !(g.r0 < top && g.r1 > end)) return { ...g };
          return null;
        },
      ),
    );
  }
  const map = byRow(rowMaps);
  return variant('total-bottom', out, map, touched);
};

// ---------------------------------------------------------------------------------------
// 10. column-order

/** Amount column groups that may come in either order. First adjacent pair found per sheet is swapped. */
const SWAPPABLE: [string, string][] = [
  ['基本支出', '项目支出'],
  ['人员经费', '公用经费'],
  ['预算数', '决算数'],
];

function spanOf(s: SheetSnapshot, r: number, c: number): { c0: number; c1: number } {
  const g = s.merges.find((m) => m.r0 === r && m.c0 === c);
  return g ? { c0: g.c0, c1: g.c1 } : { c0: c, c1: c };
}

/** A 栏次 row: apart from a "栏次" label, only the numbers 1, 2, 3 … in increasing order. */
function isColumnNumberRow(s: SheetSnapshot, r: number): boolean {
  const nums: number[] = [];
  for (const v of s.values[r] ?? []) {
    if (v === null || v === '') continue;
    const t = typeof v === 'number' ? String(v) : norm(v);
    if (t === '栏次') continue;
    if (!/^\d{1,2}$/.test(t)) return false;
    nums.push(Number(t));
  }
  return nums.length >= 2 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

/**
 * Swaps two adjacent amount column groups (基本支出 ⇄ 项目支出, else 人员经费 ⇄ 公用经费, else
 * 预算数 ⇄ 决算数), each group being the columns its header label spans (its merge, or one
 * column). Header cells, body cells, formats and merges inside the groups move together, so
 * header and body stay consistent; merges spanning both groups (the title) are unchanged; 栏次
 * rows keep their positional numbering (isColumnNumberRow); rows above the group labels
 * (title, 部门名称, 单位) and note rows stay where they are.
 */
export const columnOrder: Transform = (wb) => {
  const out: WorkbookSnapshot = { file: wb.file, sheets: [] };
  const colMaps = new Map<string, (r: number, c: number) => number>();
  const touched: string[] = [];
  const notes: string[] = [];
  for (const s0 of wb.sheets) {
    let perm: ((c: number) => number) | null = null;
    let labelRow = 0;
    let note = '';
    search: for (const [A, B] of SWAPPABLE) {
      for (let r = 0; r < Math.min(rowCount(s0), 8); r++) {
        for (let c = 0; c < colCount(s0); c++) {
          if (norm(s0.values[r]?.[c] ?? null) !== A) continue;
          const a = spanOf(s0, r, c);
          const bLabel = norm(s0.values[r]?.[a.c1 + 1] ?? null);
          if (bLabel !== B) continue;
          const b = spanOf(s0, r, a.c1 + 1);
          const wa = a.c1 - a.c0 + 1;
          const wb2 = b.c1 - b.c0 + 1;
          perm = (x) => (x >= a.c0 && x <= a.c1 ? x + wb2 : x >= b.c0 && x <= b.c1 ? x - wa : x);
          labelRow = r;
          note = `${s0.name}: ${A} (cols ${a.c0}-${a.c1}) ⇄ ${B} (cols ${b.c0}-${b.c1})`;
          break search;
        }
      }
    }
    if (!perm) {
      out.sheets.push(clone(s0));
      continue;
    }
    const p = perm;
    // 栏次 rows ("栏次 | | 1 | 2 | 3", or a bare "1 … 12") number the columns by position: a
    // department that reorders columns renumbers them, so those rows stay as they were.
    const fixedRows = new Set<number>();
    // Title, 部门名称/单位 rows above the group labels and note rows below the body are not
    // part of the column groups: they stay too.
    for (let r = 0; r < rowCount(s0); r++) if (r < labelRow || isColumnNumberRow(s0, r) || (r > labelRow && isNoteRow(s0, r))) fixedRows.add(r);
    colMaps.set(s0.name, (r, c) => (fixedRows.has(r) ? c : p(c)));
    touched.push(s0.name);
    notes.push(note);
    out.sheets.push(
      remapSheet(
        s0,
        s0.name,
        (r, c) => ({ r, c: fixedRows.has(r) ? c : p(c) }),
        (g) => {
          if ([...Array(g.r1 - g.r0 + 1).keys()].every((k) => fixedRows.has(g.r0 + k))) return { ...g };
          const n0 = p(g.c0);
          const n1 = p(g.c1);
          // Inside one group or outside both: corners move consistently.
          if (n1 - n0 === g.c1 - g.c0) {
            let ok = true;
            for (let c = g.c0; c <= g.c1; c++) if (p(c) - n0 !== c - g.c0) ok = false;
            if (ok) return { ...g, c0: n0, c1: n1 };
          }
          // Spans both groups entirely: the set of columns is unchanged.
          const cols = new Set<number>();
          for (let c = g.c0; c <= g.c1; c++) cols.add(p(c));
          let same = true;
          for (let c = g.c0; c <= g.c1; c++) if (!cols.has(c)) same = false;
          if (same) return { ...g };
          throw new Error(`columnOrder: merge ${JSON.stringify(g)} on ${s0.name} straddles a group border`);
        },
      ),
    );
  }
  const map: CellMap = (ref) => {
    const f = colMaps.get(ref.sheet);
    return f ? { sheet: ref.sheet, r: ref.r, c: f(ref.r, ref.c) } : { ...ref };
  };
  const v = variant('column-order', out, map, touched);
  v.notes = notes;
  return v;
};

// ---------------------------------------------------------------------------------------
// 11. numbers-as-text

function decimalsOfFormat(fmt: string | null): number | null {
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return null;
  const section = fmt.split(';')[0];
  const m = /\.([0#?]+)/.exec(section);
  if (m) return m[1].length;
  return /[0#]/.test(section) ? 0 : null;
}

/** "1234567.5" → "1,234,567.5" (sign kept). */
export function withThousands(s: string): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [i, f] = body.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (f !== undefined ? '.' + f : '');
}

/**
 * Stores every number as the string a finance system pastes: the decimals its number format
 * shows (or its shortest form under General), with thousands separators ("1,234.56"); the
 * cell's number format becomes General. Percent formats become "12.50%".
 */
export const numbersAsText: Transform = (wb) => {
  const out = clone(wb);
  const touched = new Set<string>();
  for (const s of out.sheets) {
    for (let r = 0; r < rowCount(s); r++) {
      for (let c = 0; c < colCount(s); c++) {
        const x = getCell(s, r, c);
        if (typeof x.v !== 'number' || !Number.isFinite(x.v)) continue;
        const pct = x.n !== null && x.n.includes('%');
        let d = decOf(x.v);
        if (pct) d = d.times(100);
        const dec = decimalsOfFormat(x.n);
        const str = withThousands(dec === null ? d.toString() : d.toFixed(dec)) + (pct ? '%' : '');
        setCell(s, r, c, { v: str, t: str, f: x.f, n: null });
        touched.add(s.name);
      }
    }
  }
  return variant('numbers-as-text', out, identityMap, [...touched]);
};

// ---------------------------------------------------------------------------------------
// Composition

/** Applies transforms left to right; cell maps compose, amount scales multiply, `relaxed` ORs. */
export function compose(...ts: Transform[]): Transform {
  return (wb) => {
    let cur: Variant | null = null;
    for (const t of ts) {
      const next = t(cur ? cur.snapshot : wb);
      if (!cur) {
        cur = next;
        continue;
      }
      const prev: Variant = cur;
      cur = {
        name: `${prev.name}+${next.name}`,
        snapshot: next.snapshot,
        map: (ref) => {
          const m = prev.map(ref);
          return m ? next.map(m) : null;
        },
        scaleAt: (ref) => {
          const m = prev.map(ref);
          return prev.scaleAt(ref).times(m ? next.scaleAt(m) : ONE);
        },
        relaxed: prev.relaxed || next.relaxed,
        touched: [...new Set([...prev.touched, ...next.touched])],
        notes: [...prev.notes, ...next.notes],
      };
    }
    if (!cur) throw new Error('compose: no transforms');
    return cur;
  };
}

/** Deterministic PRNG for the seeded random combinations (shared with the mutation suite). */
export { mulberry32 } from '../support/prng';
