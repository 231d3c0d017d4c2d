// String tables and the language context the task pane reads them from.
import { createContext, useContext } from 'react';
import { en } from './en';
import { zh, type Strings } from './zh';

export type Lang = 'zh' | 'en';

export const STRINGS: Record<Lang, Strings> = { zh, en };

export function stringsFor(lang: Lang): Strings {
  return STRINGS[lang];
}

export const I18nContext = createContext<Strings>(zh);

/** The current language's strings (Chinese unless an I18nContext provider says otherwise). */
export function useStrings(): Strings {
  return useContext(I18nContext);
}

export type { Strings };
export { zh, en };
