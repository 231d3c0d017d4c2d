import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  FluentProvider,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { checkWorkbook } from '../engine';
import type { Report, Severity, TableReport, TableType } from '../engine/report';
import { HostError, type HostCapabilities, type MarkResult, type NoteKind, type ReadProgress, type WorkbookHost } from '../addin/host';
import { I18nContext, stringsFor, type Lang, type Strings } from '../i18n';
import ActionBar from './components/ActionBar';
import FindingsPanel from './components/FindingsPanel';
import Header from './components/Header';
import StatusMessages from './components/StatusMessages';
import TableList from './components/TableList';
import ToleranceSetting from './components/ToleranceSetting';
import { ALL_SEVERITIES_ON, SEVERITIES, SEVERITY_BADGE, countBySeverity, tableKey, type SeverityFilter } from './severity';
import { toleranceOption, type ToleranceState } from './tolerance';

export interface AppProps {
  /** Everything the pane does to the workbook goes through this host (Excel, or the fake in tests). */
  host: WorkbookHost;
  /** Initial language; Chinese by default. */
  initialLang?: Lang;
  theme?: Theme;
}

/** Fluent's light theme with Chinese UI fonts ahead of the generic fallback (system fonts only, nothing downloaded). */
export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase:
    "'Segoe UI', 'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
};

type Step = 'read' | 'check' | 'mark' | 'clear' | 'export' | 'save';

const useStyles = makeStyles({
  provider: { height: '100%', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  root: { display: 'flex', flexDirection: 'column', minWidth: '280px', minHeight: '100vh' },
  sticky: { position: 'sticky', top: 0, zIndex: 1 },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: `0 0 ${tokens.spacingVerticalL}`, flexGrow: 1 },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  summaryCounts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  hint: { color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  section: { padding: `0 ${tokens.spacingHorizontalM}` },
  sectionTitle: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  panel: { paddingBottom: tokens.spacingVerticalS },
  footer: {
    color: tokens.colorNeutralForeground3,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

function errorText(e: unknown, s: Strings): string {
  if (e instanceof HostError || (e instanceof Error && e.name === 'HostError')) return e.message;
  if (e instanceof Error) return s.errorUnknown(e.message);
  return s.errorUnknown(String(e));
}

function noteKindText(kind: NoteKind, s: Strings): string {
  return kind === 'note' ? s.noteKindNote : kind === 'comment' ? s.noteKindComment : s.noteKindNone;
}

/** Lets React paint the busy state before a synchronous step (the engine) runs. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export default function App({ host, initialLang = 'zh', theme = paneTheme }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<Lang>(initialLang);
  const s = stringsFor(lang);
  const [step, setStep] = React.useState<Step | null>(null);
  const [progress, setProgress] = React.useState<ReadProgress | null>(null);
  const [tolerance, setTolerance] = React.useState<ToleranceState>({ mode: 'auto' });
  const [report, setReport] = React.useState<Report | null>(null);
  const [mark, setMark] = React.useState<MarkResult | null>(null);
  const [overrides, setOverrides] = React.useState<Record<string, TableType>>({});
  const [filter, setFilter] = React.useState<SeverityFilter>(ALL_SEVERITIES_ON);
  const [expanded, setExpanded] = React.useState<number | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<string | null>(null);
  const [caps, setCaps] = React.useState<HostCapabilities | null>(null);
  const busy = step !== null;
  // Strings of the current language for async callbacks that finish after a language switch.
  const sRef = React.useRef(s);
  sRef.current = s;

  React.useEffect(() => {
    let live = true;
    Promise.all([host.capabilities(), host.loadTypeOverrides()]).then(
      ([c, o]) => {
        if (!live) return;
        setCaps(c);
        setOverrides(o);
      },
      (e: unknown) => live && setError(errorText(e, sRef.current))
    );
    return () => {
      live = false;
    };
  }, [host]);

  const run = React.useCallback(async (first: Step, action: () => Promise<void>) => {
    setStep(first);
    setError(null);
    setStatus(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e, sRef.current));
    } finally {
      setStep(null);
      setProgress(null);
    }
  }, []);

  const onCheck = (): void => {
    const tol = toleranceOption(tolerance);
    if (tol === null) {
      setError(s.toleranceInvalid);
      return;
    }
    void run('read', async () => {
      setProgress(null);
      const snapshot = await host.readWorkbook((p) => setProgress({ ...p }));
      setStep('check');
      await nextFrame();
      const result = checkWorkbook(snapshot, { tolerance: tol, typeOverrides: overrides });
      setReport(result);
      setExpanded(null);
      setMark(null);
      setStep('mark');
      const m = await host.applyMarks(result.findings);
      setMark(m);
    });
  };

  const onClear = (): void => {
    void run('clear', async () => {
      const n = await host.clearMarks();
      setMark(null);
      setStatus(sRef.current.cleared(n));
    });
  };

  const onExport = (): void => {
    if (!report) return;
    void run('export', async () => {
      const sheet = await host.exportFindings(report);
      setStatus(sRef.current.exported(sheet));
    });
  };

  const onChangeType = (table: TableReport, type: TableType): void => {
    const next = { ...overrides, [tableKey(table)]: type };
    void run('save', async () => {
      await host.saveTypeOverrides(next);
      setOverrides(next);
      setStatus(sRef.current.overridesSaved);
    });
  };

  const onToggleFilter = (sev: Severity): void => setFilter((f) => ({ ...f, [sev]: !f[sev] }));

  const onActivate = (index: number): void => {
    const f = report?.findings[index];
    if (!f) return;
    setExpanded((cur) => (cur === index ? null : index));
    host.selectCell(f.sheet, f.cell).catch((e: unknown) => setError(errorText(e, sRef.current)));
  };

  let progressLabel: string | null = null;
  let progressValue: number | undefined;
  if (step === 'read') {
    progressLabel = progress ? s.readingSheets(progress.sheetsDone, progress.sheetsTotal) : s.readingStart;
    progressValue = progress && progress.sheetsTotal > 0 ? progress.sheetsDone / progress.sheetsTotal : undefined;
  } else if (step === 'check') progressLabel = s.checking;
  else if (step === 'mark') progressLabel = s.marking;
  else if (step === 'clear') progressLabel = s.clearing;
  else if (step === 'export') progressLabel = s.exporting;

  const counts = report ? countBySeverity(report.findings) : null;

  return (
    <FluentProvider theme={theme} className={styles.provider} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <I18nContext.Provider value={s}>
        <div className={styles.root}>
          <Header lang={lang} onLangChange={setLang} />
          <div className={styles.sticky}>
            <ActionBar
              busy={busy}
              progressLabel={progressLabel}
              progressValue={progressValue}
              hasReport={report !== null}
              onCheck={onCheck}
              onClear={onClear}
              onExport={onExport}
            />
          </div>
          <main className={styles.main}>
            <StatusMessages error={error} status={status} onDismissError={() => setError(null)} onDismissStatus={() => setStatus(null)} />
            {report === null ? (
              <Text className={styles.hint}>{s.idleHint}</Text>
            ) : (
              <div className={styles.summary} aria-live="polite" data-testid="summary">
                <Text weight="semibold">{s.summaryLine(report.tables.length, report.findings.length)}</Text>
                {counts && report.findings.length > 0 && (
                  <div className={styles.summaryCounts}>
                    {SEVERITIES.map((sev) =>
                      counts[sev] > 0 ? (
                        <Badge key={sev} appearance="tint" color={SEVERITY_BADGE[sev]}>
                          {s.severity[sev]} {counts[sev]}
                        </Badge>
                      ) : null
                    )}
                  </div>
                )}
                {mark && <Caption1>{s.marked(mark.marked, noteKindText(mark.noteKind, s))}</Caption1>}
              </div>
            )}
            <Accordion multiple collapsible defaultOpenItems={[]}>
              <AccordionItem value="settings">
                <AccordionHeader size="small">{s.settingsTitle}</AccordionHeader>
                <AccordionPanel className={styles.panel}>
                  <ToleranceSetting value={tolerance} disabled={busy} onChange={setTolerance} />
                </AccordionPanel>
              </AccordionItem>
              {report !== null && (
                <AccordionItem value="tables">
                  <AccordionHeader size="small">
                    {s.tablesTitle}（{s.tablesCount(report.tables.length)}）
                  </AccordionHeader>
                  <AccordionPanel className={styles.panel}>
                    {report.tables.length === 0 ? (
                      <Text className={styles.empty}>{s.noTables}</Text>
                    ) : (
                      <TableList tables={report.tables} overrides={overrides} disabled={busy} onChangeType={onChangeType} />
                    )}
                  </AccordionPanel>
                </AccordionItem>
              )}
            </Accordion>
            {report !== null && (
              <section className={styles.section} aria-labelledby="findings-title">
                <h2 id="findings-title" className={styles.sectionTitle}>
                  {s.findingsTitle}
                </h2>
                {report.findings.length === 0 ? (
                  <Text className={styles.empty}>{s.noFindings}</Text>
                ) : (
                  <FindingsPanel
                    findings={report.findings}
                    tables={report.tables}
                    filter={filter}
                    onToggleFilter={onToggleFilter}
                    expanded={expanded}
                    onActivate={onActivate}
                  />
                )}
              </section>
            )}
          </main>
          {caps && (
            <Caption1 as="p" className={styles.footer}>
              ExcelApi 1.{caps.excelApiMinor} · {noteKindText(caps.noteKind, s)}
            </Caption1>
          )}
        </div>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
