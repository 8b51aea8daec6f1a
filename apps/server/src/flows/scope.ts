import type { Directory, WorkCalendar } from '@trellis/flow';
import type { StorageTx } from '@trellis/storage';
import type { AppModel } from '../services/app-model.js';
import { userDirectory } from './directory.js';
import { partialDirectory } from './partial-directory.js';

/** The working-day calendar flows count SLAs in (China: UTC+8); holidays come from configuration. */
export const DEFAULT_CALENDAR: WorkCalendar = { utcOffsetMinutes: 480, holidays: [] };

/**
 * What every flow operation inside one transaction shares: the transaction, the time, the
 * calendar, the request, the directory of users (read once, when first needed) and, when the
 * caller has it, the app's published model (so entities need not be read again).
 */
export interface FlowScope {
  readonly tx: StorageTx;
  readonly now: Date;
  readonly calendar: WorkCalendar;
  readonly requestId: string | null;
  readonly model: AppModel | null;
  directory(): Promise<Directory>;
  /** runs a pure engine call with only the users it asks for read (see partialDirectory) */
  withDirectory<T>(call: (directory: Directory) => T): Promise<T>;
}

export function flowScope(tx: StorageTx, options: { now: Date; calendar?: WorkCalendar; requestId?: string | null; model?: AppModel }): FlowScope {
  let directory: Promise<Directory> | undefined;
  const full = () => (directory ??= tx.users.list().then(userDirectory));
  const partial = partialDirectory(tx, full);
  return {
    tx,
    now: options.now,
    calendar: options.calendar ?? DEFAULT_CALENDAR,
    requestId: options.requestId ?? null,
    model: options.model ?? null,
    directory: full,
    withDirectory: (call) => (directory === undefined ? partial(call) : directory.then(call)),
  };
}
