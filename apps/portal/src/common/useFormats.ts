import { useMemo } from 'react';
import { PORTAL } from '../config.js';
import { useLocale } from '../i18n/i18n.js';
import { formats, type Formats } from './format.js';

/** Formats for the current language and the app's currency. */
export function useFormats(): Formats {
  const { locale } = useLocale();
  return useMemo(() => formats(locale, PORTAL.money.currency), [locale]);
}
