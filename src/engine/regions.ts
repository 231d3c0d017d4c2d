// Finds table regions on a sheet: title row, meta rows (部门名称/单位/公开NN表/年度),
// header rows, body rows and footnotes. Several tables may stand on one sheet.
import { fold, type SheetView } from './sheet-view';
import { hasDigit } from './text';

export interface Region {
  titleRow: number | null;
  title: string;
  /** Rows between title and header: 部门名称, 单位, 公开01表, 年度. */
  metaRows: number[];
  headerStart: number;
  bodyStart: number;
  /** Last non-footnote data row (inclusive); bodyEnd < bodyStart when the body is empty. */
  bodyEnd: number;
  footnotes: string[];
  /** First and last column used by the header and body. */
  c0: number;
  c1: number;
  /** Whether a 行次/栏次 column-number row appears in the header. */
  hasColumnNumbers: boolean;
}

const FOOTNOTE = /^(注|备注|说明|填表说明|填报说明|数据来源|附注)\s*[:：0-9１-９、.]/;
const MARKER = /^(附表|部门公开表|预算公开表|公开表|预算表|预算|公开|附)\d{1,2}表?$|^\d{1,2}表$|^(附表|部门公开表|预算公开表)[一二三四五六七八九十]+$/;
const META = /(单位[:：]|^单位$|金额单位|部门名称|单位名称|编制单位|预算单位|填报单位|^部门[:：]|公开\d+表|公开表\d+|预算公开表|部门公开表|^\d{4}年度?$|^\d{4}年\d{1,2}月|^(单位)?(万元|元|千元|亿元)$)/;
const TITLE_WORDS = /(表|预算|决算|收支|支出|收入|三公|绩效|情况|明细)/;
// Patterns live here, not in the functions: a regex literal is a new object each time it is evaluated.
const SMALL_NUMBER = /^\d{1,2}$/;
const COLUMN_NUMBER_LABEL = /^(栏次|行次|[甲乙丙丁]|项目|栏号)$/;
const NOT_TITLE = /说明$|^第[一二三四五六七八九十\d]+部分|目录/;
const NUMBERED = /^[一二三四五六七八九十]+[、.]|^[(（][一二三四五六七八九十]+[)）]|^\d+[、.]/;
const TITLE_END = /(清单|一览|汇总|明细|情况)$/;
const CODE = /^\d{3,9}$/;
const ORDINAL_LABEL = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])\S/;
const TOTAL_LABEL = /^(合计|总计|本年收入合计|本年支出合计|部门合计)$/;
const NEXT_MARKER = /公开|表\d*$/;

const NUMERIC_TEXT = /^[+-]?[\d,]+(\.\d+)?%?$/;
const DASHES = /^[-—–―─]+$/;

/** A dash-only cell ("—" for no value), judged on the first character before the pattern runs: this runs per text cell. */
function isDashes(t: string): boolean {
  const ch = t.charCodeAt(0);
  return (ch === 0x2d || (ch >= 0x2013 && ch <= 0x2015) || ch === 0x2500) && DASHES.test(t);
}

/**
 * What region finding needs of a row: its non-empty cells, how many hold figures, and (read
 * only when asked: body rows seldom need them) their normalized texts. A figure's text is "#"
 * unless it is a small whole number (栏次 rows "1 2 3"): no string per figure.
 */
class RowInfo {
  /** Non-empty cells (an "unmerge and fill" label repeated across the row counts once). */
  count = 0;
  numbers = 0;
  /** Figures other than small whole numbers: a 栏次 row has none. */
  bigNumbers = 0;
  first = -1;
  last = -1;
  private textList: string[] | null = null;

  constructor(private readonly v: SheetView, private readonly r: number) {
    const len = v.rowLength(r);
    for (let c = 0; c < len; c++) {
      const raw = v.raw(r, c);
      if (raw === null) continue;
      if (typeof raw === 'number') {
        this.numbers++;
        if (!isSmallWhole(raw)) this.bigNumbers++;
      } else {
        const t = typeof raw === 'string' ? fold(raw) : v.n(r, c);
        if (t === '' || isDashes(t)) continue;
        if (hasDigit(t) && NUMERIC_TEXT.test(t)) {
          this.numbers++;
          if (!SMALL_NUMBER.test(t)) this.bigNumbers++;
        }
      }
      if (this.first < 0) this.first = c;
      this.last = c;
      this.count++;
    }
    // An "unmerge and fill" export repeats one label across the row: read it as one cell.
    if (this.numbers === 0 && this.count > 1 && this.last - this.first === this.count - 1) {
      const texts = this.texts;
      if (texts.every((t) => t === texts[0])) {
        this.textList = [texts[0]];
        this.count = 1;
      }
    }
  }

  get texts(): string[] {
    return (this.textList ??= this.read());
  }

  private read(): string[] {
    const texts: string[] = [];
    for (let c = this.first; c >= 0 && c <= this.last; c++) {
      const raw = this.v.raw(this.r, c);
      if (raw === null) continue;
      if (typeof raw === 'number') {
        texts.push(isSmallWhole(raw) ? String(raw) : '#');
        continue;
      }
      const t = this.v.n(this.r, c);
      if (t !== '' && !isDashes(t)) texts.push(t);
    }
    return texts;
  }
}

function isSmallWhole(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n < 100;
}

function isMetaRow(info: RowInfo): boolean {
  if (info.count === 0 || info.count > 4) return false;
  return info.texts.some((t) => META.test(t) || MARKER.test(t)) && info.texts.every((t) => t.length < 50);
}

/** A "1 2 3 …" column-number row (栏次), possibly with a 栏次 label. One pass: it runs per row. */
export function isColumnNumberRow(texts: string[]): boolean {
  let prev = -1;
  let count = 0;
  for (const t of texts) {
    if (SMALL_NUMBER.test(t)) {
      const n = Number(t);
      if (prev < 0 ? n > 2 : n !== prev + 1) return false;
      prev = n;
      count++;
    } else if (!COLUMN_NUMBER_LABEL.test(t)) return false;
  }
  return count >= 2;
}

function isTitleRow(v: SheetView, r: number, info: RowInfo): boolean {
  if (info.count !== 1 || info.numbers > 0) return false;
  const t = info.texts[0];
  if (t.length < 4 || t.length > 70 || FOOTNOTE.test(t) || META.test(t) || MARKER.test(t)) return false;
  if (NOT_TITLE.test(t) || NUMBERED.test(t)) return false;
  const merge = v.mergeAt(r, info.first);
  const wide = (merge !== undefined && merge.c1 > merge.c0) || info.last > info.first;
  return t.includes('表') || TITLE_END.test(t) || (wide && TITLE_WORDS.test(t));
}

function isDataRow(info: RowInfo): boolean {
  if (info.count === 0) return false;
  if (info.bigNumbers === 0 && isColumnNumberRow(info.texts)) return false;
  if (info.numbers > 0) return true;
  if (info.texts.some((t) => CODE.test(t))) return true;
  // An ordinal row label ("一、一般公共预算") starts the body even when its figures are blank.
  if (info.texts.some((t) => ORDINAL_LABEL.test(t))) return true;
  // A 合计 row with no figures (本表无数据) — but not a header row that names a 合计 column.
  return info.texts.length <= 2 && info.texts.some((t) => TOTAL_LABEL.test(t));
}

/** Splits a sheet into table regions. Prose-only sheets give none. */
export function findRegions(v: SheetView): Region[] {
  const infos: RowInfo[] = [];
  for (let r = 0; r < v.rows; r++) infos.push(new RowInfo(v, r));
  const titles: number[] = [];
  for (let r = 0; r < v.rows; r++) {
    if (!isTitleRow(v, r, infos[r])) continue;
    // A title is followed within a few rows by a multi-cell (header) row.
    let ok = false;
    for (let k = r + 1; k < Math.min(v.rows, r + 10); k++) {
      if (infos[k].count >= 2 && !isMetaRow(infos[k])) {
        ok = true;
        break;
      }
      if (k > r + 1 && isTitleRow(v, k, infos[k])) break;
    }
    if (ok) titles.push(r);
  }

  const starts: (number | null)[] = titles.length > 0 ? titles.slice() : [];
  // Tabular content above the first title (or on a sheet with no title) forms an untitled region.
  const firstTitle = titles[0] ?? v.rows;
  const hasTableAbove = infos.slice(0, firstTitle).some((i) => i.count >= 2 && i.numbers > 0);
  if (hasTableAbove) starts.unshift(null);

  const regions: Region[] = [];
  for (let i = 0; i < starts.length; i++) {
    const titleRow = starts[i];
    const from = titleRow === null ? 0 : titleRow + 1;
    let to = i + 1 < starts.length ? (starts[i + 1] as number) - 1 : v.rows - 1;
    if (titleRow === null) to = firstTitle - 1;
    const region = buildRegion(v, infos, titleRow, from, to);
    if (region) regions.push(region);
  }
  return regions;
}

function buildRegion(v: SheetView, infos: RowInfo[], titleRow: number | null, from: number, to: number): Region | null {
  const metaRows: number[] = [];
  let r = from;
  for (; r <= to; r++) {
    const info = infos[r];
    if (info.count === 0) continue;
    if (isMetaRow(info) && !isDataRow(info)) {
      metaRows.push(r);
      continue;
    }
    break;
  }
  // Marker rows such as "公开 02 表" just above the next title belong to that table.
  while (to > r && (infos[to].count === 0 || (isMetaRow(infos[to]) && infos[to].count === 1 && NEXT_MARKER.test(infos[to].texts[0])))) to--;
  const headerStart = r;
  let bodyStart = r;
  while (bodyStart <= to && !isDataRow(infos[bodyStart])) {
    const info = infos[bodyStart];
    if (info.count === 1 && FOOTNOTE.test(info.texts[0])) break;
    bodyStart++;
  }
  // The body runs to the last row with figures or several cells; text after it is footnotes.
  // (Long text inside the body — 绩效 tables' 指标说明 — stays body.)
  let bodyEnd = bodyStart - 1;
  for (let k = bodyStart; k <= to; k++) {
    const info = infos[k];
    if (info.count === 0 || (info.count === 1 && FOOTNOTE.test(info.texts[0]))) continue;
    if (info.count >= 2 || isDataRow(info)) bodyEnd = k;
  }
  const footnotes: string[] = [];
  for (let k = bodyStart; k <= to; k++) {
    const info = infos[k];
    if (info.count === 0) continue;
    if (k > bodyEnd || (info.count === 1 && FOOTNOTE.test(info.texts[0]))) footnotes.push(info.texts.join(''));
  }
  // Footnotes before any body (empty table) also count.
  for (let k = headerStart; k < bodyStart && k <= to; k++) {
    const info = infos[k];
    if (info.count === 1 && FOOTNOTE.test(info.texts[0])) footnotes.push(info.texts[0]);
  }
  let headerEnd = bodyStart - 1;
  while (headerEnd >= headerStart && infos[headerEnd].count === 1 && FOOTNOTE.test(infos[headerEnd].texts[0])) headerEnd--;
  if (headerEnd < headerStart && bodyEnd < bodyStart) return null;

  let c0 = Number.MAX_SAFE_INTEGER;
  let c1 = -1;
  let hasColumnNumbers = false;
  const last = Math.max(bodyEnd, headerEnd);
  for (let k = headerStart; k <= last; k++) {
    const info = infos[k];
    if (info.count === 0) continue;
    if (k < bodyStart && info.bigNumbers === 0 && isColumnNumberRow(info.texts)) hasColumnNumbers = true;
    c0 = Math.min(c0, info.first);
    const m = v.mergeAt(k, info.last);
    c1 = Math.max(c1, m ? m.c1 : info.last);
  }
  if (c1 < 0) return null;
  const title = titleRow === null ? '' : v.str(titleRow, infos[titleRow].first).trim();
  return { titleRow, title, metaRows, headerStart, bodyStart: Math.min(bodyStart, headerEnd + 1), bodyEnd, footnotes, c0, c1, hasColumnNumbers };
}
