import type { Directory, WorkCalendar } from '@trellis/flow';
import type { StorageTx } from '@trellis/storage';
import { userDirectory } from './directory.js';

/** The working-day calendar flows count SLAs in (China: UTC+8); holidays come from configuration. */
export const DEFAULT_CALENDAR: WorkCalendar = { utcOffsetMinutes: 480, holidays: [] };

/**
 * What every flow operation inside one transaction shares: the transaction, the time, the
 * calendar, the request, and the directory of users (read once, when first needed).
 */
export interface FlowScope {
  readonly tx: StorageTx;
  readonly now: Date;
  readonly calendar: WorkCalendar;
  readonly requestId: string | null;
  directory(): Promise<Directory>;
}

export function flowScope(tx: StorageTx, options: { now: Date; calendar?: WorkCalendar; requestId?: string | null }): FlowScope {
  let directory: Promise<Directory> | undefined;
  return {
    tx,
    now: options.now,
    calendar: options.calendar ?? DEFAULT_CALENDAR,
    requestId: options.requestId ?? null,
    directory: () => (directory ??= tx.users.list().then(userDirectory)),
  };
}
