import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale, LocalizedText } from '@trellis/errors';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

export const LANGUAGES: readonly { id: Locale; name: string }[] = [
  { id: 'zh-CN', name: '中文' },
  { id: 'en', name: 'English' },
];

/** zh-CN first: the studio's admins mostly read Chinese. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: 'zh-CN',
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
  return { locale, pick: (text) => text[locale] };
}
