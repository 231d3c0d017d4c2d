// Recognition: scores every table spec against a region's title, header words and
// body shape, and returns the best type with a confidence in [0, 1].
import type { CodeDim, Layout } from './layout';
import type { Region } from './regions';
import type { TableType } from './report';
import { fold, type SheetView } from './sheet-view';
import { isAmountText } from './amount';
import { SPECS, type Shape, type TableSpec } from './specs';
import { isAscii, key } from './text';
import { flatMap, mapped, Memo } from './collections';

export interface Classification {
  type: TableType;
  confidence: number;
}

export interface Evidence {
  title: string;
  /** Title plus the meta rows: 公开NN表 markers stand there. */
  context: string;
  header: string[];
  /**
   * Label texts of the body that some spec reads there: 绩效 tables carry their column words
   * (三级指标, 分值) in the body. Others cannot change a score and are not kept.
   */
  words: string[];
  publicNo: number | null;
  final: boolean;
  shape: Set<Shape>;
}

const CN_NO: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const PUBLIC_NO = /公开(?:表)?(\d{1,2}|[一二三四五六七八九])表?/;
const THREE_PUBLIC_HEADER = /出国|公务接待|公务用车/;
const ITEMS_HEADER = /项目名称|采购品目|服务/;
const BUDGET_MARKER = /部门公开表|预算公开表/;

/** Every pattern a body word is tested against: text-shaped specs' header words and all notHeader words (Chinese words only: a test holds them to it). */
export const BODY_WORD_PATTERNS: readonly RegExp[] = SPECS.flatMap((s) => [...(s.shape === 'text' ? s.header ?? [] : []), ...(s.notHeader ?? [])]);
const BODY_WORD = new RegExp(BODY_WORD_PATTERNS.map((re) => `(?:${re.source})`).join('|'));

/** A body text in key form when some spec reads it, else null. */
const bodyWord = new Memo<string | null>((t) => {
  const k = key(t);
  return BODY_WORD.test(k) ? k : null;
});

function namesThreePublic(bare: string): boolean {
  return bare.includes('出国') || bare.includes('公务接待');
}

function publicNumber(s: string): number | null {
  const m = PUBLIC_NO.exec(s);
  if (!m) return null;
  return m[1] in CN_NO ? CN_NO[m[1]] : Number(m[1]);
}

export function gatherEvidence(v: SheetView, region: Region, layout: Layout): Evidence {
  const title = key(region.title);
  const metaText = mapped(region.metaRows, (r) => {
    const parts: string[] = [];
    for (let c = region.c0; c <= Math.max(region.c1, region.c0 + 8); c++) parts.push(v.n(r, c));
    return key(parts.join(''));
  });
  // A 公开NN表 marker may stand just above the title too.
  const above = region.titleRow !== null && region.titleRow > 0 ? key(v.n(region.titleRow - 1, region.c0) + v.n(region.titleRow - 2 < 0 ? 0 : region.titleRow - 2, region.c0)) : '';
  const context = [title, ...metaText, above].join('|');
  const header = flatMap(layout.columns, (c) => c.path.map(key));
  const shape = new Set<Shape>();
  const dims = new Set<CodeDim | null>();
  let threePublicRow = false;
  let amountCells = 0;
  let income = false;
  let spending = false;
  for (const seg of layout.segments) {
    amountCells += seg.figures.count;
    for (const row of seg.rows) {
      dims.add(row.dim);
      if (!threePublicRow && namesThreePublic(row.bare)) threePublicRow = true;
    }
    for (const col of seg.columns) {
      if (col.role === 'amount') continue;
      const label = col.path.join('');
      income ||= label.includes('收入');
      spending ||= label.includes('支出');
    }
  }
  if (layout.segments.length >= 2 && income && spending) shape.add('halves');
  if (dims.has('function')) shape.add('function');
  if (dims.has('economic')) shape.add('economic');
  if (dims.has('unit')) shape.add('units');
  if (header.some((h) => THREE_PUBLIC_HEADER.test(h)) || threePublicRow) shape.add('three_public');
  if (header.some((h) => ITEMS_HEADER.test(h))) shape.add('items');
  const { words, longTexts } = bodyTexts(v, region);
  if (amountCells < 4 || longTexts >= 3) shape.add('text');
  // "公开01表" marks the 决算 set; "部门公开表1" / "预算公开表1" mark budget tables.
  const budgetMarker = BUDGET_MARKER.test(context) || (title.includes('预算') && !title.includes('决算'));
  const publicNo = budgetMarker ? null : publicNumber(context);
  const final = context.includes('决算') || (region.hasColumnNumbers && header.some((h) => h.includes('行次'))) || publicNo !== null;
  return { title, context, header, words, publicNo, final, shape };
}

/** Body words some spec reads, and how many texts are long (绩效 tables: sentences in cells). */
function bodyTexts(v: SheetView, region: Region): { words: string[]; longTexts: number } {
  const words: string[] = [];
  let longTexts = 0;
  for (let r = region.headerStart; r <= Math.min(region.bodyEnd, region.headerStart + 80); r++) {
    for (let c = region.c0; c <= region.c1; c++) {
      // Figures and empty cells are neither; a text is asked whether it is an amount only when it matters.
      const raw = v.raw(r, c);
      if (typeof raw !== 'string') continue;
      const t = fold(raw);
      if (t === '') continue;
      const long = t.length >= 12;
      // Every body word is Chinese: codes and other ASCII texts are not looked up.
      const word = t.length <= 20 && !isAscii(t) ? bodyWord.get(t) : null;
      if ((!long && word === null) || isAmountText(raw)) continue;
      if (long) longTexts++;
      if (word !== null) words.push(word);
    }
  }
  return { words, longTexts };
}

// Plain loops: these run for every spec of every table, and closures would be allocated each time.
function anyMatch(re: RegExp, texts: readonly string[]): boolean {
  for (const t of texts) if (re.test(t)) return true;
  return false;
}

/** How many of the patterns match at least one of the texts. */
function hitsIn(patterns: readonly RegExp[], texts: readonly string[]): number {
  let hits = 0;
  for (const re of patterns) if (anyMatch(re, texts)) hits++;
  return hits;
}

function titleHits(patterns: readonly RegExp[], title: string): number {
  let hits = 0;
  for (const re of patterns) if (re.test(title)) hits++;
  return hits;
}

function titleScore(spec: TableSpec, title: string): number {
  if (title === '') return 0;
  if (spec.notTitle && titleHits(spec.notTitle, title) > 0) return -1;
  const hits = titleHits(spec.title, title);
  if (hits < spec.title.length) return hits > 0 ? 0.2 * hits / spec.title.length : 0;
  // More groups matched = more specific.
  return 1 + 0.05 * spec.title.length;
}

function headerScore(spec: TableSpec, ev: Evidence): number {
  if (spec.notHeader && (hitsIn(spec.notHeader, ev.header) > 0 || hitsIn(spec.notHeader, ev.words) > 0)) return -1;
  if (!spec.header || spec.header.length === 0) return 0;
  // 绩效 tables carry their column words in the body as well.
  const body = spec.shape === 'text';
  let hits = 0;
  for (const re of spec.header) if (anyMatch(re, ev.header) || (body && anyMatch(re, ev.words))) hits++;
  return hits / spec.header.length;
}

function shapeScore(spec: TableSpec, shape: Set<Shape>): number {
  if (shape.has(spec.shape)) return 1;
  if (spec.shape === 'units' && shape.has('function')) return 0.8; // 收入总表 by function rows
  if (spec.shape === 'items' && shape.size === 0) return 0.5;
  if (spec.shape === 'function' && shape.has('units')) return 0.5;
  return 0;
}

/**
 * Scores are a function of the evidence below (not of the meta rows' context, which names the
 * department): a workbook's departments share their templates, so each is scored once.
 */
const classified = new Memo<Classification, Evidence>((_, ev) => scoreSpecs(ev), 10_000, 4096);

export function classify(ev: Evidence): Classification {
  const shape = [...ev.shape].sort().join(',');
  const id = [ev.title, ev.header.join('\u0001'), ev.words.join('\u0001'), shape, ev.final ? 'final' : '', ev.publicNo ?? ''].join('\u0000');
  return classified.get(id, ev);
}

function scoreSpecs(ev: Evidence): Classification {
  const scored: { spec: TableSpec; score: number }[] = [];
  for (const spec of SPECS) {
    if (spec.family !== 'any' && (spec.family === 'final') !== ev.final) continue;
    const ts = titleScore(spec, ev.title);
    if (ts < 0) continue;
    let score = ts * 3 + headerScore(spec, ev) + shapeScore(spec, ev.shape);
    if (spec.publicNo !== undefined && ev.publicNo === spec.publicNo) score += 3;
    scored.push({ spec, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 1.6) return { type: 'unknown', confidence: 0 };
  const titled = titleScore(best.spec, ev.title) >= 1 || (best.spec.publicNo !== undefined && ev.publicNo === best.spec.publicNo);
  // Without a title, tables of the same shape (支出总表 / 一般公共预算支出表) cannot be told
  // apart: say so rather than guess.
  if (!titled && second && second.score >= best.score - 0.5) return { type: 'unknown', confidence: 0 };
  const base = titled ? 0.8 : 0.45;
  const support = (headerScore(best.spec, ev) + shapeScore(best.spec, ev.shape)) / 2;
  return { type: best.spec.type, confidence: Math.min(0.99, Number((base + 0.19 * support).toFixed(2))) };
}
