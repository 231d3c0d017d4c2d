// Notes (ExcelApi 1.18) and threaded comments (1.10). Both attach to exactly one cell.
import { parseArea } from '../addin/excel-address';
import { FakeCollection, FakeObject, type PropDef } from './client-object';
import type { FakeRequestContext } from './context';
import { FakeExcelError, notFound } from './errors';
import type { CommentModel, NoteModel, ReplyModel, SheetModel } from './model';
import { checkWritable, FakeRange } from './range';

export type CellAddress = string | FakeRange;

interface CellPos {
  sheet: SheetModel;
  r: number;
  c: number;
}

/** Resolves a single-cell address at sync time; `scope` is the sheet of a worksheet-level collection. */
export function resolveCell(ctx: FakeRequestContext, address: CellAddress, scope: SheetModel | null): CellPos {
  let sheet: SheetModel | undefined;
  let rect;
  if (typeof address === 'string') {
    let area;
    try {
      area = parseArea(address);
    } catch {
      throw new FakeExcelError('InvalidArgument', `Invalid cell address: ${address}`);
    }
    sheet = area.sheet === null ? scope ?? undefined : ctx.host.doc.sheetByName(area.sheet);
    if (!sheet) throw new FakeExcelError('InvalidArgument', `The address must name an existing worksheet: ${address}`);
    rect = area.range;
  } else {
    const t = address.target();
    sheet = t.sheet;
    rect = t.rect;
  }
  if (rect.r0 !== rect.r1 || rect.c0 !== rect.c1) throw new FakeExcelError('InvalidArgument', 'The address must be a single cell.');
  if (scope && sheet !== scope) throw new FakeExcelError('InvalidArgument', 'The cell is not on this worksheet.');
  return { sheet, r: rect.r0, c: rect.c0 };
}

function locationRange<T extends NoteModel>(ctx: FakeRequestContext, path: string, owner: FakeObject<T>): FakeRange {
  return new FakeRange(ctx, path, () => {
    const n = owner.target();
    const sheet = ctx.host.doc.sheetById(n.sheetId);
    if (!sheet) throw notFound(n.sheetId);
    return { sheet, rect: { r0: n.r, c0: n.c, r1: n.r, c1: n.c } };
  });
}

/** getItem fails with ItemNotFound; getItemOrNullObject yields a null object. */
function findOrFail<T extends { id: string }>(list: T[], id: string, nullable: boolean): T | null {
  const found = list.find((x) => x.id === id) ?? null;
  if (!found && !nullable) throw notFound(id);
  return found;
}

function removeFrom<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

function sheetOf(ctx: FakeRequestContext, n: NoteModel): SheetModel {
  const sheet = ctx.host.doc.sheetById(n.sheetId);
  if (!sheet) throw notFound(n.sheetId);
  return sheet;
}

/** What notes and comments share: one cell's text with an author; deleting removes it. */
abstract class FakeCellAnnotation<M extends NoteModel> extends FakeObject<M> {
  /** The document list the annotation lives in, and the ExcelApi minor that brought it. */
  protected abstract readonly kind: 'notes' | 'comments';
  protected abstract readonly api: number;
  get content(): string {
    return this.get('content');
  }
  set content(value: string) {
    this.setProp('content', value, (n) => {
      checkWritable(sheetOf(this.context, n));
      n.content = value;
      this.context.host.doc.touch(this.kind);
    });
  }
  get authorName(): string {
    return this.get('authorName');
  }
  delete(): void {
    this.call('delete', [], this.api, (n) => {
      checkWritable(sheetOf(this.context, n));
      // Both lists hold M (CommentModel extends NoteModel); TS cannot tie kind to M.
      removeFrom(this.context.host.doc[this.kind] as unknown as M[], n);
      this.context.host.doc.touch(this.kind);
    });
  }
  getLocation(): FakeRange {
    return locationRange(this.context, this.sub('getLocation()'), this);
  }
}

export class FakeNote extends FakeCellAnnotation<NoteModel> implements Pick<Excel.Note, 'content' | 'authorName'> {
  protected readonly kind = 'notes';
  protected readonly api = 18;
  protected props(): Record<string, PropDef<NoteModel>> {
    return { content: { read: (n) => n.content }, authorName: { read: (n) => n.authorName } };
  }
}

/** workbook.notes (scope null) or worksheet.notes (scope = that sheet). */
export class FakeNoteCollection extends FakeCollection<NoteModel, FakeNote> {
  constructor(context: FakeRequestContext, path: string, private readonly scope: () => SheetModel | null) {
    super(context, path, () => {
      context.requireApi(18, 'notes');
      const s = scope();
      return context.host.doc.notes.filter((n) => !s || n.sheetId === s.id);
    });
  }
  protected makeItem(n: NoteModel): FakeNote {
    return this.byId(n.id);
  }
  private byId(id: string): FakeNote {
    return new FakeNote(this.context, this.sub(`getItem(${id})`), () => this.target().find((n) => n.id === id) ?? null);
  }
  add(cellAddress: CellAddress, content: string): FakeNote {
    let id = '';
    this.call('add', [String(cellAddress instanceof FakeRange ? cellAddress.path : cellAddress), content], 18, () => {
      const pos = resolveCell(this.context, cellAddress, this.scope());
      checkWritable(pos.sheet);
      const { doc } = this.context.host;
      if (doc.noteAt(pos.sheet.id, pos.r, pos.c)) throw new FakeExcelError('InvalidArgument', 'The cell already has a note.');
      id = doc.newId('note');
      doc.notes.push({ id, sheetId: pos.sheet.id, r: pos.r, c: pos.c, content, authorName: this.context.host.userName });
      doc.touch('notes');
    });
    return new FakeNote(this.context, this.sub('add()'), () => this.target().find((n) => n.id === id) ?? null);
  }
  getItem(key: string): FakeNote {
    return new FakeNote(this.context, this.sub(`getItem(${key})`), () => {
      const n = this.findByCell(key);
      if (!n) throw notFound(key);
      return n;
    });
  }
  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, this.sub(`getItemOrNullObject(${key})`), () => this.findByCell(key) ?? null, true);
  }
  private findByCell(key: string): NoteModel | undefined {
    const list = this.target();
    const pos = resolveCell(this.context, key, this.scope());
    return list.find((n) => n.sheetId === pos.sheet.id && n.r === pos.r && n.c === pos.c);
  }
}

export class FakeCommentReply extends FakeObject<ReplyModel> implements Pick<Excel.CommentReply, 'id' | 'content' | 'authorName'> {
  constructor(context: FakeRequestContext, path: string, locate: () => ReplyModel | null, private readonly parent: FakeComment, nullable = false) {
    super(context, path, locate, nullable);
  }
  protected props(): Record<string, PropDef<ReplyModel>> {
    return { id: { read: (r) => r.id }, content: { read: (r) => r.content }, authorName: { read: (r) => r.authorName } };
  }
  get id(): string {
    return this.get('id');
  }
  get content(): string {
    return this.get('content');
  }
  get authorName(): string {
    return this.get('authorName');
  }
  delete(): void {
    this.call('delete', [], 10, (r) => {
      const c = this.parent.target();
      checkWritable(sheetOf(this.context, c));
      removeFrom(c.replies, r);
      this.context.host.doc.touch('comments');
    });
  }
}

export class FakeCommentReplyCollection extends FakeCollection<ReplyModel, FakeCommentReply> {
  constructor(context: FakeRequestContext, path: string, private readonly parent: FakeComment) {
    super(context, path, () => parent.target().replies);
  }
  protected makeItem(r: ReplyModel): FakeCommentReply {
    return this.byId(r.id, false);
  }
  private byId(id: string, nullable: boolean): FakeCommentReply {
    return new FakeCommentReply(this.context, this.sub(`getItem(${id})`), () => findOrFail(this.target(), id, nullable), this.parent, nullable);
  }
  add(content: string): FakeCommentReply {
    let id = '';
    this.call('add', [content], 10, (list) => {
      checkWritable(sheetOf(this.context, this.parent.target()));
      id = this.context.host.doc.newId('reply');
      list.push({ id, content, authorName: this.context.host.userName });
      this.context.host.doc.touch('comments');
    });
    return new FakeCommentReply(this.context, this.sub('add()'), () => this.target().find((r) => r.id === id) ?? null, this.parent);
  }
  getItem(commentReplyId: string): FakeCommentReply {
    return this.byId(commentReplyId, false);
  }
  getItemOrNullObject(commentReplyId: string): FakeCommentReply {
    return this.byId(commentReplyId, true);
  }
}

export class FakeComment extends FakeCellAnnotation<CommentModel> implements Pick<Excel.Comment, 'id' | 'content' | 'authorName'> {
  protected readonly kind = 'comments';
  protected readonly api = 10;
  readonly replies: FakeCommentReplyCollection;
  constructor(context: FakeRequestContext, path: string, locate: () => CommentModel | null, nullable = false) {
    super(context, path, locate, nullable);
    this.replies = new FakeCommentReplyCollection(context, this.sub('replies'), this);
  }
  protected props(): Record<string, PropDef<CommentModel>> {
    return { id: { read: (n) => n.id }, content: { read: (n) => n.content }, authorName: { read: (n) => n.authorName } };
  }
  protected override nav(name: string): FakeObject<unknown> | undefined {
    return name === 'replies' ? (this.replies as unknown as FakeObject<unknown>) : undefined;
  }
  get id(): string {
    return this.get('id');
  }
}

/** workbook.comments or worksheet.comments. There is no getItemByCellOrNullObject in Office.js. */
export class FakeCommentCollection extends FakeCollection<CommentModel, FakeComment> {
  constructor(context: FakeRequestContext, path: string, private readonly scope: () => SheetModel | null) {
    super(context, path, () => {
      context.requireApi(10, 'comments');
      const s = scope();
      return context.host.doc.comments.filter((n) => !s || n.sheetId === s.id);
    });
  }
  protected makeItem(n: CommentModel): FakeComment {
    return this.byId(n.id, false);
  }
  private byId(id: string, nullable: boolean): FakeComment {
    return new FakeComment(this.context, this.sub(`getItem(${id})`), () => findOrFail(this.target(), id, nullable), nullable);
  }
  add(cellAddress: CellAddress, content: string): FakeComment {
    let id = '';
    this.call('add', [String(cellAddress instanceof FakeRange ? cellAddress.path : cellAddress), content], 10, () => {
      const pos = resolveCell(this.context, cellAddress, this.scope());
      checkWritable(pos.sheet);
      const { doc } = this.context.host;
      if (doc.commentAt(pos.sheet.id, pos.r, pos.c)) throw new FakeExcelError('InvalidArgument', 'The cell already has a comment.');
      id = doc.newId('comment');
      doc.comments.push({ id, sheetId: pos.sheet.id, r: pos.r, c: pos.c, content, authorName: this.context.host.userName, replies: [] });
      doc.touch('comments');
    });
    return new FakeComment(this.context, this.sub('add()'), () => this.target().find((n) => n.id === id) ?? null);
  }
  getItem(commentId: string): FakeComment {
    return this.byId(commentId, false);
  }
  getItemOrNullObject(commentId: string): FakeComment {
    return this.byId(commentId, true);
  }
  getItemByCell(cellAddress: CellAddress): FakeComment {
    return new FakeComment(this.context, this.sub('getItemByCell()'), () => {
      const pos = resolveCell(this.context, cellAddress, this.scope());
      const n = this.target().find((m) => m.sheetId === pos.sheet.id && m.r === pos.r && m.c === pos.c);
      if (!n) throw notFound(`comment at ${String(cellAddress)}`);
      return n;
    });
  }
}
