/**
 * Checks that UI message catalogs (nested objects of strings, one per language) say the same
 * things: the same keys, the same {{placeholders}}, nothing empty. Both apps test theirs with it.
 */

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, prefix === '' ? k : `${prefix}.${k}`));
}

const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort().join(' ');

/** Every difference between the catalogs, as readable lines; empty when they agree. */
export function catalogDifferences(catalogs: Readonly<Record<string, unknown>>): string[] {
  const byLanguage = Object.entries(catalogs).map(([language, catalog]) => [language, new Map(leaves(catalog))] as const);
  const keys = new Set(byLanguage.flatMap(([, texts]) => [...texts.keys()]));
  const differences: string[] = [];
  for (const key of [...keys].sort()) {
    const present = byLanguage.filter(([, texts]) => texts.has(key));
    for (const [language] of byLanguage.filter(([, texts]) => !texts.has(key))) differences.push(`${key}: missing in ${language}`);
    for (const [language, texts] of present) {
      if ((texts.get(key) ?? '').trim() === '') differences.push(`${key}: empty in ${language}`);
    }
    const shapes = new Set(present.map(([, texts]) => placeholders(texts.get(key) ?? '')));
    if (shapes.size > 1) differences.push(`${key}: placeholders differ (${present.map(([language, texts]) => `${language}: ${placeholders(texts.get(key) ?? '') || '—'}`).join('; ')})`);
  }
  return differences;
}
