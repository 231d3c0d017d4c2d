// Turn one TableSpec + the seed's lines into a sheet model: rows of cells, merges,
// and the A1 range of the table. Pure (no exceljs) so the rules are easy to test.
import type { LineRange, LineRef, TableSpec } from './types';

export type Cell = { kind: 'text'; text: string } | { kind: 'number'; value: number; format: string } | null;

export interface SheetModel {
  name: string;
  rows: Cell[][];
  /** Zero-based inclusive merges. */
  merges: [number, number, number, number][];
  width: number;
  /** Zero-based index of the last data row (the table range ends there). */
  lastDataRow: number;
  title: string;
  /** Rows holding header cells (for styling). */
  headerRows: [number, number] | null;
  /** First row of the table proper (header or body), below title and meta rows. */
  tableTop: number;
}

/** "1,234.50" / "780.84" / "0" / "-3.2" — a figure as a PDF table prints it. */
const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
/** Header labels of columns that hold classification or unit codes. */
const CODE_HEADER = /代\s*码|编\s*码|^类$|^款$|^项$/;

function lineText(lines: readonly string[], ref: LineRef): string {
  if (typeof ref === 'string') return ref;
  const l = lines[ref - 1];
  if (l === undefined) throw new Error(`line ${ref} is beyond the end of the seed`);
  return l.trim();
}

function rangeLines(r: LineRange | undefined): number[] {
  const out: number[] = [];
  if (r) for (let i = r[0]; i <= r[1]; i++) out.push(i);
  return out;
}

/** Insert n blanks at column `at` (n > 0) or remove -n blanks there (n < 0). */
function shifted(cells: string[], [at, n]: readonly [number, number], where: string): string[] {
  if (n >= 0) return [...cells.slice(0, at), ...new Array<string>(n).fill(''), ...cells.slice(at)];
  if (cells.slice(at, at - n).some((c) => c !== '')) throw new Error(`${where}: shift ${n} at column ${at} would drop text`);
  return [...cells.slice(0, at), ...cells.slice(at - n)];
}

/** Move cell i to column map[i] (-1 drops it); cells past the map keep their column. */
function remapped(cells: string[], map: readonly number[], where: string): string[] {
  const out: string[] = [];
  cells.forEach((c, i) => {
    const to = i < map.length ? map[i] : i;
    if (to < 0 || c === '') return;
    if (out[to]) throw new Error(`${where}: remap puts two cells into column ${to}`);
    out[to] = c;
  });
  return Array.from(out, (c) => c ?? '');
}

/** Cells of one line after the spec's repairs; null when the line is dropped. */
/** The spec's repairs for the row keyed by line n, applied to that row's raw cells. */
function repaired(spec: TableSpec, n: number, raw: string[]): string[] {
  let cells = spec.cells?.[n] ? [...spec.cells[n]] : raw;
  const remap = spec.remap?.[n];
  if (remap) cells = remapped(cells, remap, `${spec.sheet}: line ${n}`);
  const shift = spec.shift?.[n];
  if (shift !== undefined) cells = shifted(cells, typeof shift === 'number' ? [0, shift] : shift, `${spec.sheet}: line ${n}`);
  return cells;
}

function lineAt(spec: TableSpec, lines: readonly string[], n: number): string {
  const raw = lines[n - 1];
  if (raw === undefined) throw new Error(`${spec.sheet}: line ${n} is beyond the end of the seed`);
  return raw;
}

/** Raw rows of a range, keyed by their first line: one row per line (tab-separated cells). */
function lineRows(spec: TableSpec, lines: readonly string[], range: LineRange | undefined): [number, string[]][] {
  const out: [number, string[]][] = [];
  for (const n of rangeLines(range)) {
    const raw = lineAt(spec, lines, n);
    if (spec.skip?.includes(n) || (raw.trim() === '' && !spec.cells?.[n])) continue; // blank = page break
    out.push([n, raw.split('\t').map((c) => c.trim())]);
  }
  return out;
}

/**
 * OCR'd image tables (seed 001) put one cell per line ("\t<text>"); a line without a tab ends a
 * row unless `rowStarts` says where rows begin. The OCR's "[image: …]" markers are dropped and the
 * space it reads after a decimal point ("768. 04") is removed.
 */
function cellLineRows(spec: TableSpec, lines: readonly string[], range: LineRange | undefined): [number, string[]][] {
  const starts = spec.cellPerLine?.rowStarts;
  const out: [number, string[]][] = [];
  let current: [number, string[]] | null = null;
  for (const n of rangeLines(range)) {
    const raw = lineAt(spec, lines, n);
    const isCell = raw.includes('\t');
    if (starts ? starts.includes(n) : isCell && current === null) out.push((current = [n, []]));
    if (!isCell) {
      if (!starts) current = null;
      continue;
    }
    if (spec.skip?.includes(n)) continue;
    if (!current) throw new Error(`${spec.sheet}: cell line ${n} is before the first row start`);
    const text = raw.slice(raw.indexOf('\t') + 1).replace(/\[image: [^\]]*\]/g, '').trim().replace(/^(\d+)\. (\d+)$/, '$1.$2');
    current[1].push(text);
  }
  return out.filter(([, cells]) => cells.some((c) => c !== '')); // a row of empty cells is page padding
}

function collectRows(spec: TableSpec, lines: readonly string[], range: LineRange | undefined): { rows: string[][]; lineNos: number[] } {
  const rows: string[][] = [];
  const lineNos: number[] = [];
  const raws = spec.cellPerLine ? cellLineRows(spec, lines, range) : lineRows(spec, lines, range);
  for (const [n, raw] of raws) {
    const cells = repaired(spec, n, raw);
    if (spec.join?.includes(n)) {
      const prev = rows[rows.length - 1];
      if (!prev) throw new Error(`${spec.sheet}: join line ${n} has no row above`);
      cells.forEach((c, i) => {
        if (c !== '') prev[i] = (prev[i] ?? '') + c;
      });
      continue;
    }
    rows.push(cells);
    lineNos.push(n);
  }
  return { rows, lineNos };
}

/** Put the columns that spilled onto the next page back into the rows they belong to. */
function placeOverflow(spec: TableSpec, lines: readonly string[], target: { rows: string[][]; lineNos: number[] }): void {
  const { from, to, into } = spec.overflow!;
  const pieces = lineRows(spec, lines, [from, to]).map(([, cells]) => cells);
  if (pieces.length !== into.length) {
    throw new Error(`${spec.sheet}: ${pieces.length} overflow lines in ${from}–${to} but ${into.length} targets`);
  }
  pieces.forEach((cells, i) => {
    const [line, col] = into[i];
    const row = target.rows[target.lineNos.indexOf(line)];
    if (!row) throw new Error(`${spec.sheet}: overflow target line ${line} is not a body row`);
    cells.forEach((c, k) => {
      if (c !== '') row[col + k] = (row[col + k] ?? '') + c;
    });
  });
}

function trimTrailing(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return cells.slice(0, n);
}

function numberFormat(s: string): string {
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  const base = s.includes(',') ? '#,##0' : '0';
  return decimals > 0 ? `${base}.${'0'.repeat(decimals)}` : base;
}

function bodyCell(s: string, isCode: boolean): Cell {
  if (s === '') return null;
  // Codes ("208", "05", "2101501") and long identifiers stay text, as in the finance system's export.
  // So do long digit strings without separators: phone numbers, 填报日期 stamps, project codes.
  if (!isCode && NUMBER.test(s) && !/^-?0\d/.test(s) && !/^\d{11,}$/.test(s)) {
    // The published decimal string is the value; Number() of it is the nearest double, no arithmetic.
    return { kind: 'number', value: Number(s.replace(/,/g, '')), format: numberFormat(s) };
  }
  return { kind: 'text', text: s };
}

/** A 栏次 row ("栏次 | | 1 | 2 …") or a bare column-number row: it numbers columns, it is not a label level. */
function isNumberingRow(row: readonly string[]): boolean {
  const filled = row.filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => c === '栏次' || /^\d+$/.test(c));
}

/**
 * Merges implied by blank header cells: a label spans right over blank cells that have
 * sub-labels below them, and down over blank cells when nothing below it is labelled. A 栏次
 * row is never merged into; its "栏次" spans the blank cells next to it.
 */
export function headerMerges(header: readonly string[][], width: number): [number, number, number, number][] {
  const h = header.length;
  const at = (r: number, c: number): string => header[r]?.[c] ?? '';
  const numbering = header.map(isNumberingRow);
  const covered = header.map(() => new Array<boolean>(width).fill(false));
  const merges: [number, number, number, number][] = [];
  const labelledBelow = (r: number, c: number): boolean => {
    for (let rr = r + 1; rr < h; rr++) if (at(rr, c) !== '' && !numbering[rr]) return true;
    return false;
  };
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < width; c++) {
      if (at(r, c) === '' || covered[r][c]) continue;
      const spans = (cc: number): boolean => (numbering[r] ? at(r, c) === '栏次' : labelledBelow(r, cc));
      let c1 = c;
      while (c1 + 1 < width && at(r, c1 + 1) === '' && !covered[r][c1 + 1] && spans(c1 + 1)) c1++;
      let r1 = r;
      const blankBelow = (rr: number): boolean => {
        if (numbering[rr]) return false;
        for (let cc = c; cc <= c1; cc++) if (at(rr, cc) !== '' || covered[rr][cc]) return false;
        return true;
      };
      while (r1 + 1 < h && blankBelow(r1 + 1)) r1++;
      if (c1 > c || r1 > r) {
        merges.push([r, c, r1, c1]);
        for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) covered[rr][cc] = true;
      }
    }
  }
  return merges;
}

export function layoutTable(spec: TableSpec, lines: readonly string[]): SheetModel {
  const header = (spec.headerRows ? spec.headerRows.map((r) => [...r]) : collectRows(spec, lines, spec.header).rows).map(trimTrailing);
  const collected = collectRows(spec, lines, spec.body);
  if (spec.overflow) placeOverflow(spec, lines, collected);
  const body = collected.rows.map(trimTrailing);
  const width = spec.width ?? Math.max(1, ...header.map((r) => r.length), ...body.map((r) => r.length));
  for (const r of [...header, ...body]) {
    if (r.length > width) throw new Error(`${spec.sheet}: row "${r.join('|')}" is wider than ${width} columns`);
  }

  const codeCols = new Set<number>(spec.textCols ?? []);
  for (const r of header) r.forEach((label, c) => CODE_HEADER.test(label) && codeCols.add(c));

  const rows: Cell[][] = [];
  const merges: [number, number, number, number][] = [];
  const title = lineText(lines, spec.title);
  rows.push([{ kind: 'text', text: title }]);
  merges.push([0, 0, 0, width - 1]);

  for (const parts of spec.meta ?? []) {
    const texts = parts.map((p) => lineText(lines, p));
    const row: Cell[] = new Array<Cell>(width).fill(null);
    // Left, (centre), right — the way 部门名称 / 年度 / 单位 sit above a table.
    const cols = texts.length === 1 ? [0] : texts.length === 2 ? [0, width - 1] : [0, Math.floor((width - 1) / 2), width - 1];
    texts.forEach((t, i) => t !== '' && (row[cols[i]] = { kind: 'text', text: t }));
    rows.push(row);
  }

  const top = rows.length;
  for (const r of header) rows.push(Array.from({ length: width }, (_, c) => (r[c] ? { kind: 'text' as const, text: r[c] } : null)));
  for (const [r0, c0, r1, c1] of headerMerges(header, width)) merges.push([top + r0, c0, top + r1, c1]);
  for (const r of body) rows.push(Array.from({ length: width }, (_, c) => bodyCell(r[c] ?? '', codeCols.has(c))));
  for (const [r0, c0, r1, c1] of spec.merges ?? []) merges.push([top + r0, c0, top + r1, c1]);
  const lastDataRow = rows.length - 1;

  for (const n of rangeLines(spec.notes)) {
    const t = (lines[n - 1] ?? '').trim();
    if (t === '') continue;
    rows.push([{ kind: 'text', text: t }]);
    merges.push([rows.length - 1, 0, rows.length - 1, width - 1]);
  }
  return {
    name: spec.sheet,
    rows,
    merges,
    width,
    lastDataRow,
    title,
    headerRows: header.length ? [top, top + header.length - 1] : null,
    tableTop: top,
  };
}

/** The 说明 sheet: one paragraph per row in column A. */
export function layoutNarrative(ranges: readonly LineRange[], lines: readonly string[]): SheetModel {
  const rows: Cell[][] = [];
  for (const [from, to] of ranges) {
    for (let n = from; n <= to; n++) {
      // A small table inside the prose (e.g. 部门预算构成) becomes one line of text.
      const t = (lines[n - 1] ?? '').split('\t').map((c) => c.trim()).filter((c) => c !== '').join(' ');
      if (t !== '') rows.push([{ kind: 'text', text: t }]);
    }
  }
  return { name: '说明', rows, merges: [], width: 1, lastDataRow: rows.length - 1, title: '说明', headerRows: null, tableTop: 0 };
}
