// Range, RangeAreas and their format/fill proxies.
import { rangeA1 } from '../engine/address';
import type { CellRange } from '../engine/grid';
import { parseArea, qualify } from '../addin/excel-address';
import { FakeObject, type PropDef } from './client-object';
import { CELL_LIMIT, type FakeRequestContext } from './context';
import { FakeExcelError } from './errors';
import { emptyCell, type CellModel, type HyperlinkModel, type Scalar, type SheetModel } from './model';

export interface RangeTarget {
  sheet: SheetModel;
  rect: CellRange;
}

export interface AreasTarget {
  sheet: SheetModel;
  rects: CellRange[];
}

/** Excel reports getMergedAreasOrNullObject failures above this many areas. */
export const MERGED_AREAS_LIMIT = 512;
const NO_FILL_COLOR = '#FFFFFF';
const MAX_ROW = 1048575;
const MAX_COL = 16383;

type Grid = unknown[][];

function cellCount(rect: CellRange): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

function checkSize(rect: CellRange): void {
  if (cellCount(rect) > CELL_LIMIT) {
    throw new FakeExcelError('RangeExceedsLimit', `The cell count in the range (${cellCount(rect)}) has exceeded the maximum supported number.`);
  }
}

export function checkWritable(sheet: SheetModel): void {
  if (sheet.protected) {
    throw new FakeExcelError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`, sheet.name);
  }
}

function mapGrid(ctx: FakeRequestContext, t: RangeTarget, f: (cell: CellModel | undefined) => unknown): Grid {
  checkSize(t.rect);
  const { doc } = ctx.host;
  const out: Grid = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: unknown[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(f(doc.cell(t.sheet, r, c)));
    out.push(row);
  }
  return out;
}

/** How Excel turns a written value into cell content (strings may become numbers or formulas). */
function enter(cell: CellModel, input: unknown): void {
  cell.text = null;
  if (input === '' ) {
    cell.value = null;
    cell.formula = null;
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    cell.formula = null;
    return;
  }
  const s = String(input);
  if (cell.numberFormat === '@') {
    cell.value = s;
    cell.formula = null;
  } else if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s.trim())) {
    cell.value = Number(s);
    cell.formula = null;
  } else if (s.length > 1 && /^[=+\-@]/.test(s)) {
    // Excel parses these as formulas (Lotus-style + - @ included); the fake does not evaluate them.
    cell.formula = s.startsWith('=') ? s : `=${s.slice(s.startsWith('-') ? 0 : 1)}`;
    cell.value = null;
  } else {
    cell.value = s;
    cell.formula = null;
  }
}

type WriteKind = 'values' | 'formulas' | 'numberFormat';

function writeGrid(ctx: FakeRequestContext, t: RangeTarget, input: unknown, kind: WriteKind): void {
  checkWritable(t.sheet);
  checkSize(t.rect);
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  const grid = Array.isArray(input) ? (input as unknown[]) : null;
  if (grid && (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))) {
    throw new FakeExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = grid ? (grid[i] as unknown[])[j] : input;
      // null in a written array leaves the cell as it is.
      if (v === null || v === undefined) continue;
      ctx.host.doc.updateCell(t.sheet, t.rect.r0 + i, t.rect.c0 + j, (cell) => {
        if (kind === 'numberFormat') {
          cell.numberFormat = String(v);
          cell.text = null;
        } else enter(cell, v);
      });
    }
  }
}

function forEachCell(t: AreasTarget, f: (r: number, c: number) => void): void {
  for (const rect of t.rects) for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) f(r, c);
}

/** The one value all cells share, or null when they differ (as Excel reports mixed formats). */
function uniform<V>(ctx: FakeRequestContext, t: AreasTarget, f: (cell: CellModel) => V): V | null {
  let first = true;
  let out: V | null = null;
  let mixed = false;
  forEachCell(t, (r, c) => {
    if (mixed) return;
    const v = f(ctx.host.doc.cell(t.sheet, r, c) ?? emptyCell());
    if (first) {
      out = v;
      first = false;
    } else if (v !== out) mixed = true;
  });
  return mixed ? null : out;
}

function normalizeColor(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toUpperCase() : color;
}

export class FakeRangeFill extends FakeObject<AreasTarget> {
  protected props(): Record<string, PropDef<AreasTarget>> {
    return {
      color: { read: (t) => uniform(this.context, t, (c) => c.fill ?? NO_FILL_COLOR) },
      pattern: { read: (t) => uniform(this.context, t, (c) => (c.fill === null ? 'None' : 'Solid')), minor: 9 },
    };
  }
  get color(): string {
    return this.get('color');
  }
  set color(value: string) {
    this.setProp('color', value, (t) => this.fill(t, normalizeColor(value)));
  }
  get pattern(): Excel.FillPattern {
    return this.get('pattern');
  }
  clear(): void {
    this.call('clear', [], 1, (t) => this.fill(t, null));
  }
  private fill(t: AreasTarget, color: string | null): void {
    checkWritable(t.sheet);
    forEachCell(t, (r, c) => this.context.host.doc.updateCell(t.sheet, r, c, (cell) => (cell.fill = color)));
  }
}

export class FakeRangeFormat extends FakeObject<AreasTarget> {
  readonly fill: FakeRangeFill;
  constructor(context: FakeRequestContext, path: string, locate: () => AreasTarget | null) {
    super(context, path, locate);
    this.fill = new FakeRangeFill(context, this.sub('fill'), locate);
  }
  protected props(): Record<string, PropDef<AreasTarget>> {
    return {};
  }
  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeObject<unknown>) : undefined;
  }
  /** Column widths are not modelled; the call is accepted so layout code runs unchanged. */
  autofitColumns(): void {
    this.call('autofitColumns', [], 2, (t) => checkWritable(t.sheet));
  }
}

export class FakeRange
  extends FakeObject<RangeTarget>
  implements Pick<Excel.Range, 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'cellCount' | 'values' | 'text' | 'formulas' | 'numberFormat'>
{
  readonly format: FakeRangeFormat;

  constructor(context: FakeRequestContext, path: string, private readonly locateRange: () => RangeTarget | null, nullable = false) {
    super(context, path, locateRange, nullable);
    this.format = new FakeRangeFormat(context, this.sub('format'), () => {
      const t = this.locateRange();
      return t && { sheet: t.sheet, rects: [t.rect] };
    });
  }

  protected props(): Record<string, PropDef<RangeTarget>> {
    const doc = this.context.host.doc;
    return {
      address: { read: (t) => qualify(t.sheet.name, t.rect) },
      addressLocal: { read: (t) => qualify(t.sheet.name, t.rect) },
      rowIndex: { read: (t) => t.rect.r0 },
      columnIndex: { read: (t) => t.rect.c0 },
      rowCount: { read: (t) => t.rect.r1 - t.rect.r0 + 1 },
      columnCount: { read: (t) => t.rect.c1 - t.rect.c0 + 1 },
      cellCount: { read: (t) => cellCount(t.rect) },
      values: { read: (t) => mapGrid(this.context, t, (c) => c?.value ?? '') },
      text: { read: (t) => mapGrid(this.context, t, (c) => doc.cellText(c)) },
      formulas: { read: (t) => mapGrid(this.context, t, (c) => c?.formula ?? c?.value ?? '') },
      numberFormat: { read: (t) => mapGrid(this.context, t, (c) => c?.numberFormat ?? 'General') },
      hyperlink: { read: (t) => doc.cell(t.sheet, t.rect.r0, t.rect.c0)?.hyperlink ?? null, minor: 7 },
    };
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeObject<unknown>) : undefined;
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): Scalar[][] {
    return this.get('values');
  }
  set values(v: Scalar[][]) {
    this.setProp('values', v, (t) => writeGrid(this.context, t, v, 'values'));
  }
  get text(): string[][] {
    return this.get('text');
  }
  get formulas(): Scalar[][] {
    return this.get('formulas');
  }
  set formulas(v: Scalar[][]) {
    this.setProp('formulas', v, (t) => writeGrid(this.context, t, v, 'formulas'));
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.setProp('numberFormat', v, (t) => writeGrid(this.context, t, v, 'numberFormat'));
  }
  get hyperlink(): Excel.RangeHyperlink {
    return this.get('hyperlink');
  }
  set hyperlink(link: Excel.RangeHyperlink) {
    const model: HyperlinkModel = { ...link };
    this.setProp(
      'hyperlink',
      link,
      (t) => {
        checkWritable(t.sheet);
        this.context.host.doc.updateCell(t.sheet, t.rect.r0, t.rect.c0, (cell) => {
          cell.hyperlink = model;
          if (link.textToDisplay !== undefined) enter(cell, link.textToDisplay);
        });
      },
      7
    );
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.sub(`getCell(${row},${column})`), () => {
      const t = this.target();
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }

  /** Rows or columns beyond the sheet's edge are an InvalidArgument, as in Excel. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, 2, (t) => ({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }));
  }

  getEntireRow(): FakeRange {
    return this.derived('getEntireRow()', 1, (t) => ({ r0: t.rect.r0, c0: 0, r1: t.rect.r1, c1: MAX_COL }));
  }

  getIntersection(anotherRange: FakeRange | string): FakeRange {
    return new FakeRange(this.context, this.sub('getIntersection()'), () => {
      const hit = this.intersect(anotherRange);
      if (!hit) throw new FakeExcelError('InvalidArgument', 'The ranges do not intersect.');
      return hit;
    });
  }

  getIntersectionOrNullObject(anotherRange: FakeRange | string): FakeRange {
    return new FakeRange(
      this.context,
      this.sub('getIntersectionOrNullObject()'),
      () => {
        this.context.requireApi(4, 'Range.getIntersectionOrNullObject');
        return this.intersect(anotherRange);
      },
      true
    );
  }

  private intersect(other: FakeRange | string): RangeTarget | null {
    const t = this.target();
    const o = typeof other === 'string' ? { sheet: t.sheet, rect: parseArea(other).range } : other.target();
    if (o.sheet !== t.sheet) throw new FakeExcelError('InvalidArgument', 'The ranges are on different worksheets.');
    const rect = { r0: Math.max(t.rect.r0, o.rect.r0), c0: Math.max(t.rect.c0, o.rect.c0), r1: Math.min(t.rect.r1, o.rect.r1), c1: Math.min(t.rect.c1, o.rect.c1) };
    return rect.r0 <= rect.r1 && rect.c0 <= rect.c1 ? { sheet: t.sheet, rect } : null;
  }

  private derived(segment: string, minor: number, f: (t: RangeTarget) => CellRange): FakeRange {
    return new FakeRange(this.context, this.sub(segment), () => {
      this.context.requireApi(minor, `Range.${segment}`);
      const t = this.target();
      const rect = f(t);
      if (rect.r1 < rect.r0 || rect.c1 < rect.c0 || rect.r1 > MAX_ROW || rect.c1 > MAX_COL) {
        throw new FakeExcelError('InvalidArgument', `${segment} goes beyond the worksheet.`);
      }
      return { sheet: t.sheet, rect };
    });
  }

  select(): void {
    this.call('select', [], 1, (t) => {
      const doc = this.context.host.doc;
      doc.activeSheetId = t.sheet.id;
      doc.selection = { sheetId: t.sheet.id, range: { ...t.rect } };
      doc.touch('selection');
    });
  }

  /** Like Excel: only areas whose top-left cell lies in this range; more than 512 fails. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      this.sub('getMergedAreasOrNullObject()'),
      () => {
        this.context.requireApi(13, 'Range.getMergedAreasOrNullObject');
        const t = this.target();
        const rects = t.sheet.merges.filter((m) => m.r0 >= t.rect.r0 && m.r0 <= t.rect.r1 && m.c0 >= t.rect.c0 && m.c0 <= t.rect.c1);
        if (rects.length > MERGED_AREAS_LIMIT) {
          throw new FakeExcelError('GeneralException', `Too many merged areas in ${rangeA1(t.rect)} (${rects.length} > ${MERGED_AREAS_LIMIT}).`);
        }
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      true
    );
  }
}

export class FakeRangeAreas extends FakeObject<AreasTarget> implements Pick<Excel.RangeAreas, 'address' | 'areaCount'> {
  readonly format: FakeRangeFormat;
  constructor(context: FakeRequestContext, path: string, locate: () => AreasTarget | null, nullable = false) {
    super(context, path, locate, nullable);
    this.format = new FakeRangeFormat(context, this.sub('format'), locate);
  }
  protected props(): Record<string, PropDef<AreasTarget>> {
    return {
      address: { read: (t) => t.rects.map((r) => qualify(t.sheet.name, r)).join(', ') },
      areaCount: { read: (t) => t.rects.length },
    };
  }
  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeObject<unknown>) : undefined;
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}
