// The fake host's document: what "Excel" holds between syncs. Proxies read and write it only
// while a sync executes; tests and the playground inspect it through FakeWorkbook.
import type { CellRange, CellValue, WorkbookSnapshot } from '../engine/grid';
import { displayText } from './number-format';

export type Scalar = string | number | boolean;

export interface CellModel {
  /** Constant or last computed value; null = empty. The fake does not evaluate formulas. */
  value: Scalar | null;
  formula: string | null;
  numberFormat: string;
  /** Fill colour "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** Displayed text known from the snapshot; recomputed once the cell changes. */
  text: string | null;
  hyperlink: HyperlinkModel | null;
}

export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  protected: boolean;
  cells: Map<number, CellModel>;
  merges: CellRange[];
}

export interface NoteModel {
  id: string;
  sheetId: string;
  r: number;
  c: number;
  content: string;
  authorName: string;
}

export interface ReplyModel {
  id: string;
  content: string;
  authorName: string;
}

export interface CommentModel extends NoteModel {
  replies: ReplyModel[];
}

export interface XmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

export type ChangeKind = 'cells' | 'sheets' | 'notes' | 'comments' | 'selection' | 'customXml' | 'settings';

export const MAX_COLUMNS = 16384;

export function cellKey(r: number, c: number): number {
  return r * MAX_COLUMNS + c;
}

export function emptyCell(): CellModel {
  return { value: null, formula: null, numberFormat: 'General', fill: null, text: null, hyperlink: null };
}

function isBlank(cell: CellModel): boolean {
  return cell.value === null && cell.formula === null && cell.numberFormat === 'General' && cell.fill === null && cell.hyperlink === null;
}

export class DocumentModel {
  name: string;
  readonly sheets: SheetModel[] = [];
  readonly notes: NoteModel[] = [];
  readonly comments: CommentModel[] = [];
  readonly xmlParts: XmlPartModel[] = [];
  readonly settings = new Map<string, string>();
  activeSheetId: string | null = null;
  selection: { sheetId: string; range: CellRange } | null = null;
  private nextId = 1;
  private readonly pending = new Set<ChangeKind>();

  constructor(snapshot: WorkbookSnapshot) {
    this.name = snapshot.file;
    for (const s of snapshot.sheets) {
      const sheet = this.addSheet(s.name);
      if (s.hidden) sheet.visibility = 'Hidden';
      sheet.merges.push(...s.merges.map((m) => ({ ...m })));
      s.values.forEach((row, r) =>
        row?.forEach((v: CellValue, c) => {
          const formula = s.formulas?.[r]?.[c] ?? null;
          const numberFormat = s.numberFormats?.[r]?.[c] ?? 'General';
          if (v === null && formula === null && numberFormat === 'General') return;
          sheet.cells.set(cellKey(r, c), { ...emptyCell(), value: v, formula, numberFormat, text: s.text?.[r]?.[c] ?? null });
        })
      );
    }
    this.activeSheetId = this.sheets[0]?.id ?? null;
    this.pending.clear();
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  touch(kind: ChangeKind): void {
    this.pending.add(kind);
  }

  /** Changes since the last call, for the change listeners. */
  takeChanges(): ChangeKind[] {
    const out = [...this.pending];
    this.pending.clear();
    return out;
  }

  addSheet(name: string): SheetModel {
    const sheet: SheetModel = { id: this.newId('ws'), name, visibility: 'Visible', protected: false, cells: new Map(), merges: [] };
    this.sheets.push(sheet);
    this.touch('sheets');
    return sheet;
  }

  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  deleteSheet(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const keep = <T extends NoteModel>(list: T[]): void => {
      for (let i = list.length - 1; i >= 0; i--) if (list[i].sheetId === sheet.id) list.splice(i, 1);
    };
    keep(this.notes);
    keep(this.comments);
    if (this.activeSheetId === sheet.id) this.activeSheetId = this.sheets[0]?.id ?? null;
    if (this.selection?.sheetId === sheet.id) this.selection = null;
    this.touch('sheets');
  }

  cell(sheet: SheetModel, r: number, c: number): CellModel | undefined {
    return sheet.cells.get(cellKey(r, c));
  }

  /** Applies `change` to a cell, creating or dropping its entry as needed. */
  updateCell(sheet: SheetModel, r: number, c: number, change: (cell: CellModel) => void): void {
    const key = cellKey(r, c);
    const cell = sheet.cells.get(key) ?? emptyCell();
    change(cell);
    if (isBlank(cell)) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
    this.touch('cells');
  }

  cellText(cell: CellModel | undefined): string {
    if (!cell) return '';
    return cell.text ?? displayText(cell.value, cell.numberFormat);
  }

  /** Bounding box of non-empty cells (valuesOnly) or of all cells with any content or format. */
  usedRange(sheet: SheetModel, valuesOnly: boolean): CellRange | null {
    let box: CellRange | null = null;
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && cell.value === null && cell.formula === null) continue;
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
      }
    }
    return box;
  }

  noteAt(sheetId: string, r: number, c: number): NoteModel | undefined {
    return this.notes.find((n) => n.sheetId === sheetId && n.r === r && n.c === c);
  }

  commentAt(sheetId: string, r: number, c: number): CommentModel | undefined {
    return this.comments.find((n) => n.sheetId === sheetId && n.r === r && n.c === c);
  }
}
