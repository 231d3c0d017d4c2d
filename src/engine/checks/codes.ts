// Classification sanity (DOMAIN §3): a code whose name differs from its standard name is a
// warning (the lists are partial and wording drifts between years, so unknown codes and
// near-identical names pass); a 项 listed under a 款 that is not its own is an error.
import { a1 } from '../address';
import { ECONOMIC_CODES, FUNCTION_CODES } from '../data/code-lists';
import type { BodyRow, Segment } from '../layout';
import type { Finding } from '../report';
import type { Table } from '../table';
import { key } from '../text';
import { Memo } from '../collections';

function core(s: string): string {
  return key(s).replace(/支出$/, '').replace(/费用?$/, '');
}

/** Written and standard names in comparison form, computed once per text. */
const cores = new Memo(core);

/** Names that hold one another pass: wording drifts between years and lists. */
function sameName(written: string, standard: string): boolean {
  return written === standard || standard.includes(written) || written.includes(standard);
}

function finding(t: Table, seg: Segment, row: BodyRow, rule: string, severity: 'error' | 'warning', expected: string, message: string): Finding {
  const c = seg.columns.find((x) => x.role === 'code' || x.role === 'unitCode')?.c ?? seg.labelCol;
  return {
    rule, severity, table: t.id, sheet: t.view.name, cell: a1(row.r, c),
    expected, actual: row.code ?? '', difference: '0', tolerance: '0', message, related: [],
  };
}

export function checkCodes(t: Table): Finding[] {
  const out: Finding[] = [];
  for (const seg of t.layout.segments) {
    const coded = seg.rows.filter((r) => r.code && (r.dim === 'function' || r.dim === 'economic') && r.kind === 'item');
    const hasKuan = coded.some((r) => r.dim === 'function' && r.code!.length === 5);
    let visualParent: BodyRow | null = null;
    for (const row of coded) {
      const code = row.code!;
      const list = row.dim === 'function' ? FUNCTION_CODES : ECONOMIC_CODES;
      const standard = list.get(code);
      if (standard && row.bare !== '' && !sameName(cores.get(row.bare), cores.get(standard))) {
        out.push(finding(t, seg, row, 'code.name', 'warning', code, `科目 ${code} 的标准名称为「${standard}」，表中写作「${row.label}」，请核对科目编码或名称`));
      }
      if (row.dim === 'function' && hasKuan) {
        if (code.length === 5 || code.length === 3) visualParent = row;
        else if (code.length === 7 && visualParent && visualParent.code!.length === 5 && !code.startsWith(visualParent.code!)) {
          out.push(finding(t, seg, row, 'code.hierarchy', 'error', visualParent.code!, `项 ${code}（${row.label}）列在款 ${visualParent.code}（${visualParent.label}）之下，但其编码前五位为 ${code.slice(0, 5)}：科目编码与层级不符`));
        }
      }
    }
  }
  return out;
}
