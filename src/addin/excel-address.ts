// Excel's own address syntax at the Office.js boundary: sheet-qualified, quoted sheet names,
// comma-separated area lists. Pure functions; the fake Excel host reuses them.
import { columnIndex, rangeA1 } from '../engine/address';
import type { CellRange } from '../engine/grid';

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** Quotes a sheet name the way Excel writes it in addresses (Chinese names stay bare). */
export function quoteSheet(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualify(sheet: string, range: CellRange | string): string {
  return `${quoteSheet(sheet)}!${typeof range === 'string' ? range : rangeA1(range)}`;
}

/** Splits "A1:B2, 'x, y'!C3; D4" into its areas, respecting quoted sheet names. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && (ch === ',' || ch === ';')) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export interface AreaRef {
  sheet: string | null;
  range: CellRange;
}

/** Parses one area: "A1", "$A$1:B2", "A:C", "3:5", optionally prefixed by "Sheet!" or "'S h'!". */
export function parseArea(area: string): AreaRef {
  const bang = area.lastIndexOf('!');
  let sheet: string | null = null;
  let ref = area;
  if (bang >= 0) {
    const raw = area.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    ref = area.slice(bang + 1);
  }
  const parts = ref.replace(/\$/g, '').toUpperCase().split(':');
  if (parts.length > 2 || parts.some((p) => p === '')) throw new RangeError(`无效地址：${area}`);
  const ends = parts.map((p) => parseEnd(p, area));
  const [a, b] = [ends[0], ends[ends.length - 1]];
  if ((a.r === null) !== (b.r === null) || (a.c === null) !== (b.c === null)) {
    throw new RangeError(`无效地址：${area}`);
  }
  const r0 = a.r ?? 0;
  const r1 = b.r ?? MAX_ROW;
  const c0 = a.c ?? 0;
  const c1 = b.c ?? MAX_COL;
  return {
    sheet,
    range: { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) },
  };
}

function parseEnd(p: string, area: string): { r: number | null; c: number | null } {
  const m = /^([A-Z]{0,3})(\d*)$/.exec(p);
  if (!m || (!m[1] && !m[2])) throw new RangeError(`无效地址：${area}`);
  const c = m[1] ? columnIndex(m[1]) : null;
  const r = m[2] ? Number(m[2]) - 1 : null;
  if ((c !== null && c > MAX_COL) || (r !== null && (r < 0 || r > MAX_ROW))) {
    throw new RangeError(`地址超出工作表范围：${area}`);
  }
  return { r, c };
}
