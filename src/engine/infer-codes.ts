// Economic tables written with names only ("工资福利支出 / 基本工资 …", seed 004): the
// standard names give the codes, so the code hierarchy can be checked as usual. A 款 name
// shared by several 类 (其他…) is resolved by the 类 row above it.
import { ECONOMIC_CODES } from './data/code-lists';
import type { Layout } from './layout';
import { key } from './text';
import { pushTo } from './collections';

const BY_NAME = new Map<string, string[]>();
for (const [code, name] of ECONOMIC_CODES) {
  if (!code.startsWith('3')) continue; // 部门预算经济分类 only; 政府 5xx names overlap
  const k = key(name);
  pushTo(BY_NAME, k, code);
}

export function inferEconomicCodes(layout: Layout): void {
  for (const seg of layout.segments) {
    const items = seg.rows.filter((r) => r.kind === 'item');
    if (items.length === 0 || items.some((r) => r.code !== null)) continue;
    const known = items.filter((r) => BY_NAME.has(r.bare)).length;
    if (known < Math.max(2, items.length / 2)) continue;
    let lei = '';
    for (const row of items) {
      const codes = BY_NAME.get(row.bare);
      if (!codes) continue;
      const cls = codes.find((c) => c.length === 3);
      if (cls) {
        lei = cls;
        row.code = cls;
      } else {
        row.code = codes.find((c) => c.startsWith(lei)) ?? (codes.length === 1 ? codes[0] : null);
      }
      if (row.code) row.dim = 'economic';
    }
  }
}
