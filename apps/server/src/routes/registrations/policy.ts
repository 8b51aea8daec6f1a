import type { SelfRegistration } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import type { StorageReader } from '@trellis/storage';
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

/** The next free id in the format (prefix, then a zero-padded number) after the ids already taken. */
export function nextOrganisationId(format: SelfRegistration['organisationId'], taken: readonly string[]): string {
  const pattern = new RegExp(`^${format.prefix}(\\d{${format.digits}})$`);
  const highest = taken.reduce((max, id) => Math.max(max, Number(pattern.exec(id)?.[1] ?? 0)), 0);
  return `${format.prefix}${String(highest + 1).padStart(format.digits, '0')}`;
}
