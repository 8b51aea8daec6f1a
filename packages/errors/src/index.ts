export type { Locale, LocalizedText } from './localized.js';
export { isLocale, LOCALES, localize } from './localized.js';
export { catalogDifferences } from './catalogs.js';
export type { Problem, Result } from './problem.js';
export { problem, ok, fail } from './problem.js';
export { joinPath, problemsUnder } from './problem-paths.js';
export { TrellisError, isTrellisError } from './trellis-error.js';
