import * as React from 'react';
import { parseRangeA1 } from '../engine/address';
import { columnName } from '../engine/address';
import type { CellRange } from '../engine/grid';
import type { CellState, FakeWorkbook } from '../fake-excel';

export interface SheetGridProps {
  /** The fake's inspection API; the grid re-renders on its change listener. */
  workbook: FakeWorkbook;
}

interface Selection {
  sheet: string;
  range: CellRange;
}

/** "'表1'!C12:D13" → { sheet: '表1', range }. */
function parseQualified(address: string): { sheet: string; ref: string } {
  const bang = address.lastIndexOf('!');
  const rawSheet = address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return { sheet, ref: address.slice(bang + 1) };
}

function currentSelection(wb: FakeWorkbook): Selection | null {
  const sel = wb.selection;
  if (!sel) return null;
  const { sheet, ref } = parseQualified(sel.address);
  try {
    return { sheet, range: parseRangeA1(ref) };
  } catch {
    return null;
  }
}

function inRange(r: number, c: number, g: CellRange | undefined): boolean {
  return !!g && r >= g.r0 && r <= g.r1 && c >= g.c0 && c <= g.c1;
}

/** A read-only HTML rendering of the fake workbook: tabs, values, fills, notes, selection. */
export default function SheetGrid({ workbook }: SheetGridProps): React.JSX.Element {
  const [version, setVersion] = React.useState(0);
  const names = React.useMemo(() => workbook.sheetNames(), [workbook, version]);
  const [active, setActive] = React.useState<string>(() => workbook.activeSheet ?? names[0] ?? '');
  const selection = currentSelection(workbook);
  const lastSelection = React.useRef<string | null>(null);
  const scroller = React.useRef<HTMLDivElement>(null);

  React.useEffect(() => workbook.onChange(() => setVersion((v) => v + 1)), [workbook]);

  // Follow the add-in's selection to its sheet, once per new selection.
  React.useEffect(() => {
    const key = workbook.selection?.address ?? null;
    if (key === lastSelection.current) return;
    lastSelection.current = key;
    if (selection && selection.sheet !== active) setActive(selection.sheet);
  });

  React.useEffect(() => {
    const el = scroller.current?.querySelector<HTMLElement>('td[data-selected="true"]');
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [version, active]);

  const snapshot = React.useMemo(() => workbook.toSnapshot(), [workbook, version]);
  const sheet = snapshot.sheets.find((s) => s.name === active) ?? snapshot.sheets[0];
  if (!sheet) return <div className="pg-empty">（空工作簿）</div>;

  const rows = sheet.values.length;
  const cols = sheet.values.reduce((n, r) => Math.max(n, r?.length ?? 0), 0);
  const covered = new Set<string>();
  const spans = new Map<string, CellRange>();
  for (const m of sheet.merges) {
    spans.set(`${m.r0},${m.c0}`, m);
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
  }
  const sel = selection && selection.sheet === sheet.name ? selection.range : undefined;

  const cellView = (r: number, c: number): React.JSX.Element | null => {
    if (covered.has(`${r},${c}`)) return null;
    const addr = `${columnName(c)}${r + 1}`;
    const st: CellState = workbook.cell(sheet.name, addr);
    const span = spans.get(`${r},${c}`);
    const note = st.note ?? st.comment?.content ?? null;
    const selected = inRange(r, c, sel);
    const numeric = typeof st.value === 'number';
    const tip = note ? `${addr}\n${note}` : undefined;
    return (
      <td
        key={c}
        rowSpan={span ? span.r1 - span.r0 + 1 : undefined}
        colSpan={span ? span.c1 - span.c0 + 1 : undefined}
        className={[numeric ? 'num' : '', selected ? 'sel' : '', note ? 'has-note' : ''].join(' ').trim() || undefined}
        style={st.fill ? { backgroundColor: st.fill } : undefined}
        title={tip}
        data-addr={addr}
        data-fill={st.fill ?? undefined}
        data-note={note ?? undefined}
        data-selected={selected ? 'true' : undefined}
      >
        {st.text}
        {note && <span className="note-mark" aria-label="有批注" />}
      </td>
    );
  };

  return (
    <div className="pg-grid">
      <div className="pg-sheet" ref={scroller}>
        <table data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className="corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" className={sel && c >= sel.c0 && c <= sel.c1 ? 'hdr-sel' : undefined}>
                  {columnName(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, r) => (
              <tr key={r}>
                <th scope="row" className={sel && r >= sel.r0 && r <= sel.r1 ? 'hdr-sel' : undefined}>
                  {r + 1}
                </th>
                {Array.from({ length: cols }, (_, c) => cellView(r, c))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="pg-tabs" role="tablist" aria-label="工作表">
        {names.map((n) => (
          <button
            key={n}
            type="button"
            role="tab"
            aria-selected={n === sheet.name}
            className={n === sheet.name ? 'tab active' : 'tab'}
            data-sheet-tab={n}
            onClick={() => setActive(n)}
          >
            {n}
          </button>
        ))}
      </div>
    </div>
  );
}
