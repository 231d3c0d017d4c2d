// The test/playground side of the fake: reads and edits the document directly (as the user
// would in Excel), without proxies, syncs or limits.
import { parseA1 } from '../engine/address';
import type { CellRange, WorkbookSnapshot } from '../engine/grid';
import { qualify } from '../addin/excel-address';
import { emptyStats, type FakeHostCore, type HostStats } from './context';
import { cellKey, MAX_COLUMNS, type ChangeKind, type DocumentModel, type HyperlinkModel, type Scalar, type SheetModel } from './model';

export interface CellState {
  value: Scalar | null;
  formula: string | null;
  text: string;
  numberFormat: string;
  fill: string | null;
  note: string | null;
  comment: { content: string; authorName: string; replies: string[] } | null;
  hyperlink: HyperlinkModel | null;
}

/** Everything a user can see in the workbook, for deep comparisons before/after. */
export interface WorkbookState {
  sheets: { name: string; visibility: string; protected: boolean; merges: CellRange[]; cells: Record<string, CellState> }[];
}

export type ChangeListener = (changes: ChangeKind[]) => void;

export class FakeWorkbook {
  private readonly listeners = new Set<ChangeListener>();

  constructor(private readonly core: FakeHostCore & { stats: HostStats }) {}

  private get doc(): DocumentModel {
    return this.core.doc;
  }

  get apiMinor(): number {
    return this.core.apiMinor;
  }

  /** Reopens the same document in an Excel with another ExcelApi version. */
  setApiMinor(minor: number): void {
    this.core.apiMinor = minor;
  }

  get stats(): HostStats {
    return this.core.stats;
  }

  resetStats(): void {
    Object.assign(this.core.stats, emptyStats());
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Called by the host after each sync and each inspection edit. */
  emit(): void {
    const changes = this.doc.takeChanges();
    if (changes.length) this.listeners.forEach((l) => l(changes));
  }

  sheetNames(): string[] {
    return this.doc.sheets.map((s) => s.name);
  }

  private sheet(name: string): SheetModel {
    const s = this.doc.sheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheetName: string, address: string): CellState {
    const s = this.sheet(sheetName);
    const { r, c } = parseA1(address);
    return this.cellAt(s, r, c);
  }

  private cellAt(s: SheetModel, r: number, c: number): CellState {
    const cell = this.doc.cell(s, r, c);
    const note = this.doc.noteAt(s.id, r, c);
    const comment = this.doc.commentAt(s.id, r, c);
    return {
      value: cell?.value ?? null,
      formula: cell?.formula ?? null,
      text: this.doc.cellText(cell),
      numberFormat: cell?.numberFormat ?? 'General',
      fill: cell?.fill ?? null,
      note: note?.content ?? null,
      comment: comment ? { content: comment.content, authorName: comment.authorName, replies: comment.replies.map((x) => x.content) } : null,
      hyperlink: cell?.hyperlink ? { ...cell.hyperlink } : null,
    };
  }

  /** Every non-blank, noted or commented cell of every sheet, keyed by A1 address. */
  state(): WorkbookState {
    return {
      sheets: this.doc.sheets.map((s) => {
        const keys = new Set<number>(s.cells.keys());
        for (const n of [...this.doc.notes, ...this.doc.comments]) if (n.sheetId === s.id) keys.add(cellKey(n.r, n.c));
        const cells: Record<string, CellState> = {};
        for (const key of [...keys].sort((a, b) => a - b)) {
          const r = Math.floor(key / MAX_COLUMNS);
          const c = key % MAX_COLUMNS;
          cells[qualify(s.name, { r0: r, c0: c, r1: r, c1: c })] = this.cellAt(s, r, c);
        }
        return { name: s.name, visibility: s.visibility, protected: s.protected, merges: s.merges.map((m) => ({ ...m })), cells };
      }),
    };
  }

  get selection(): { sheet: string; address: string } | null {
    const sel = this.doc.selection;
    const s = sel && this.doc.sheetById(sel.sheetId);
    return sel && s ? { sheet: s.name, address: qualify(s.name, sel.range) } : null;
  }

  get activeSheet(): string | null {
    const id = this.doc.activeSheetId;
    return (id && this.doc.sheetById(id)?.name) || null;
  }

  customXmlParts(): { id: string; namespaceUri: string; xml: string }[] {
    return this.doc.xmlParts.map((p) => ({ ...p }));
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries([...this.doc.settings].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }

  // User edits, as if made in Excel's UI.

  setProtected(sheetName: string, on: boolean): void {
    this.sheet(sheetName).protected = on;
    this.doc.touch('sheets');
    this.emit();
  }

  setFill(sheetName: string, address: string, color: string | null): void {
    const { r, c } = parseA1(address);
    this.doc.updateCell(this.sheet(sheetName), r, c, (cell) => (cell.fill = color));
    this.emit();
  }

  setValue(sheetName: string, address: string, value: Scalar | null): void {
    const { r, c } = parseA1(address);
    this.doc.updateCell(this.sheet(sheetName), r, c, (cell) => {
      cell.value = value;
      cell.formula = null;
      cell.text = null;
    });
    this.emit();
  }

  setNote(sheetName: string, address: string, content: string): void {
    const s = this.sheet(sheetName);
    const { r, c } = parseA1(address);
    const existing = this.doc.noteAt(s.id, r, c);
    if (existing) existing.content = content;
    else this.doc.notes.push({ id: this.doc.newId('note'), sheetId: s.id, r, c, content, authorName: 'user' });
    this.doc.touch('notes');
    this.emit();
  }

  addComment(sheetName: string, address: string, content: string, authorName = 'user', replies: string[] = []): void {
    const s = this.sheet(sheetName);
    const { r, c } = parseA1(address);
    this.doc.comments.push({
      id: this.doc.newId('comment'),
      sheetId: s.id,
      r,
      c,
      content,
      authorName,
      replies: replies.map((x) => ({ id: this.doc.newId('reply'), content: x, authorName })),
    });
    this.doc.touch('comments');
    this.emit();
  }

  /** The current document as an engine snapshot (values, formulas, formats, merges). */
  toSnapshot(): WorkbookSnapshot {
    return {
      file: this.doc.name,
      sheets: this.doc.sheets.map((s) => {
        const box = this.doc.usedRange(s, false);
        const rows = box ? box.r1 + 1 : 0;
        const cols = box ? box.c1 + 1 : 0;
        const grid = <V>(f: (r: number, c: number) => V): V[][] =>
          Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
        return {
          name: s.name,
          values: grid((r, c) => this.doc.cell(s, r, c)?.value ?? null),
          text: grid((r, c) => this.doc.cellText(this.doc.cell(s, r, c)) || null),
          formulas: grid((r, c) => this.doc.cell(s, r, c)?.formula ?? null),
          numberFormats: grid((r, c) => {
            const f = this.doc.cell(s, r, c)?.numberFormat;
            return f && f !== 'General' ? f : null;
          }),
          merges: s.merges.map((m) => ({ ...m })),
          hidden: s.visibility !== 'Visible' || undefined,
        };
      }),
    };
  }
}
