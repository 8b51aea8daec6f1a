import type { EntityDefinition } from '@trellis/definitions';
import { api } from '../api/client.js';
import type { DefinitionSummary } from '../api/types.js';
import { workingBody } from '../api/working-body.js';
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
  const { body, fromDraft } = await workingBody(base);
  const definition = body as unknown as EntityDefinition;
  return { read: fromDefinition(definition), definition, published, fromDraft };
}
