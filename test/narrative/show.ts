// One line per statement, for table-driven expectations.
import type { Statement } from '../../src/engine/narrative/extract';

export function show(s: Statement): string {
  const amt = (x: { amount: { text: string; unit: string } } | null): string => (x ? `${x.amount.text}${x.amount.unit}` : '-');
  switch (s.kind) {
    case 'amount':
      return `amount ${s.subject} ${amt(s)}${s.parent ? ` ⊂ ${s.parent.subject}` : ''}${s.basis ? ` (${s.basis})` : ''}`;
    case 'share':
      return `share ${s.subject} ${s.share.text}% = ${amt(s.part)} / ${s.wholeName ?? '?'} ${amt(s.whole)}`;
    case 'change':
      return `change ${s.subject} ${s.direction > 0 ? '+' : '-'}${s.change ? amt({ amount: s.change }) : '-'} ${s.percent ? `${s.percent.text}%` : '-'} vs ${s.baseYear} of ${amt(s.current)}`;
    case 'rate':
      return `rate ${s.subject} ${s.rate.text}% = ${amt(s.actual)} / ${amt(s.planned)}`;
    case 'other':
      return `other ${s.value.text}`;
  }
}
