/** The languages every user-visible string must exist in. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = { readonly [L in Locale]: string };

/** Picks the text for a locale; both are required, so there is no fallback to invent. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/** Whether a stored or typed language tag is one the product speaks. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
