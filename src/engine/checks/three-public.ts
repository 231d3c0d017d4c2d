// 三公 composition (DOMAIN §2.1): 合计 = 因公出国(境)费 + 公务用车购置及运行费 + 公务接待费,
// and 公务用车购置及运行费 = 购置费 + 运行(维护)费. Items stand as columns (one data row,
// or a 预算数 block and a 决算数 block) or as rows (transposed).
import { Dec } from '../amount';
import type { BodyRow, Column } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { compare, type Cell } from './emit';
import { pushTo } from '../collections';
import { valueAt } from './values';

export type Part = 'total' | 'abroad' | 'car' | 'carBuy' | 'carRun' | 'reception';

/** Which 三公 item a column path or row label names. */
export function partOf(path: string): Part | null {
  if (/出国/.test(path)) return 'abroad';
  if (/接待/.test(path)) return 'reception';
  if (/购置及运行|购置和运行|购置与运行/.test(path)) {
    if (/(小计|合计)$|(购置及运行|购置和运行|购置与运行)(维护)?费?$/.test(path)) return 'car';
    if (/运行(维护)?费?$/.test(path)) return 'carRun';
    if (/购置费?$/.test(path)) return 'carBuy';
    return null;
  }
  if (/公务用车|车辆/.test(path)) {
    if (/运行|运维|维护/.test(path)) return 'carRun';
    if (/购置/.test(path)) return 'carBuy';
  }
  if (/合计|总计/.test(path)) return 'total';
  return null;
}

interface Slot {
  label: string;
  cell: Cell;
  value: Dec | null;
}

type Parts = Partial<Record<Part, Slot>>;

const NAMES: Record<Part, string> = {
  total: '“三公”经费合计', abroad: '因公出国（境）费', car: '公务用车购置及运行费',
  carBuy: '公务用车购置费', carRun: '公务用车运行（维护）费', reception: '公务接待费',
};

function sum(slots: (Slot | undefined)[]): Dec | null {
  let t: Dec | null = null;
  for (const s of slots) if (s?.value) t = (t ?? new Dec(0)).plus(s.value);
  return t;
}

function checkParts(table: Table, p: Parts, where: string): Finding[] {
  const out: Finding[] = [];
  const rel = (result: Part, terms: Part[]): void => {
    const r = p[result];
    const slots = terms.map((t) => p[t]).filter((s): s is Slot => s !== undefined);
    if (!r || slots.length < 2) return;
    const f = compare(table, {
      rule: 'three_public.composition',
      cell: r.cell,
      expected: sum(slots),
      actual: r.value,
      addends: slots.length,
      related: slots.map((s) => s.cell),
      what: `${where}${NAMES[result]}应等于${terms.filter((t) => p[t]).map((t) => NAMES[t]).join('+')}`,
    });
    if (f) out.push(f);
  };
  rel('car', ['carBuy', 'carRun']);
  rel('total', p.car ? ['abroad', 'car', 'reception'] : ['abroad', 'carBuy', 'carRun', 'reception']);
  return out;
}

export function checkThreePublic(table: Table): Finding[] {
  const out: Finding[] = [];
  for (const seg of table.layout.segments) {
    const cols = seg.measures;
    const colParts = cols.map((c) => partOf(c.path.join('')));
    if (colParts.filter((x) => x !== null).length >= 3) {
      // Items as columns: one block per top-level group (预算数 | 决算数).
      const blocks = new Map<string, number[]>();
      cols.forEach((c: Column, j) => {
        const top = c.path.length > 1 && partOf(c.path[0]) === null ? c.path[0] : '';
        pushTo(blocks, top, j);
      });
      for (const row of seg.rows) {
        for (const [block, js] of blocks) {
          const p: Parts = {};
          for (const j of js) {
            const part = partOf(cols[j].path.slice(block ? 1 : 0).join(''));
            if (part && !p[part]) p[part] = { label: cols[j].path.join('/'), cell: { r: row.r, c: row.cols[j] }, value: valueAt(row, j) };
          }
          out.push(...checkParts(table, p, block ? `${block}：` : ''));
        }
      }
      continue;
    }
    // Items as rows: each amount column separately.
    const rowParts = new Map<Part, BodyRow>();
    for (const row of seg.rows) {
      const part = partOf(row.bare);
      if (part && !rowParts.has(part)) rowParts.set(part, row);
    }
    if (rowParts.size < 3) continue;
    cols.forEach((c, j) => {
      const p: Parts = {};
      for (const [part, row] of rowParts) p[part] = { label: row.label, cell: { r: row.r, c: row.cols[j] }, value: valueAt(row, j) };
      out.push(...checkParts(table, p, cols.length > 1 ? `「${c.path.join('/')}」列：` : ''));
    });
  }
  return out;
}
