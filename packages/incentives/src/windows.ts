import type { MetricWindow } from '@trellis/definitions';
import { dayOf, isoOf, type DayRange } from './days.js';
import { comparisonPeriod, periodDays } from './periods.js';
import { remembered } from './remembered.js';

/**
 * The days a metric window covers for a period: the period, the one before, the same one a year
 * earlier, the year up to the period's last day, or every day before the period.
 */
function rangeOfWindow(periodId: string, window: MetricWindow): DayRange {
  const current = periodDays(periodId, 'period');
  switch (window) {
    case 'previous': return periodDays(comparisonPeriod(periodId, 'previous'), 'period');
    case 'same_last_year': return periodDays(comparisonPeriod(periodId, 'same_last_year'), 'period');
    case 'year_to_date': return Object.freeze({ from: dayOf(Number(periodId.slice(0, 4)), 1, 1), to: current.to });
    case 'all_prior': return Object.freeze({ from: -Infinity, to: current.from - 1 });
    default: return current;
  }
}

/** Per window, by period id (every subject's metrics ask the same). */
const byWindow = new Map<MetricWindow, (periodId: string) => DayRange>();

export function windowRange(periodId: string, window: MetricWindow): DayRange {
  let range = byWindow.get(window);
  if (range === undefined) byWindow.set(window, (range = remembered((id) => rangeOfWindow(id, window))));
  return range(periodId);
}

export function contains(outer: DayRange, inner: DayRange): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

/** windowRange as ISO dates (from null: open), for a server selecting the records in SQL. */
export function windowDates(periodId: string, window: MetricWindow): { readonly from: string | null; readonly to: string } {
  const { from, to } = windowRange(periodId, window);
  return { from: from === -Infinity ? null : isoOf(from), to: isoOf(to) };
}
