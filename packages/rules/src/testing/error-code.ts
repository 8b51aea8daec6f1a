import { isTrellisError } from '@trellis/errors';

/** The TrellisError code `fn` throws, 'not a TrellisError' for any other throw, or null if it returns. */
export function errorCode(fn: () => unknown): string | null {
  try {
    fn();
  } catch (error) {
    return isTrellisError(error) ? error.code : 'not a TrellisError';
  }
  return null;
}
