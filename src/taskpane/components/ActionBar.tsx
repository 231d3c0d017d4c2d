import * as React from 'react';
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowExportLtr20Regular, Eraser20Regular, TableSearch20Regular } from '@fluentui/react-icons';
import { useStrings } from '../../i18n';

export interface ActionBarProps {
  busy: boolean;
  /** Text of the running step, shown under the progress bar. */
  progressLabel: string | null;
  /** 0…1 while the fraction is known, undefined for an indeterminate bar. */
  progressValue: number | undefined;
  hasReport: boolean;
  onCheck: () => void;
  onClear: () => void;
  onExport: () => void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  check: { width: '100%' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  secondary: { flexGrow: 1, flexBasis: 0, minWidth: 0 },
});

export default function ActionBar(props: ActionBarProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const { busy, progressLabel, progressValue, hasReport, onCheck, onClear, onExport } = props;
  return (
    <section className={styles.root} aria-label={s.appTitle} aria-busy={busy}>
      <Button
        appearance="primary"
        size="large"
        className={styles.check}
        icon={<TableSearch20Regular />}
        disabled={busy}
        title={s.checkAria}
        data-testid="check"
        onClick={onCheck}
      >
        {hasReport ? s.recheck : s.check}
      </Button>
      <div className={styles.row}>
        <Button
          className={styles.secondary}
          icon={<Eraser20Regular />}
          disabled={busy}
          title={s.clearMarksAria}
          data-testid="clear"
          onClick={onClear}
        >
          {s.clearMarks}
        </Button>
        <Button
          className={styles.secondary}
          icon={<ArrowExportLtr20Regular />}
          disabled={busy || !hasReport}
          title={s.exportFindingsAria}
          data-testid="export"
          onClick={onExport}
        >
          {s.exportFindings}
        </Button>
      </div>
      {progressLabel !== null && (
        <Field validationMessage={progressLabel} validationState="none">
          <ProgressBar value={progressValue} thickness="large" aria-label={progressLabel} />
        </Field>
      )}
    </section>
  );
}
