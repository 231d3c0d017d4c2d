// An empty table must say why (本表无数据 / 无此项), in its footnotes or in the 说明 text;
// a blank table without a word is a warning (DOMAIN §4.3).
import { a1 } from '../address';
import type { SheetSnapshot } from '../grid';
import type { Finding } from '../report';
import { specOf } from '../specs';
import type { Table } from '../table';
import { norm } from '../text';

const EXPLAINED = /无数据|无此项|没有|未安排|不涉及|无相关|为零|为0|空表|无.{0,12}(收入|支出|预算|经费|项目|安排)/;

/** The subject a 说明 sentence would name for the table ("政府性基金", "三公"). */
function subject(t: Table): string | null {
  const m = /(政府性基金|国有资本经营|三公|政府采购|政府购买服务|机关运行经费|项目支出|基本支出)/.exec(norm(t.region.title));
  return m ? m[1] : null;
}

/** Long texts of the workbook, normalized: where a 说明 would explain an empty table. */
export function proseOf(sheets: SheetSnapshot[]): string[] {
  const out: string[] = [];
  for (const s of sheets) for (const row of s.values) for (const v of row ?? []) if (typeof v === 'string' && v.length >= 10) out.push(norm(v));
  return out;
}

/** The warning for a table with no figure at all and no word on why; `prose` is read only when needed. */
export function checkEmptyTable(t: Table, prose: () => string[]): Finding | null {
  const shape = specOf(t.type)?.shape;
  if (!shape || shape === 'text') return null;
  if (t.layout.segments.some((s) => s.figures.count > 0)) return null;
  if (t.region.footnotes.some((f) => EXPLAINED.test(norm(f)))) return null;
  const subj = subject(t);
  if (subj && prose().some((p) => p.includes(subj) && EXPLAINED.test(p))) return null;
  const r = t.region.titleRow ?? t.region.headerStart;
  return {
    rule: 'empty.unexplained', severity: 'warning', table: t.id, sheet: t.view.name, cell: a1(r, t.region.c0),
    expected: '0', actual: '0', difference: '0', tolerance: '0',
    message: `「${t.region.title || t.view.name}」没有任何数字，但表中和说明中均未注明原因（应注明“本表无数据”或说明无此项支出的原因）`,
    related: [],
  };
}
