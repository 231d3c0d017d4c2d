import * as React from 'react';
import { createExcelHost } from '../addin/excel-adapter';
import type { WorkbookHost } from '../addin/host';
import type { WorkbookSnapshot } from '../engine/grid';
import { createFakeExcel, installFakeOffice, type FakeExcel } from '../fake-excel';
import App from '../taskpane/App';
import type { PlaygroundIndex } from './data';
import SheetGrid from './SheetGrid';

export interface PlaygroundProps {
  index: PlaygroundIndex;
  /** Base URL of the data folder ("playground-data/"). */
  dataUrl: string;
  initialWorkbook: string | null;
  initialApiMinor: number;
}

/** What the E2E test (and a curious developer's console) can reach: window.__playground. */
export interface PlaygroundHandle {
  workbookId: string;
  apiMinor: number;
  fake: FakeExcel;
}

declare global {
  interface Window {
    __playground?: PlaygroundHandle;
  }
}

const API_CHOICES: { minor: number; label: string }[] = [
  { minor: 20, label: 'Microsoft 365（ExcelApi 1.20，备注）' },
  { minor: 14, label: 'Office LTSC 2021（1.14，批注）' },
  { minor: 7, label: 'Office 2019（1.7，仅填充色）' },
];

interface Loaded {
  id: string;
  apiMinor: number;
  fake: FakeExcel;
  host: WorkbookHost;
}

export default function Playground({ index, dataUrl, initialWorkbook, initialApiMinor }: PlaygroundProps): React.JSX.Element {
  const first = index.workbooks.find((w) => w.id === initialWorkbook) ?? index.workbooks[0];
  const [wbId, setWbId] = React.useState<string | null>(first?.id ?? null);
  const [apiMinor, setApiMinor] = React.useState(initialApiMinor);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    const entry = index.workbooks.find((w) => w.id === wbId);
    if (!entry) return undefined;
    let live = true;
    let uninstall: (() => void) | null = null;
    setLoaded(null);
    setError(null);
    fetch(`${dataUrl}${entry.json}`)
      .then((r) => {
        if (!r.ok) throw new Error(`${entry.json}: HTTP ${r.status}`);
        return r.json() as Promise<WorkbookSnapshot>;
      })
      .then((snapshot) => {
        if (!live) return;
        const fake = createFakeExcel(snapshot, { apiMinor });
        uninstall = installFakeOffice(globalThis, fake);
        // The real adapter, over the fake's Office/Excel globals.
        const host = createExcelHost();
        window.__playground = { workbookId: entry.id, apiMinor, fake };
        setLoaded({ id: entry.id, apiMinor, fake, host });
        const url = new URL(window.location.href);
        url.searchParams.set('wb', entry.id);
        url.searchParams.set('api', String(apiMinor));
        window.history.replaceState?.(null, '', url.toString());
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      uninstall?.();
      delete window.__playground;
    };
  }, [wbId, apiMinor, index, dataUrl]);

  const current = index.workbooks.find((w) => w.id === wbId);
  return (
    <div className="pg-root">
      <header className="pg-bar">
        <div className="pg-brand">
          <strong>预算表格核对</strong>
          <span className="pg-tag">演练场 · 模拟 Excel</span>
        </div>
        <label className="pg-field">
          工作簿
          <select value={wbId ?? ''} onChange={(e) => setWbId(e.target.value)} data-testid="pg-workbook">
            {index.workbooks.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}（{w.sheets} 张工作表）
              </option>
            ))}
          </select>
        </label>
        <label className="pg-field">
          Excel 版本
          <select value={apiMinor} onChange={(e) => setApiMinor(Number(e.target.value))} data-testid="pg-api">
            {API_CHOICES.map((a) => (
              <option key={a.minor} value={a.minor}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        {current && <span className="pg-source">{current.source}</span>}
      </header>
      {index.workbooks.length === 0 && (
        <p className="pg-empty">没有可用的样例工作簿：请先运行 npm run playground（它会把 samples/ 与种子文件转换为 JSON）。</p>
      )}
      {error && <p className="pg-empty pg-error">无法加载工作簿：{error}</p>}
      {loaded && (
        <div className="pg-main" data-ready="true">
          <section className="pg-workbook" aria-label="工作簿（模拟 Excel）">
            <SheetGrid key={`${loaded.id}/${loaded.apiMinor}`} workbook={loaded.fake.workbook} />
          </section>
          <aside className="pg-pane" aria-label="任务窗格">
            <App key={`${loaded.id}/${loaded.apiMinor}`} host={loaded.host} />
          </aside>
        </div>
      )}
    </div>
  );
}
