import i18next from 'i18next';
import { useCallback } from 'react';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale, LocalizedText } from '@trellis/errors';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const LANGUAGES: readonly { id: Locale; name: string }[] = [
  { id: 'zh-CN', name: '中文' },
  { id: 'en', name: 'English' },
];

const STORED_LOCALE = 'trellis.studio.locale';

/** The language chosen last time in this browser, if any. */
function storedLocale(): Locale | undefined {
  const stored = globalThis.localStorage?.getItem(STORED_LOCALE);
  return LANGUAGES.find((l) => l.id === stored)?.id;
}

/** zh-CN first (the studio's admins mostly read Chinese) unless another language was chosen before. */
export async function initI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', (lng) => globalThis.localStorage?.setItem(STORED_LOCALE, lng));
  await i18next.use(initReactI18next).init({
    lng: storedLocale() ?? 'zh-CN',
    fallbackLng: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false }, // React escapes
  });
  return i18next;
}

/** The current locale, and a picker for texts that definitions carry in both languages. */
export function useLocale(): { locale: Locale; pick: (text: LocalizedText) => string } {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  // the same function while the locale stays, so memoised components and hooks can depend on it
  const pick = useCallback((text: LocalizedText) => text[locale], [locale]);
  return { locale, pick };
}
