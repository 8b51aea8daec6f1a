import { dayNumber } from './calendar.js';

export interface GenerateOptions {
  /** how many partners (each brings its performance, application, MDF requests and claims) */
  readonly partners: number;
  /** the same seed gives byte-identical output; default 1 */
  readonly seed?: number;
  /** ISO date the data is "as of": every date is derived from it, never from the clock */
  readonly referenceDate: string;
}

export interface ResolvedOptions {
  readonly partners: number;
  readonly seed: number;
  readonly referenceDate: string;
}

/** Partner ids are P + 6 digits. */
export const MAX_PARTNERS = 999_999;

export function resolveOptions(options: GenerateOptions): ResolvedOptions {
  const { partners, seed = 1, referenceDate } = options;
  if (!Number.isSafeInteger(partners) || partners < 0 || partners > MAX_PARTNERS) {
    throw new RangeError(`partners must be an integer from 0 to ${MAX_PARTNERS}, got ${String(partners)}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${String(seed)}`);
  dayNumber(referenceDate);
  return { partners, seed, referenceDate };
}
