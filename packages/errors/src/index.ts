export type { Locale, LocalizedText } from './localized.js';
export { LOCALES, localize } from './localized.js';
export type { Problem, Result } from './problem.js';
export { problem, ok, fail } from './problem.js';
export { TrellisError, isTrellisError } from './trellis-error.js';
