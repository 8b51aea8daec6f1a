/**
 * An app as an app template: the latest published version of each definition, in the canonical
 * text `@trellis/templates` writes (sorted, hashed), so two exports of the same app are identical
 * and an export imports back as "unchanged".
 */
import { CURRENT_FORMAT_VERSIONS } from '@trellis/definitions';
import { TrellisError } from '@trellis/errors';
import type { StorageReader } from '@trellis/storage';
import { exportTemplate } from '@trellis/templates';
import { serviceProblems } from './problems.js';

/** Template collection of each stored definition kind. */
const COLLECTION_OF: Readonly<Record<string, string>> = {
  entity: 'entities', rule: 'rules', flow: 'flows', program: 'programs', permission: 'permissions', role: 'roles',
};

/** The app's template as a document (without hash). */
export async function appTemplateDocument(reader: Pick<StorageReader, 'apps' | 'definitions'>, appId: string): Promise<Record<string, unknown>> {
  const app = await reader.apps.get(appId);
  if (app === null) throw new TrellisError([serviceProblems.appNotFound(appId)]);
  const collections: Record<string, unknown[]> = {};
  for (const definition of await reader.definitions.listPublished(appId)) {
    const collection = COLLECTION_OF[definition.kind];
    if (collection !== undefined) (collections[collection] ??= []).push(definition.body);
  }
  return {
    kind: 'app-template',
    formatVersion: CURRENT_FORMAT_VERSIONS['app-template'],
    app: { id: app.id, label: app.label, version: app.templateVersion ?? '1.0.0' },
    ...collections,
  };
}

/** The canonical template text of an app, with its content hash. */
export async function exportAppTemplate(reader: Pick<StorageReader, 'apps' | 'definitions'>, appId: string): Promise<string> {
  return exportTemplate(await appTemplateDocument(reader, appId));
}
