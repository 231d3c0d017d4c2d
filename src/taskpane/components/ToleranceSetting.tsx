import * as React from 'react';
import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useStrings } from '../../i18n';
import { isValidTolerance, type ToleranceState } from '../tolerance';

export interface ToleranceSettingProps {
  value: ToleranceState;
  disabled: boolean;
  onChange: (value: ToleranceState) => void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { width: '96px' },
});

export default function ToleranceSetting({ value, disabled, onChange }: ToleranceSettingProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const fixedValue = value.mode === 'fixed' ? value.value : '';
  const invalid = value.mode === 'fixed' && !isValidTolerance(value.value);
  return (
    <div className={styles.root}>
      <Field label={s.toleranceLabel} hint={s.toleranceHint}>
        <RadioGroup
          layout="vertical"
          value={value.mode}
          disabled={disabled}
          onChange={(_e, d) =>
            onChange(d.value === 'fixed' ? { mode: 'fixed', value: fixedValue || '0.01' } : { mode: 'auto' })
          }
        >
          <Radio value="auto" label={s.toleranceAuto} />
          <Radio value="fixed" label={s.toleranceFixed} />
        </RadioGroup>
      </Field>
      {value.mode === 'fixed' && (
        <Field
          label={s.toleranceValueLabel}
          validationState={invalid ? 'error' : 'none'}
          validationMessage={invalid ? s.toleranceInvalid : undefined}
        >
          <Input
            className={styles.input}
            inputMode="decimal"
            value={fixedValue}
            disabled={disabled}
            onChange={(_e, d) => onChange({ mode: 'fixed', value: d.value })}
          />
        </Field>
      )}
    </div>
  );
}
