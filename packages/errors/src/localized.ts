/** The languages every user-visible string must exist in. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = { readonly [L in Locale]: string };

/** Picks the text for a locale; both are required, so there is no fallback to invent. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
