import type { EntityDefinition } from '@trellis/definitions';
import { api, ApiError } from '../api/client.js';
import type { DefinitionDraft, DefinitionSummary, DefinitionVersion } from '../api/types.js';
import { fromDefinition, type ReadForm } from './from-definition.js';

export interface LoadedForm {
  readonly read: ReadForm;
  readonly definition: EntityDefinition;
  /** the latest published version, null when never published */
  readonly published: number | null;
  readonly fromDraft: boolean;
}

/** The entity's draft when there is one, else its latest published version. */
export async function loadForm(base: string, appId: string, entityId: string): Promise<LoadedForm> {
  const list = await api<DefinitionSummary[]>('GET', `/apps/${appId}/definitions?kind=entity`);
  const published = list.find((d) => d.id === entityId)?.latestVersion ?? null;
  let body: Record<string, unknown>;
  let fromDraft = true;
  try {
    body = (await api<DefinitionDraft>('GET', `${base}/draft`)).body;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    body = (await api<DefinitionVersion>('GET', base)).body;
    fromDraft = false;
  }
  const definition = body as unknown as EntityDefinition;
  return { read: fromDefinition(definition), definition, published, fromDraft };
}
