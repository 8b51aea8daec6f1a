import { LOCALES, type Locale } from '@trellis/errors';

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/**
 * The language asked for with `--lang`, read before commander parses, so help texts and commander's
 * own output are in that language too. An unknown value falls back to English here; commander then
 * rejects it as an invalid choice.
 */
export function localeFromArgv(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg?.startsWith('--lang=') === true ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined) return isLocale(value) ? value : 'en';
  }
  return 'en';
}
