import { localDate } from '@trellis/flow';
import { DEFAULT_CALENDAR } from '../flows/scope.js';

/**
 * When a form runs: `now`, and `$today` as the business's calendar counts it (the flows' `$today`
 * too), so a date rule in a form and the flow that fills it agree between 16:00 and 24:00 UTC.
 */
export function formTime(now: Date): { readonly now: string; readonly today: string } {
  const iso = now.toISOString();
  return { now: iso, today: localDate(iso, DEFAULT_CALENDAR) };
}
