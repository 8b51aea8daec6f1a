import type { SelfRegistration } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import type { Sql, StorageReader } from '@trellis/storage';
import { serviceProblems } from '../../services/problems.js';

/** The role an app's published template opens to sign-up, with its organisation id format. */
export interface OpenRole {
  readonly role: string;
  readonly settings: SelfRegistration;
}

/** The app's self-registration role, or null when it takes no sign-ups; APP_NOT_FOUND when there is no app. */
export async function openRole(reader: Pick<StorageReader, 'apps' | 'definitions'>, app: string): Promise<OpenRole | null> {
  if ((await reader.apps.get(app)) === null) throw new TrellisError([serviceProblems.appNotFound(app)]);
  for (const { id, body } of await reader.definitions.listPublished(app, 'role')) {
    const settings = (body as { selfRegistration?: SelfRegistration }).selfRegistration;
    if (settings !== undefined) return { role: id, settings };
  }
  return null;
}

type IdFormat = SelfRegistration['organisationId'];

const idPattern = (format: IdFormat) => `^${format.prefix}([0-9]{${format.digits}})$`;

/**
 * Ids in the format that the app's records already hold in a top-level field. Records may name
 * organisations that have no row (sample data, imports); handing such an id to a newcomer would
 * let their row scopes match that organisation's records.
 */
export async function idsInRecords(sql: Sql, app: string, format: IdFormat): Promise<string[]> {
  const rows = await sql.query<{ v: string }>(
    'SELECT DISTINCT kv.v FROM records, jsonb_each_text(records.data) AS kv(k, v) WHERE records.app = $1 AND kv.v ~ $2',
    [app, idPattern(format)],
  );
  return rows.map((r) => r.v);
}

/** The next free id in the format (prefix, then a zero-padded number) after the ids already taken. */
export function nextOrganisationId(format: IdFormat, taken: readonly string[]): string {
  const pattern = new RegExp(idPattern(format));
  const highest = taken.reduce((max, id) => Math.max(max, Number(pattern.exec(id)?.[1] ?? 0)), 0);
  return `${format.prefix}${String(highest + 1).padStart(format.digits, '0')}`;
}
