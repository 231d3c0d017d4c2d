// Marks findings in the workbook and takes the marks away again, by reconciliation: read what
// the cells show now, work out what they should show (marked, or as the user had them), and
// write only the difference in one batch. Clearing is reconciling with no findings, so
// re-checking never duplicates notes and a lost pane never strands marks.
import { a1 } from '../engine/address';
import type { Finding } from '../engine/report';
import { parseArea, qualify } from './excel-address';
import { HostError, type HostCapabilities } from './host';
import { lookupRecord, type MarkedCell, type MarkRecord } from './mark-record';
import { MARK_PREFIX, markText, NOTE_SEPARATOR, SEVERITY_FILL, SEVERITY_RANK, stripMark, worstSeverity } from './mark-style';

export interface ReconcileResult {
  /** Cells marked now. */
  marked: number;
  /** Cells of the previous record that were restored. */
  restored: number;
  syncs: number;
}

interface Target {
  sheet: string;
  cell: string;
  fill: string;
  text: string;
}

interface CommentNow {
  id: string;
  content: string;
  replies: { id: string; content: string }[];
}

/** Excel reads "no fill" as white; with `pattern` (1.9) the two can be told apart. */
const NO_FILL_COLOR = '#FFFFFF';
/**
 * Cells marked per run, most severe first: keeps the state read and the write batch (~300 B
 * per cell each) well under Excel on the web's 5 MB request cap. The pane lists them all.
 */
export const MAX_MARKS = 5000;
/** Keeps each getRanges address string short; Excel's limit on it is undocumented. */
const MAX_AREAS_ADDRESS = 2000;

const keyOf = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

function topLeft(cell: string): string | null {
  try {
    const { range } = parseArea(cell);
    return a1(range.r0, range.c0);
  } catch {
    return null;
  }
}

function groupTargets(findings: Finding[], sheetName: (s: string) => string | undefined): Map<string, Target> {
  const groups = new Map<string, { sheet: string; cell: string; findings: Finding[] }>();
  for (const f of findings) {
    const sheet = sheetName(f.sheet);
    const cell = topLeft(f.cell);
    if (!sheet || !cell) continue;
    const k = keyOf(sheet, cell);
    const g = groups.get(k) ?? { sheet, cell, findings: [] };
    g.findings.push(f);
    groups.set(k, g);
  }
  const ranked = [...groups].map(([k, g]) => ({ k, g, rank: SEVERITY_RANK[worstSeverity(g.findings)] })).sort((a, b) => a.rank - b.rank);
  return new Map(
    ranked.slice(0, MAX_MARKS).map(({ k, g }) => [k, { sheet: g.sheet, cell: g.cell, fill: SEVERITY_FILL[worstSeverity(g.findings)], text: markText(g.findings) }])
  );
}

/** Splits addresses into comma-joined lists of bounded length. */
function addressLists(cells: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of cells) {
    if (cur && cur.length + c.length + 1 > MAX_AREAS_ADDRESS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}

export async function reconcileMarks(context: Excel.RequestContext, caps: HostCapabilities, findings: Finding[]): Promise<ReconcileResult> {
  let syncs = 0;
  const sync = async (): Promise<void> => {
    syncs++;
    await context.sync();
  };
  const wb = context.workbook;
  const noteKind = caps.noteKind;

  // Sync 1: sheets with their protection, the stored record, existing comments.
  const sheetList = wb.worksheets.load('items/name,items/protection/protected');
  const lookup = lookupRecord(context, caps);
  // Comments are read whenever the API exists, so comments left by a run on an older Excel
  // (LTSC, comment mode) are cleaned up when the workbook is re-checked on Microsoft 365.
  const comments = caps.excelApiMinor >= 10 ? wb.comments.load('items/id,items/content,items/replies/items/id,items/replies/items/content') : null;
  await sync();

  // Sync 2 (only if needed): the record's XML and where the comments sit.
  const needsRecord = lookup.queueRead();
  const locations = comments?.items.map((c) => c.getLocation().load('address')) ?? [];
  if (needsRecord || locations.length) await sync();

  const byLower = new Map(sheetList.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const sheetName = (s: string): string | undefined => byLower.get(s.toLowerCase())?.name;
  const old: MarkRecord | null = lookup.record();
  const oldCells = new Map<string, MarkedCell>();
  for (const c of old?.cells ?? []) if (sheetName(c.sheet)) oldCells.set(keyOf(sheetName(c.sheet)!, c.cell), c);
  const targets = groupTargets(findings, sheetName);
  const union = new Map<string, { sheet: string; cell: string }>([...oldCells, ...targets]);

  for (const { sheet } of union.values()) {
    if (byLower.get(sheet.toLowerCase())!.protection.protected) {
      throw new HostError(`工作表「${sheet}」受保护，无法写入标记；请先撤销保护`, sheet);
    }
  }
  if (!union.size) {
    if (old) {
      lookup.queueSave(null);
      await sync();
    }
    return { marked: 0, restored: 0, syncs };
  }

  // Sync 3: what every affected cell shows now.
  const commentsAt = new Map<string, CommentNow>();
  comments?.items.forEach((c, i) => {
    const { sheet, range } = parseArea(locations[i].address);
    commentsAt.set(keyOf(sheet ?? '', a1(range.r0, range.c0)), {
      id: c.id,
      content: c.content,
      replies: c.replies.items.map((r) => ({ id: r.id, content: r.content })),
    });
  });
  const probes = [...union].map(([k, { sheet, cell }]) => ({
    k,
    sheet,
    cell,
    fill: wb.worksheets.getItem(sheet).getRange(cell).format.fill.load(caps.excelApiMinor >= 9 ? 'color,pattern' : 'color'),
    note: noteKind === 'note' ? wb.notes.getItemOrNullObject(qualify(sheet, cell)).load('content') : null,
  }));
  await sync();

  // Work out the writes; queue them all for sync 4.
  if (caps.excelApiMinor >= 9) wb.application.suspendScreenUpdatingUntilNextSync();
  const fills = new Map<string, Map<string | null, string[]>>();
  const cells: MarkedCell[] = [];
  for (const p of probes) {
    const t = targets.get(p.k);
    const o = oldCells.get(p.k);
    const fillNow = caps.excelApiMinor >= 9 ? (p.fill.pattern === 'None' ? null : p.fill.color) : p.fill.color === NO_FILL_COLOR ? null : p.fill.color;
    // A fill the user changed after marking is theirs now and stays.
    const fillBefore = o && fillNow === o.markFill ? o.fill : fillNow;
    const fillWanted = t ? t.fill : fillBefore;
    if (fillWanted !== fillNow) {
      const bySheet = fills.get(p.sheet) ?? new Map<string | null, string[]>();
      bySheet.set(fillWanted, [...(bySheet.get(fillWanted) ?? []), p.cell]);
      fills.set(p.sheet, bySheet);
    }
    if (p.note) {
      const now = p.note.isNullObject ? null : p.note.content;
      // The user's part of the note is whatever precedes our text, including edits made since.
      const noteBefore = now === null || !now.includes(MARK_PREFIX) ? now : stripMark(now);
      const wanted = t ? (noteBefore !== null ? noteBefore + NOTE_SEPARATOR + t.text : t.text) : noteBefore;
      if (wanted !== now) {
        if (now === null) wb.notes.add(qualify(p.sheet, p.cell), wanted as string);
        else if (wanted === null) p.note.delete();
        else p.note.content = wanted;
      }
    }
    if (comments) queueComment(wb, p.sheet, p.cell, commentsAt.get(p.k), noteKind === 'comment' ? t?.text ?? null : null);
    if (t) cells.push({ sheet: t.sheet, cell: t.cell, fill: fillBefore, markFill: t.fill });
  }
  for (const [sheet, byColor] of fills) {
    const ws = wb.worksheets.getItem(sheet);
    for (const [color, list] of byColor) {
      const formats =
        caps.excelApiMinor >= 9 ? addressLists(list).map((a) => ws.getRanges(a).format) : list.map((c) => ws.getRange(c).format);
      for (const format of formats) {
        if (color === null) format.fill.clear();
        else format.fill.color = color;
      }
    }
  }
  lookup.queueSave(cells.length ? { version: 1, noteKind, cells } : null);
  await sync();
  return { marked: cells.length, restored: [...oldCells.keys()].filter((k) => !targets.has(k)).length, syncs };
}

/** Our own comment carries the text; on a user's comment the text goes into a reply. */
function queueComment(wb: Excel.Workbook, sheet: string, cell: string, now: CommentNow | undefined, text: string | null): void {
  if (!now) {
    if (text) wb.comments.add(qualify(sheet, cell), text);
    return;
  }
  const comment = wb.comments.getItem(now.id);
  if (now.content.startsWith(MARK_PREFIX)) {
    if (text === now.content) return;
    comment.delete();
    if (text) wb.comments.add(qualify(sheet, cell), text);
    return;
  }
  const ours = now.replies.filter((r) => r.content.startsWith(MARK_PREFIX));
  const keep = text ? ours.find((r) => r.content === text) : undefined;
  for (const r of ours) if (r !== keep) comment.replies.getItem(r.id).delete();
  if (text && !keep) comment.replies.add(text);
}
