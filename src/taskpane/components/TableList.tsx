import * as React from 'react';
import { Badge, Caption1, Dropdown, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TableReport, TableType } from '../../engine/report';
import { useStrings } from '../../i18n';
import { tableKey } from '../severity';

export interface TableListProps {
  tables: TableReport[];
  /** Saved corrections keyed by `sheet!range`. */
  overrides: Record<string, TableType>;
  disabled: boolean;
  onChangeType: (table: TableReport, type: TableType) => void;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  title: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flexGrow: 1, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  dropdown: { minWidth: 0, width: '100%' },
  listbox: { maxHeight: '320px' },
});

function typeIds(names: Record<TableType, string>): TableType[] {
  return Object.keys(names) as TableType[];
}

export default function TableList({ tables, overrides, disabled, onChangeType }: TableListProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const ids = typeIds(s.tableTypes);
  return (
    <ul className={styles.list}>
      {tables.map((t) => {
        const key = tableKey(t);
        const current: TableType = overrides[key] ?? t.type;
        const corrected = overrides[key] !== undefined;
        const pct = `${Math.round(t.confidence * 100)}%`;
        return (
          <li key={t.id} className={styles.item} data-testid="table-item">
            <div className={styles.head}>
              <Text weight="semibold" className={styles.title} title={t.title || s.tableUntitled}>
                {s.tableTypes[current]}
              </Text>
              {corrected && (
                <Badge appearance="tint" color="brand" size="small">
                  {s.tableOverridden}
                </Badge>
              )}
            </div>
            <Caption1 className={styles.meta}>
              <span>
                {s.tableSheet}：{t.sheet}
              </span>
              <span>
                {s.tableRange}：{t.range}
              </span>
              <span>
                {s.tableConfidence}：{pct}
              </span>
            </Caption1>
            {t.title && <Caption1 className={styles.meta}>{t.title}</Caption1>}
            <Dropdown
              className={styles.dropdown}
              listbox={{ className: styles.listbox }}
              size="small"
              aria-label={s.tableTypeChangeAria(t.sheet, t.range)}
              value={s.tableTypes[current]}
              selectedOptions={[current]}
              disabled={disabled}
              onOptionSelect={(_e, d) => {
                const v = d.optionValue as TableType | undefined;
                if (v && v !== current) onChangeType(t, v);
              }}
            >
              {ids.map((id) => (
                <Option key={id} value={id}>
                  {s.tableTypes[id]}
                </Option>
              ))}
            </Dropdown>
          </li>
        );
      })}
    </ul>
  );
}
