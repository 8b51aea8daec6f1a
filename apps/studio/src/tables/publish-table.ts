import { api } from '../api/client.js';
import type { DefinitionVersion } from '../api/types.js';
import { workingBody } from '../api/working-body.js';
import type { DecisionTable } from '@trellis/rules';
import { placeTable, type TableSource } from './table-source.js';

/**
 * Publishes a definition with an edited table at its place, on top of what the admin edits of it
 * (its draft's other edits go out with it, as in the form builder). Resolves to the new version.
 */
export async function publishTable(appId: string, source: TableSource, table: DecisionTable): Promise<number> {
  const base = `/apps/${appId}/definitions/${source.kind}/${encodeURIComponent(source.id)}`;
  const { body } = await workingBody(base);
  await api('PUT', `${base}/draft`, placeTable(body, source.path, table));
  return (await api<DefinitionVersion>('POST', `${base}/publish`)).version;
}
