import * as React from 'react';
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { LocalLanguage20Regular } from '@fluentui/react-icons';
import type { Lang } from '../../i18n';
import { useStrings } from '../../i18n';

export interface HeaderProps {
  lang: Lang;
  onLangChange: (lang: Lang) => void;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { color: tokens.colorNeutralForegroundOnBrand },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.85 },
  lang: {
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
  },
});

export default function Header({ lang, onLangChange }: HeaderProps): React.JSX.Element {
  const s = useStrings();
  const styles = useStyles();
  const next: Lang = lang === 'zh' ? 'en' : 'zh';
  const label = next === 'en' ? s.languageSwitchToEn : s.languageSwitchToZh;
  return (
    <header className={styles.root}>
      <div className={styles.titles}>
        <Text as="h1" weight="semibold" size={500} className={styles.title}>
          {s.appTitle}
        </Text>
        <Text size={200} className={styles.subtitle}>
          {s.appSubtitle}
        </Text>
      </div>
      <Button
        appearance="transparent"
        size="small"
        className={styles.lang}
        icon={<LocalLanguage20Regular />}
        aria-label={`${s.languageLabel}: ${label}`}
        lang={next === 'en' ? 'en' : 'zh-CN'}
        onClick={() => onLangChange(next)}
      >
        {label}
      </Button>
    </header>
  );
}
