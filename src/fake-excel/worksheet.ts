// Worksheets and their collection.
import { parseArea, splitAreas } from '../addin/excel-address';
import type { CellRange } from '../engine/grid';
import { FakeCollection, FakeObject, type PropDef } from './client-object';
import type { FakeRequestContext } from './context';
import { FakeExcelError, notFound } from './errors';
import type { SheetModel } from './model';
import { FakeCommentCollection, FakeNoteCollection } from './annotations';
import { FakeRange, FakeRangeAreas } from './range';

const WHOLE_SHEET: CellRange = { r0: 0, c0: 0, r1: 1048575, c1: 16383 };

function parseRef(address: string): CellRange {
  try {
    return parseArea(address).range;
  } catch {
    throw new FakeExcelError('InvalidArgument', `Invalid range address: ${address}`);
  }
}

export class FakeWorksheetProtection extends FakeObject<SheetModel> implements Pick<Excel.WorksheetProtection, 'protected'> {
  protected props(): Record<string, PropDef<SheetModel>> {
    return { protected: { read: (s) => s.protected, minor: 2 } };
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> implements Pick<Excel.Worksheet, 'name' | 'id' | 'position' | 'visibility'> {
  readonly protection: FakeWorksheetProtection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;

  constructor(context: FakeRequestContext, path: string, locate: () => SheetModel | null, nullable = false) {
    super(context, path, locate, nullable);
    this.protection = new FakeWorksheetProtection(context, this.sub('protection'), locate);
    this.notes = new FakeNoteCollection(context, this.sub('notes'), () => this.target());
    this.comments = new FakeCommentCollection(context, this.sub('comments'), () => this.target());
  }

  protected props(): Record<string, PropDef<SheetModel>> {
    return {
      name: { read: (s) => s.name },
      id: { read: (s) => s.id },
      position: { read: (s) => this.context.host.doc.sheets.indexOf(s) },
      visibility: { read: (s) => s.visibility },
    };
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    const navs: Record<string, FakeObject<unknown>> = {
      protection: this.protection as FakeObject<unknown>,
      notes: this.notes as unknown as FakeObject<unknown>,
      comments: this.comments as unknown as FakeObject<unknown>,
    };
    return navs[name];
  }

  get name(): string {
    return this.get('name');
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.get('visibility');
  }
  set visibility(v: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.setProp('visibility', v, (s) => {
      s.visibility = v as SheetModel['visibility'];
      this.context.host.doc.touch('sheets');
    });
  }

  private rangeAt(segment: string, rect: () => CellRange, minor = 1): FakeRange {
    return new FakeRange(this.context, this.sub(segment), () => {
      this.context.requireApi(minor, `Worksheet.${segment}`);
      return { sheet: this.target(), rect: rect() };
    });
  }

  getRange(address?: string): FakeRange {
    return this.rangeAt(`getRange(${address ?? ''})`, () => (address ? parseRef(address) : WHOLE_SHEET));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.rangeAt(
      `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => ({ r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 }),
      7
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.rangeAt(`getCell(${row},${column})`, () => ({ r0: row, c0: column, r1: row, c1: column }));
  }

  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, this.sub(`getRanges(${address.length > 40 ? address.slice(0, 40) + '…' : address})`), () => {
      this.context.requireApi(9, 'Worksheet.getRanges');
      return { sheet: this.target(), rects: splitAreas(address).map(parseRef) };
    });
  }

  /** An empty sheet's used range is A1, as in Excel. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this.sub(`getUsedRange(${valuesOnly ?? ''})`), () => {
      if (valuesOnly !== undefined) this.context.requireApi(2, 'Worksheet.getUsedRange(valuesOnly)');
      const s = this.target();
      return { sheet: s, rect: this.context.host.doc.usedRange(s, valuesOnly ?? false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.context,
      this.sub(`getUsedRangeOrNullObject(${valuesOnly ?? ''})`),
      () => {
        this.context.requireApi(4, 'Worksheet.getUsedRangeOrNullObject');
        const s = this.target();
        const rect = this.context.host.doc.usedRange(s, valuesOnly ?? false);
        return rect && { sheet: s, rect };
      },
      true
    );
  }

  activate(): void {
    this.call('activate', [], 1, (s) => {
      this.context.host.doc.activeSheetId = s.id;
      this.context.host.doc.touch('selection');
    });
  }

  delete(): void {
    this.call('delete', [], 1, (s) => {
      if (this.context.host.doc.sheets.filter((x) => x.visibility === 'Visible').length <= 1 && s.visibility === 'Visible') {
        throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      this.context.host.doc.deleteSheet(s);
    });
  }
}

export class FakeWorksheetCollection extends FakeCollection<SheetModel, FakeWorksheet> {
  constructor(context: FakeRequestContext, path: string) {
    super(context, path, () => context.host.doc.sheets);
  }

  protected makeItem(s: SheetModel): FakeWorksheet {
    const id = s.id;
    return new FakeWorksheet(this.context, this.sub(`getItem(${id})`), () => this.context.host.doc.sheetById(id) ?? null);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, this.sub(`getItem(${JSON.stringify(key)})`), () => {
      const s = this.context.host.doc.sheetByName(key) ?? this.context.host.doc.sheetById(key);
      if (!s) throw notFound(`worksheet ${key}`);
      return s;
    });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.sub(`getItemOrNullObject(${JSON.stringify(key)})`),
      () => {
        this.context.requireApi(4, 'WorksheetCollection.getItemOrNullObject');
        return this.context.host.doc.sheetByName(key) ?? this.context.host.doc.sheetById(key) ?? null;
      },
      true
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.sub('getActiveWorksheet()'), () => {
      const { doc } = this.context.host;
      return (doc.activeSheetId && doc.sheetById(doc.activeSheetId)) || null;
    });
  }

  add(name?: string): FakeWorksheet {
    let id = '';
    this.call('add', [name ?? null], 1, () => {
      const { doc } = this.context.host;
      let n = name;
      if (n === undefined) for (let i = doc.sheets.length + 1; !n || doc.sheetByName(n); i++) n = `Sheet${i}`;
      if (doc.sheetByName(n)) throw new FakeExcelError('ItemAlreadyExists', `A worksheet named '${n}' already exists.`);
      if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n)) throw new FakeExcelError('InvalidArgument', `Invalid worksheet name '${n}'.`);
      id = doc.addSheet(n).id;
    });
    return new FakeWorksheet(this.context, this.sub('add()'), () => this.context.host.doc.sheetById(id) ?? null);
  }
}
