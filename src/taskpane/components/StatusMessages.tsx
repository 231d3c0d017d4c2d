import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { useStrings } from '../../i18n';

export interface StatusMessagesProps {
  error: string | null;
  status: string | null;
  onDismissError: () => void;
  onDismissStatus: () => void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
});

export default function StatusMessages({ error, status, onDismissError, onDismissStatus }: StatusMessagesProps): React.JSX.Element | null {
  const s = useStrings();
  const styles = useStyles();
  if (error === null && status === null) return null;
  return (
    <div className={styles.root}>
      {error !== null && (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="error-bar">
          <MessageBarBody>
            <MessageBarTitle>{s.errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={s.dismiss} icon={<Dismiss16Regular />} onClick={onDismissError} />
            }
          />
        </MessageBar>
      )}
      {status !== null && (
        <MessageBar intent="success" layout="multiline" role="status" data-testid="status-bar">
          <MessageBarBody>{status}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={s.dismiss} icon={<Dismiss16Regular />} onClick={onDismissStatus} />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
