// Recognition phase: sheet → regions → layout → type, unit and rounding per table.
import { classify, gatherEvidence } from './classify';
import type { WorkbookSnapshot } from './grid';
import { readLayout, type Layout } from './layout';
import { findRegions, type Region } from './regions';
import type { TableType } from './report';
import { makeRounding, UNIT_SCALE } from './rounding';
import { SheetView } from './sheet-view';
import type { Table, TableHead } from './table';
import { rangeA1 } from './address';
import type { Dec } from './amount';
import { inferEconomicCodes } from './infer-codes';
import { specOf } from './specs';

const UNIT_RE = /(?:单位|金额单位)[:：]?(?:人民币)?(万元|千元|百万元|亿元|元)|^[(（]?(万元|千元|亿元|元)[)）]?$/;
const UNIT_LABEL_ALONE = /单位[:：]$/;
const UNIT_IN_HEADER = /[(（](万元|千元|亿元|元)[)）]/;
// 绩效 tables name the unit beside their amounts: "项目资金（元）", "部门预算总额（万元）".
const UNIT_BESIDE_AMOUNT = /(资金|金额|总额)[^(（]{0,4}[(（](?:单位[:：]?)?(万元|千元|亿元|元)[)）]/;
const ENTITY = /(?:部门名称|单位名称|编制单位|预算单位|填报单位|部门\(单位\)名称)[:：](.+)$/;
const UNIT_TEXT = /单位[:：]?(万元|元)/;
const ENTITY_LABEL_ALONE = /(部门名称|单位名称)[:：]?$/;

function metaTexts(v: SheetView, region: Region): string[] {
  const rows = [...region.metaRows];
  if (region.titleRow !== null) rows.push(region.titleRow);
  const out: string[] = [];
  for (const r of rows) for (let c = region.c0; c <= region.c1 + 8; c++) if (v.n(r, c) !== '') out.push(v.n(r, c));
  return out;
}

function unitOf(v: SheetView, region: Region, layout: Layout): string | null {
  const texts = metaTexts(v, region);
  for (let i = 0; i < texts.length; i++) {
    const m = UNIT_RE.exec(texts[i]);
    if (m) return m[1] ?? m[2];
    // "单位：" in one cell and "万元" in the next.
    if (UNIT_LABEL_ALONE.test(texts[i]) && texts[i + 1] && UNIT_SCALE[texts[i + 1]] !== undefined) return texts[i + 1];
  }
  for (const col of layout.columns) {
    for (const p of col.path) {
      const m = UNIT_IN_HEADER.exec(p);
      if (m) return m[1];
    }
  }
  // 绩效 tables name the unit beside their amounts: "项目资金（元）", "部门预算总额（万元）".
  for (let r = region.headerStart; r <= region.bodyEnd; r++) {
    for (let c = region.c0; c <= Math.min(region.c1, region.c0 + 3); c++) {
      const m = UNIT_BESIDE_AMOUNT.exec(v.n(r, c));
      if (m) return m[2];
    }
  }
  return null;
}

function entityOf(v: SheetView, region: Region): string {
  for (const t of metaTexts(v, region)) {
    const m = ENTITY.exec(t);
    if (m && !UNIT_TEXT.test(m[1])) return m[1];
  }
  // "部门名称：" alone, the name in the next cell.
  const texts = metaTexts(v, region);
  const i = texts.findIndex((t) => ENTITY_LABEL_ALONE.test(t));
  return i >= 0 && texts[i + 1] && !UNIT_RE.test(texts[i + 1]) ? texts[i + 1] : '';
}

/**
 * The decimals the table's figures are shown with: the most common count among non-zero
 * figures that show decimals at all ("28" beside "780.84" is 28.00 with its zeros dropped).
 */
function shownDecimals(layout: Layout): number {
  // Non-zero amounts (not percentages) by the decimals they show.
  const counts: number[] = [];
  for (const seg of layout.segments) seg.figures.byDecimals.forEach((k, d) => (counts[d] = (counts[d] ?? 0) + k));
  let best = 0;
  // The most common count of decimals above zero; ties go to the finer one.
  for (let d = 1; d < counts.length; d++) if ((counts[d] ?? 0) > 0 && (best === 0 || counts[d] >= counts[best])) best = d;
  if (best > 0) return best;
  return counts.length > 0 ? 0 : 2; // whole figures only, or no figure at all
}

export interface RecognizeOptions {
  fixedTolerance: Dec | null;
  typeOverrides: Record<string, TableType>;
}

function hasTableContent(region: Region, layout: Layout, type: TableType): boolean {
  if (type !== 'unknown') return true;
  const amounts = layout.segments.reduce((n, s) => n + s.figures.count, 0);
  return amounts >= 4 && layout.headerRows.length > 0 && region.bodyEnd >= region.bodyStart;
}

export function regionRange(region: Region): string {
  const r0 = region.titleRow ?? region.headerStart;
  return rangeA1({ r0, c0: region.c0, r1: Math.max(region.bodyEnd, region.bodyStart - 1), c1: region.c1 });
}

interface Recognized {
  index: number;
  /** The head's fields known before the unit. */
  found: Omit<TableHead, 'id' | 'unit' | 'rounding'>;
  layout: Layout;
  decimals: number;
}

/**
 * Recognizes every table of the workbook and hands each to `visit` as soon as its unit is
 * known (tables are numbered t1, t2 … in sheet order). A table that does not state its unit
 * shares the workbook's usual one, so those few are handed over at the end. Returns the
 * tables' heads in order.
 */
export function forEachTable(workbook: WorkbookSnapshot, options: RecognizeOptions, visit: (table: Table, index: number) => void): TableHead[] {
  const heads: TableHead[] = [];
  const unstated: Recognized[] = [];
  const counts = new Map<string, number>();
  const overrides = Object.keys(options.typeOverrides).length > 0;
  const finish = (r: Recognized, unit: string): void => {
    // The head holds no layout: it outlives the table's rows.
    const head: TableHead = { ...r.found, id: `t${r.index + 1}`, unit, rounding: makeRounding(unit, r.decimals, options.fixedTolerance) };
    heads[r.index] = head;
    visit({ ...head, layout: r.layout, head }, r.index);
  };
  let index = 0;
  for (const sheet of workbook.sheets) {
    const view = new SheetView(sheet);
    for (const region of findRegions(view)) {
      const entity = entityOf(view, region);
      const layout = readLayout(view, region, entity);
      const found = classify(gatherEvidence(view, region, layout));
      const override = overrides ? options.typeOverrides[`${sheet.name}!${regionRange(region)}`] : undefined;
      const cls = override ? { type: override, confidence: 1 } : found;
      if (!hasTableContent(region, layout, cls.type)) continue;
      if (specOf(cls.type)?.shape === 'economic') inferEconomicCodes(layout);
      const r: Recognized = { index: index++, found: { view, region, entity, ...cls }, layout, decimals: shownDecimals(layout) };
      const unit = unitOf(view, region, layout);
      if (unit === null) {
        unstated.push(r);
        continue;
      }
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
      finish(r, unit);
    }
  }
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '万元';
  for (const r of unstated) finish(r, usual);
  return heads;
}

/** Every table with its layout, in order (tests and tools; the engine streams with forEachTable). */
export function recognize(workbook: WorkbookSnapshot, options: RecognizeOptions): Table[] {
  const tables: Table[] = [];
  forEachTable(workbook, options, (t, i) => (tables[i] = t));
  return tables;
}
