import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale, LocalizedText } from '@trellis/errors';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const LANGUAGES: readonly { id: Locale; name: string }[] = [
  { id: 'zh-CN', name: '中文' },
  { id: 'en', name: 'English' },
];

const STORED = 'trellis.portal.locale';

/** zh-CN unless the visitor chose English before (kept in this browser). */
export async function initI18n(): Promise<typeof i18next> {
  const stored = window.localStorage.getItem(STORED);
  await i18next.use(initReactI18next).init({
    lng: stored === 'en' ? 'en' : 'zh-CN',
    fallbackLng: false,
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    interpolation: { escapeValue: false }, // React escapes
  });
  i18next.on('languageChanged', (lng) => {
    window.localStorage.setItem(STORED, lng);
    document.documentElement.lang = lng;
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** The current locale, and a picker for texts that definitions carry in both languages. */
export function useLocale(): { locale: Locale; pick: (text: LocalizedText | undefined, fallback?: string) => string } {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return { locale, pick: (text, fallback = '') => text?.[locale] ?? fallback };
}
