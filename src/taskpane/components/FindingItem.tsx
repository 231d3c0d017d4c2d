import * as React from 'react';
import { Badge, mergeClasses, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDown16Regular, ChevronRight16Regular } from '@fluentui/react-icons';
import type { Finding } from '../../engine/report';
import { useStrings } from '../../i18n';
import { SEVERITY_BADGE } from '../severity';

export interface FindingItemProps {
  finding: Finding;
  /** Unique DOM id stem for aria-controls. */
  id: string;
  expanded: boolean;
  /** Called on click, Enter or Space: the pane selects the cell and toggles the details. */
  onActivate: (finding: Finding) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  button: {
    display: 'grid',
    gridTemplateColumns: 'auto auto 1fr',
    alignItems: 'start',
    columnGap: tokens.spacingHorizontalXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  expandedButton: { backgroundColor: tokens.colorNeutralBackground1Selected },
  chevron: { paddingTop: '2px', color: tokens.colorNeutralForeground3 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    whiteSpace: 'nowrap',
    paddingTop: '1px',
  },
  message: { minWidth: 0, overflowWrap: 'anywhere' },
  details: {
    margin: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} 22px`,
    padding: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
  },
  dt: { color: tokens.colorNeutralForeground3, margin: 0 },
  dd: { margin: 0, fontFamily: tokens.fontFamilyNumeric, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  related: { margin: 0, padding: 0, listStyleType: 'none' },
  badge: { marginTop: '1px' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

export default function FindingItem({ finding, id, expanded, onActivate }: FindingItemProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const detailsId = `${id}-details`;
  const f = finding;
  return (
    <li className={styles.root} data-testid="finding" data-severity={f.severity} data-cell={`${f.sheet}!${f.cell}`}>
      <button
        type="button"
        className={mergeClasses(styles.button, expanded && styles.expandedButton)}
        aria-expanded={expanded}
        aria-controls={detailsId}
        title={s.findingHint}
        onClick={() => onActivate(f)}
      >
        <span className={styles.chevron} aria-hidden>
          {expanded ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        </span>
        <span className={styles.cell}>
          <Badge className={styles.badge} size="small" appearance="filled" color={SEVERITY_BADGE[f.severity]}>
            {s.severity[f.severity]}
          </Badge>{' '}
          <span className={styles.visuallyHidden}>{f.sheet}!</span>
          {f.cell}
        </span>
        <span className={styles.message}>{f.message}</span>
      </button>
      {expanded && (
        <dl id={detailsId} className={styles.details} data-testid="finding-details">
          <dt className={styles.dt}>{s.cellLabel}</dt>
          <dd className={mergeClasses(styles.dd, styles.mono)}>
            {f.sheet}!{f.cell}
          </dd>
          <dt className={styles.dt}>{s.expected}</dt>
          <dd className={styles.dd}>{f.expected || '—'}</dd>
          <dt className={styles.dt}>{s.actual}</dt>
          <dd className={styles.dd}>{f.actual || '—'}</dd>
          <dt className={styles.dt}>{s.difference}</dt>
          <dd className={styles.dd}>{f.difference || '—'}</dd>
          <dt className={styles.dt}>{s.tolerance}</dt>
          <dd className={styles.dd}>{f.tolerance || '—'}</dd>
          <dt className={styles.dt}>{s.related}</dt>
          <dd className={styles.dd}>
            {f.related.length === 0 ? (
              '—'
            ) : (
              <ul className={styles.related}>
                {f.related.map((r) => (
                  <li key={r} className={styles.mono}>
                    {r}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt className={styles.dt}>{s.rule}</dt>
          <dd className={mergeClasses(styles.dd, styles.mono)}>{f.rule}</dd>
        </dl>
      )}
    </li>
  );
}
