import * as React from 'react';
import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../engine/report';
import { useStrings } from '../../i18n';
import { SEVERITIES, type SeverityFilter } from '../severity';

export interface SeverityFilterBarProps {
  filter: SeverityFilter;
  counts: Record<Severity, number>;
  onToggle: (severity: Severity) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  count: { marginLeft: tokens.spacingHorizontalXXS, fontVariantNumeric: 'tabular-nums' },
});

export default function SeverityFilterBar({ filter, counts, onToggle }: SeverityFilterBarProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  return (
    <div role="group" aria-label={s.filterLabel} className={styles.root}>
      {SEVERITIES.map((sev) => (
        <ToggleButton
          key={sev}
          size="small"
          shape="circular"
          appearance={filter[sev] ? 'primary' : 'outline'}
          checked={filter[sev]}
          title={s.filterToggleAria(s.severity[sev], counts[sev])}
          data-testid={`filter-${sev}`}
          onClick={() => onToggle(sev)}
        >
          {s.severity[sev]} <span className={styles.count}>{counts[sev]}</span>
        </ToggleButton>
      ))}
    </div>
  );
}
