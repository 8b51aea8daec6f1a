import type { Locale } from '@trellis/errors';

/**
 * The response language from an Accept-Language header: Chinese (any zh tag) → zh-CN, anything
 * else → en. The highest-weighted zh or en entry wins; other languages do not count.
 */
export function negotiateLocale(header: string | undefined): Locale {
  if (header === undefined) return 'en';
  let best: { locale: Locale; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    const locale: Locale | undefined = primary === 'zh' ? 'zh-CN' : primary === 'en' ? 'en' : undefined;
    if (locale === undefined) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q) || q <= 0) continue;
    if (best === undefined || q > best.q) best = { locale, q };
  }
  return best?.locale ?? 'en';
}
