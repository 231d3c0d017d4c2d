// Statements of the 说明 text: amounts that repeat table figures, 占 shares, year-on-year
// changes and execution rates, each with the cell and clause it came from.
import { a1 } from '../address';
import { Dec } from '../amount';
import { hasDigit, isNormal, norm } from '../text';
import type { SheetSnapshot } from '../grid';
import { STRUCTURAL_PARENT, resolveSubject, type Family, type Subject } from './vocabulary';

export type Unit = '元' | '千元' | '万元' | '亿元';

/** A number as the text shows it: "46.6" keeps one decimal. */
export interface Stated {
  value: Dec;
  decimals: number;
  text: string;
}

export interface StatedAmount extends Stated {
  unit: Unit;
}

export interface Source {
  sheet: string;
  r: number;
  c: number;
  /** A1 of the text cell. */
  cell: string;
  /** The clause the statement was read from (normalized text). */
  clause: string;
  /** Sentence number in the sheet: statements of one sentence share it. */
  sentence: number;
}

interface Common {
  source: Source;
  /** Canonical figure name (text.key form), null when the text names no table figure. */
  subject: string | null;
  /** Year the figures belong to (the document year unless the sentence says otherwise). */
  year: number | null;
}

export interface AmountStatement extends Common {
  kind: 'amount';
  amount: StatedAmount;
  /** Names to look up, best first (scoped name, then its fallback). */
  names: string[];
  family: Family | null;
  /** The amount this one is a part of ("支出合计…，其中：基本支出…"). */
  parent: AmountStatement | null;
  /** 'budget' for 年初预算/全年预算 figures set against a 决算 figure in the same sentence. */
  basis: 'budget' | 'final' | null;
}

export interface ShareStatement extends Common {
  kind: 'share';
  share: Stated;
  part: AmountStatement | null;
  /** The base amount when the text states it; else `wholeName` names the figure to look up. */
  whole: AmountStatement | null;
  wholeName: string | null;
}

export interface ChangeStatement extends Common {
  kind: 'change';
  direction: 1 | -1;
  /** Year compared with ("比2022年"); 上年 = year − 1. */
  baseYear: number | null;
  change: StatedAmount | null;
  percent: Stated | null;
  /** The current-year amount the change refers to. */
  current: AmountStatement | null;
}

export interface RateStatement extends Common {
  kind: 'rate';
  rate: Stated;
  actual: AmountStatement | null;
  planned: AmountStatement | null;
}

/** An amount or percent the extractor could not place (counted as found, never checked). */
export interface OtherStatement extends Common {
  kind: 'other';
  value: Stated;
}

export type Statement = AmountStatement | ShareStatement | ChangeStatement | RateStatement | OtherStatement;

/** NFKC (，→, （→( ：→:), no quotes, no spaces, 收、支 → 收支. */
export function prose(s: string): string {
  const n = norm(s);
  return n.includes('收、支') ? n.replace(/收、支/g, '收支') : n;
}

const CJK = /[\u4e00-\u9fff]/;
/** Characters a line needs to start a paragraph: shorter ones are labels and headings. */
const MIN_PROSE = 12;
const TERMINAL = /[。;:!?]$/;

/** Whether a later line could continue this one: a sentence under way. */
function continuable(prev: string): boolean {
  return prev.length >= 20 && prev.includes(',') && !TERMINAL.test(prev);
}

/** A prose line cut by a page break: a sentence under way, and the next line no heading. */
function continues(prev: string, next: string): boolean {
  return continuable(prev) && !HEADING.test(next);
}

const HEADING = /^(\(?[一二三四五六七八九十\d]+[)、.](?!\d)|第)/;

interface Paragraph {
  r: number;
  c: number;
  text: string;
}

/** Text lines long enough to be prose; a paragraph broken over rows or lines (page breaks) is joined. */
function paragraphs(sheet: SheetSnapshot): Paragraph[] {
  const out: Paragraph[] = [];
  // Per column, the paragraph the line just above ended in (null after a skipped line).
  const open: ({ p: Paragraph | null; lastRow: number } | undefined)[] = [];
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const above = open[c];
      let prev = above && above.lastRow === r - 1 ? above.p : null;
      // With no paragraph open above, a line too short to be prose, or without a digit (no
      // amount, no year) and without a comma (nothing could continue it), starts none worth
      // keeping: passed over unread. Only a text NFKC leaves as it is can be judged before folding.
      if (prev === null && !v.includes('\n') && isNormal(v) && (v.length < MIN_PROSE || (!hasDigit(v) && !v.includes(',')))) {
        if (above) above.p = null;
        continue;
      }
      // A whole 说明 in one cell: its lines are read like rows (no array for a single line).
      const lines = v.includes('\n') ? v.split(/\r?\n/) : null;
      for (let i = 0; i < (lines ? lines.length : 1); i++) {
        const text = prose(lines ? lines[i] : v);
        if (text === '') continue;
        if (prev && CJK.test(text) && continues(prev.text, text)) {
          prev.text += text;
        } else if (text.length >= MIN_PROSE && CJK.test(text) && (hasDigit(text) || continuable(text))) {
          prev = { r, c, text };
          out.push(prev);
        } else prev = null;
      }
      if (above) {
        above.p = prev;
        above.lastRow = r;
      } else open[c] = { p: prev, lastRow: r };
    }
  }
  return out;
}

const YEAR = /(比|与|较|截至|从)?(\d{4})年/g;

/** The year most prose figures belong to: the most frequent "2023年" not after 比/与/较. */
function documentYear(texts: string[]): number | null {
  const count = new Map<number, number>();
  for (const t of texts) {
    for (const m of t.matchAll(YEAR)) {
      if (m[1]) continue;
      const y = Number(m[2]);
      if (y >= 1990 && y <= 2100) count.set(y, (count.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of count) if (best === null || n > (count.get(best) ?? 0)) best = y;
  return best;
}

interface Mention {
  start: number;
  end: number;
  value: Stated;
  unit: Unit | '%';
}

const MENTION = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(亿元|万元|千元|元|%)/g;
const HAS_MENTION = /\d(亿元|万元|千元|元|%)/;

/** Amounts and percents of a sentence; thresholds ("50万元以上", "≥95%", "×100%") are no statements. */
function mentions(sentence: string): Mention[] {
  const out: Mention[] = [];
  for (const m of sentence.matchAll(MENTION)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const before = sentence.slice(Math.max(0, start - 4), start);
    if (/[\d.]$/.test(before) || /[≤≥<>×*/=+-]$/.test(before) || /(单价|价值)$/.test(before)) continue;
    if (/^(以上|以下|及|\(含\))/.test(sentence.slice(end))) continue;
    const digits = m[1].replace(/,/g, '');
    const dot = digits.indexOf('.');
    const value = { value: new Dec(digits), decimals: dot < 0 ? 0 : digits.length - dot - 1, text: digits };
    out.push({ start, end, value, unit: m[2] as Unit | '%' });
  }
  return out;
}

const LIST_MARKER = /其中|主要用于|分为|主要包括|包括|具体/;
const CHANGE_VERB = /(增加|减少|下降|增长|上升|降低)了?$/;
const CHANGE_PERCENT = /(增加|减少|下降|增长|上升|降低|增幅|降幅)(为|了)?$/;
const COMPARISON = /(比|较|与)(上年度?|去年|(\d{4})年度?)(预算数?|决算数?|同期)?(相比)?/g;
const RATE = /(完成(年初|全年)?预算(数)?的|执行率(为)?)$/;
/** "占71.64%", "占比为…", "占支出合计的100.00%", "占政府采购支出总额的比重为…". */
const SHARE = /^所?占(?:比(?:重|例)?)?(.*?)的?(?:比重|比例)?为?$/;
/** A phrase that names no figure by itself: the sentence's subject carries over. */
const GENERIC = /^(\d{4}年度?)?(本单位|本部门)?(支出|收入|收支)?(年初|全年)?(预算|决算)?(数)?(为|是)?$/;
/** "年初预算为…，支出决算为…": the amount of the subject named before. */
const INHERIT = /^(\d{4}年度?)?((年初|全年)?(预算数|预算|决算数|决算)|支出决算数?)(为|是)?$|^$/;
const TOTAL = /(总计|合计)$/;
const CLASS_PARENTS = new Set(['支出总计', '支出合计', '一般公共预算支出', '财政拨款支出总计', '政府性基金预算支出', '国有资本经营预算支出']);
const CLASS_FAMILY_EXEMPT = new Set(['基本支出', '项目支出', '人员经费', '公用经费', '一般公共预算基本支出', '事业单位经营支出', '上缴上级支出', '对附属单位补助支出']);

/** Parts of any spending total: "纳入绩效管理的支出总额…，其中人员经费…" still names the table's 人员经费. */
const CORE_PARTS = new Set(['基本支出', '项目支出', '人员经费', '公用经费']);

/** Whether a 其中 child may stand for the named figure under its parent. */
function fits(child: Subject, parent: AmountStatement): boolean {
  if (parent.subject === null) return CORE_PARTS.has(child.names[0]);
  if (child.family === 'expense' && /支出$/.test(child.names[0]) && !CLASS_FAMILY_EXEMPT.has(child.names[0])) {
    // A function class under 基本支出/项目支出 is only the part of that class.
    return CLASS_PARENTS.has(parent.subject) || parent.family === 'both';
  }
  if (parent.family === 'both') return true;
  return child.family === parent.family;
}

interface Context {
  sheet: SheetSnapshot;
  p: Paragraph;
  docYear: number | null;
  /** Amount statements of the paragraph so far. */
  amounts: AmountStatement[];
  /** Amount statements of the sheet so far: a later paragraph may refer back ("机关运行经费较上年度下降…"). */
  sheetAmounts: AmountStatement[];
  /** Latest amount statement that is no 其中 part: what a bare "比上年增加…" refers to. */
  topic: AmountStatement | null;
  /** The previous paragraph's topic, for a paragraph that only lists parts. */
  prevTopic: AmountStatement | null;
  /** A subject stated in a sentence without amounts ("…行政运行(项)。年初预算数为…"). */
  pending: Subject | null;
  sentenceNo: number;
  out: Statement[];
}

function lastSegment(lead: string): string {
  const i = Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf(':'), lead.lastIndexOf('、'));
  return lead.slice(i + 1).replace(/^\(?[一二三四五六七八九十\d]+[)、.]|^\(/, '');
}

function sentenceYear(before: string, docYear: number | null): number | null {
  let year = docYear;
  for (const m of before.matchAll(YEAR)) if (!m[1]) year = Number(m[2]);
  return year;
}

function baseYearOf(before: string, year: number | null): number | null {
  let base: number | null = null;
  for (const m of before.matchAll(COMPARISON)) base = m[3] ? Number(m[3]) : year === null ? null : year - 1;
  return base ?? (year === null ? null : year - 1);
}

function latestNamed(ctx: Context, name: string): AmountStatement | null {
  for (const list of [ctx.amounts, ctx.sheetAmounts]) {
    for (let i = list.length - 1; i >= 0; i--) if (list[i].subject === name && list[i].basis !== 'budget') return list[i];
  }
  return null;
}

function latestStarting(ctx: Context, prefix: string): AmountStatement | null {
  for (let i = ctx.amounts.length - 1; i >= 0; i--) if (ctx.amounts[i].subject?.startsWith(prefix)) return ctx.amounts[i];
  return null;
}

/** The amount a 其中 part belongs to: the one just before, else the paragraph's latest it fits. */
function parentFor(ctx: Context, inSentence: AmountStatement[], subject: Subject | null | undefined): AmountStatement | null {
  const candidates = ctx.amounts.filter((a) => a.parent === null).reverse();
  const before = inSentence[inSentence.length - 1];
  if (before) candidates.unshift(before);
  if (!subject) return candidates[0] ?? null;
  return candidates.find((a) => fits(subject, a)) ?? candidates[0] ?? null;
}

/** What one sentence has read so far. */
interface Sentence {
  text: string;
  /** 预算 and 决算 (or an execution rate) in one sentence: the 预算 figure is the plan. */
  contrast: boolean;
  amounts: AmountStatement[];
  /** The amount a running 其中 list belongs to. */
  listParent: AmountStatement | null;
  lastChange: ChangeStatement | null;
  lastChangeStart: number;
  /** The latest mention was a change amount: a following 占 has no part. */
  afterChange: boolean;
}

/** One mention in its sentence: the phrase right before it names what it is. */
interface At {
  m: Mention;
  lead: string;
  seg: string;
  segStart: number;
  before: string;
  year: number | null;
  source: (start: number) => Source;
}

function readSentence(ctx: Context, text: string): void {
  const ms = mentions(text);
  if (ms.length === 0) {
    const subject = resolveSubject(text.replace(/^\d+\./, ''));
    if (subject && subject.path) ctx.pending = subject;
    return;
  }
  const st: Sentence = {
    text, contrast: /决算|执行率|完成(年初|全年)?预算/.test(text), amounts: [], listParent: null,
    lastChange: null, lastChangeStart: 0, afterChange: false,
  };
  let prevEnd = 0;
  for (const m of ms) {
    const lead = text.slice(prevEnd, m.start);
    const seg = lastSegment(lead);
    const before = text.slice(0, m.start);
    const at: At = {
      m, lead, seg, segStart: m.start - seg.length, before, year: sentenceYear(before, ctx.docYear),
      source: (start) => ({
        sheet: ctx.sheet.name, r: ctx.p.r, c: ctx.p.c, cell: a1(ctx.p.r, ctx.p.c),
        clause: text.slice(Math.max(0, start), m.end), sentence: ctx.sentenceNo,
      }),
    };
    prevEnd = m.end;
    if (m.unit === '%') readPercent(ctx, st, at);
    else if (CHANGE_VERB.test(seg)) readChange(ctx, st, at, { ...m.value, unit: m.unit });
    else readAmount(ctx, st, at, { ...m.value, unit: m.unit });
  }
}

/** "比2022年减少0.3万元": the change of the subject before it, or of the sentence's topic. */
function readChange(ctx: Context, st: Sentence, at: At, amount: StatedAmount): void {
  const verb = CHANGE_VERB.exec(at.seg);
  if (!verb) return;
  const what = at.seg.slice(0, verb.index).replace(COMPARISON, '').replace(/各$/, '');
  let current: AmountStatement | null;
  let subject: string | null;
  if (GENERIC.test(what)) {
    const bare = /(收入|支出|收支)$/.exec(what);
    current = bare ? latestStarting(ctx, bare[1] === '支出' ? '支出' : '收入') : ctx.topic;
    subject = current?.subject ?? null;
  } else {
    const s = resolveSubject(what);
    subject = s ? s.names[0] : null;
    current = subject ? latestNamed(ctx, subject) : null;
  }
  st.lastChange = {
    kind: 'change', source: at.source(at.segStart), subject, year: at.year,
    direction: /增|上升/.test(verb[1]) ? 1 : -1, baseYear: baseYearOf(at.before, at.year), change: amount, percent: null, current,
  };
  st.lastChangeStart = at.segStart;
  st.afterChange = true;
  ctx.out.push(st.lastChange);
}

function readAmount(ctx: Context, st: Sentence, at: At, amount: StatedAmount): void {
  const { seg, lead } = at;
  let subject: Subject | null | undefined;
  if (INHERIT.test(seg)) {
    // "1.因公出国(境)费,全年预算为…": the subject stands before the amount's own phrase.
    const head = st.amounts.length ? undefined : resolveSubject(lead.slice(0, lead.length - seg.length).replace(/^\d+\.|[,;:、]+$/g, ''));
    const first = st.amounts[0];
    subject = first?.subject ? { names: [first.subject], family: first.family ?? 'other' } : head ?? ctx.pending ?? undefined;
  } else subject = resolveSubject(seg);
  let parent: AmountStatement | null = null;
  // Inside a list a further "主要包括：…" describes the item; it opens no sub-list.
  const marker = LIST_MARKER.test(lead);
  if (st.listParent && !marker) {
    parent = st.listParent;
    if (subject && TOTAL.test(subject.names[0])) parent = st.listParent = null; // a new total ends the 其中 list
  } else if (st.listParent) parent = st.listParent;
  else if (marker) parent = parentFor(ctx, st.amounts, subject);
  if (subject && parent && !fits(subject, parent)) subject = null;
  if (subject && !subject.path && !parent) ctx.pending = null;
  // "项目全年预算合计…，支出合计…": a generic total next to a non-figure names no table figure.
  if (subject && !parent && st.amounts.length && st.amounts[0].subject === null && TOTAL.test(subject.names[0])) subject = null;
  const basis = /决算/.test(seg) ? 'final' : st.contrast && /(年初|全年)预算|预算数/.test(seg) ? 'budget' : null;
  for (const name of subject ? subject.names : [null]) {
    const s: AmountStatement = {
      kind: 'amount', source: at.source(at.segStart), subject: name, year: at.year, amount,
      names: name === null ? [] : subject?.fallback ? [name, subject.fallback] : [name],
      family: subject ? subject.family : null, parent, basis,
    };
    st.amounts.push(s);
    ctx.amounts.push(s);
    ctx.sheetAmounts.push(s);
    ctx.out.push(s);
    if (!parent) ctx.topic = s;
  }
  if (parent) st.listParent = parent;
  st.afterChange = false;
}

function readPercent(ctx: Context, st: Sentence, at: At): void {
  const { seg, m } = at;
  const share = SHARE.exec(seg);
  if (share) {
    ctx.out.push(readShare(ctx, st, at, share[1]));
    return;
  }
  if (RATE.test(seg)) {
    const actual = [...st.amounts].reverse().find((s) => s.basis !== 'budget') ?? null;
    const planned = [...st.amounts].reverse().find((s) => s.basis === 'budget' && s !== actual) ?? null;
    ctx.out.push({ kind: 'rate', source: at.source(at.segStart), subject: actual?.subject ?? null, year: at.year, rate: m.value, actual, planned });
    return;
  }
  if (CHANGE_PERCENT.test(seg)) {
    if (st.lastChange && st.lastChange.percent === null) {
      st.lastChange.percent = m.value;
      st.lastChange.source.clause = st.text.slice(st.lastChangeStart, m.end);
      return;
    }
    st.lastChange = {
      kind: 'change', source: at.source(at.segStart), subject: ctx.topic?.subject ?? null, year: at.year,
      direction: /增|上升/.test(seg) ? 1 : -1, baseYear: baseYearOf(at.before, at.year), change: null, percent: m.value, current: ctx.topic,
    };
    ctx.out.push(st.lastChange);
    return;
  }
  ctx.out.push({ kind: 'other', source: at.source(at.segStart), subject: null, year: at.year, value: m.value });
}

/** "占71.64%" of the part just stated: of its 其中 parent, of a named base, or of its structural parent. */
function readShare(ctx: Context, st: Sentence, at: At, baseText: string): ShareStatement {
  const part = st.afterChange ? null : st.amounts[st.amounts.length - 1] ?? null;
  let whole: AmountStatement | null = null;
  let wholeName: string | null = null;
  if (baseText) {
    const base = resolveSubject(baseText);
    wholeName = base ? base.names[0] : null;
    whole = wholeName ? latestNamed(ctx, wholeName) : null;
  } else if (part?.parent) {
    whole = part.parent;
    wholeName = whole.subject;
  } else if (part?.subject) {
    wholeName = STRUCTURAL_PARENT[part.subject] ?? null;
    whole = wholeName ? latestNamed(ctx, wholeName) : null;
    // "…一般公共预算支出2805.56万元…。" then a paragraph "卫生健康支出2800.56万元，占99.82%".
    const prev = ctx.prevTopic;
    if (!wholeName && part.family && prev?.subject && fits({ names: [part.subject], family: part.family }, prev)) {
      whole = prev;
      wholeName = prev.subject;
    }
  }
  const start = part ? st.text.indexOf(part.source.clause) : at.segStart;
  return { kind: 'share', source: at.source(start), subject: part?.subject ?? null, year: at.year, share: at.m.value, part, whole, wholeName };
}

/** "…费支出决算0.00万元，完成全年预算的0.00%" with the 全年预算 stated in a later paragraph. */
function plannedFromElsewhere(statements: Statement[]): void {
  const planned = new Map<string, AmountStatement>();
  for (const s of statements) if (s.kind === 'amount' && s.basis === 'budget' && s.subject) planned.set(s.subject, s);
  for (const s of statements) {
    if (s.kind === 'rate' && !s.planned && s.subject) s.planned = planned.get(s.subject) ?? null;
  }
}

/** Every statement in the sheet's prose cells, in reading order. */
export function extractStatements(sheet: SheetSnapshot): Statement[] {
  const paras = paragraphs(sheet);
  const docYear = documentYear(paras.map((p) => p.text));
  const out: Statement[] = [];
  const sheetAmounts: AmountStatement[] = [];
  let sentenceNo = 0;
  let prevTopic: AmountStatement | null = null;
  for (const p of paras) {
    // A paragraph with no amount or percentage in it states nothing: its sentences are only counted.
    if (!HAS_MENTION.test(p.text)) {
      sentenceNo += p.text.split(/[。!?]/).length;
      continue;
    }
    const ctx: Context = { sheet, p, docYear, amounts: [], sheetAmounts, topic: null, prevTopic, pending: null, sentenceNo, out };
    for (const sentence of p.text.split(/[。!?]/)) {
      if (sentence) readSentence(ctx, sentence);
      ctx.sentenceNo++;
    }
    sentenceNo = ctx.sentenceNo;
    if (ctx.topic) prevTopic = ctx.topic;
  }
  plannedFromElsewhere(out);
  return out;
}
