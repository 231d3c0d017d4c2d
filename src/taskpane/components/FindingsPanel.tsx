import * as React from 'react';
import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding, Severity, TableReport } from '../../engine/report';
import { useStrings } from '../../i18n';
import { SEVERITIES, SEVERITY_BADGE, countBySeverity, type SeverityFilter } from '../severity';
import FindingItem from './FindingItem';
import SeverityFilterBar from './SeverityFilterBar';

export interface FindingsPanelProps {
  findings: Finding[];
  tables: TableReport[];
  filter: SeverityFilter;
  onToggleFilter: (severity: Severity) => void;
  /** Index into `findings` of the expanded finding, or null. */
  expanded: number | null;
  onActivate: (index: number) => void;
}

interface Group {
  key: string;
  title: string;
  subtitle: string;
  bySeverity: Record<Severity, { finding: Finding; index: number }[]>;
  total: number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
  },
  groupHeadBox: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  groupHead: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  groupTitle: { flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  groupSub: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  sevHead: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  list: { listStyleType: 'none', margin: 0, padding: `0 0 ${tokens.spacingVerticalXS}` },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalS },
});

function groupFindings(findings: Finding[], tables: TableReport[], filter: SeverityFilter, names: Record<string, string>, other: string): Group[] {
  const byId = new Map<string, Group>();
  const order: Group[] = [];
  const make = (key: string, title: string, subtitle: string): Group => {
    const g: Group = { key, title, subtitle, bySeverity: { error: [], rounding: [], warning: [], info: [] }, total: 0 };
    byId.set(key, g);
    order.push(g);
    return g;
  };
  for (const t of tables) make(`t:${t.id}`, names[t.type] ?? t.type, `${t.sheet} · ${t.range}`);
  findings.forEach((finding, index) => {
    if (!filter[finding.severity]) return;
    const known = tables.some((t) => t.id === finding.table);
    const key = known ? `t:${finding.table}` : `o:${finding.sheet}`;
    const g = byId.get(key) ?? make(key, other, finding.sheet);
    g.bySeverity[finding.severity].push({ finding, index });
    g.total += 1;
  });
  return order.filter((g) => g.total > 0);
}

export default function FindingsPanel(props: FindingsPanelProps): React.JSX.Element {
  const { findings, tables, filter, onToggleFilter, expanded, onActivate } = props;
  const s = useStrings();
  const styles = useStyles();
  const counts = React.useMemo(() => countBySeverity(findings), [findings]);
  const groups = React.useMemo(
    () => groupFindings(findings, tables, filter, s.tableTypes, s.crossTable),
    [findings, tables, filter, s]
  );
  return (
    <div className={styles.root}>
      <SeverityFilterBar filter={filter} counts={counts} onToggle={onToggleFilter} />
      {groups.length === 0 && <Text className={styles.empty}>{s.noFindingsFiltered}</Text>}
      {groups.map((g) => (
        <section key={g.key} className={styles.group} aria-label={s.groupAria(g.title, g.total)} data-testid="finding-group">
          <div className={styles.groupHeadBox}>
            <h3 className={styles.groupHead}>
              <span className={styles.groupTitle} title={g.title}>
                {g.title}
              </span>
              <Badge appearance="tint" color="informative" size="small" data-testid="group-count">
                {g.total}
              </Badge>
            </h3>
            <span className={styles.groupSub}>{g.subtitle}</span>
          </div>
          {SEVERITIES.filter((sev) => g.bySeverity[sev].length > 0).map((sev) => (
            <div key={sev}>
              <h4 className={styles.sevHead}>
                <Badge appearance="ghost" color={SEVERITY_BADGE[sev]} size="small" shape="rounded">
                  {s.severity[sev]}
                </Badge>
                <span data-testid={`sev-count-${sev}`}>{g.bySeverity[sev].length}</span>
              </h4>
              <ul className={styles.list}>
                {g.bySeverity[sev].map(({ finding, index }) => (
                  <FindingItem
                    key={index}
                    id={`finding-${index}`}
                    finding={finding}
                    expanded={expanded === index}
                    onActivate={() => onActivate(index)}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
