import { useEffect, useState } from 'react';
import type { Problem } from '@trellis/errors';
import type { JsonSchemaObject } from '@trellis/rules';
import { api, problemsOf } from '../api/client.js';
import type { DefinitionSummary, DefinitionVersion } from '../api/types.js';
import { SAMPLE_ENTITIES, SAMPLE_TABLES, type SampleEntity } from '../sample/template.js';
import { tablesOf, type EditableTable } from '../tables/table-source.js';
import { currentAppId } from './current-app.js';
import { fieldLabelsOf } from './field-labels.js';

export interface AppData {
  /** the app the data comes from; null: the bundled sample (no app opened yet) */
  readonly appId: string | null;
  readonly entities: readonly SampleEntity[];
  readonly tables: readonly EditableTable[];
}

export type AppDataState = { readonly kind: 'loading' } | { readonly kind: 'failed'; readonly problems: readonly Problem[] } | { readonly kind: 'ready'; readonly data: AppData };

/** The published entities and decision tables (of rules and programs) of an app, read from the server. */
export async function loadAppData(appId: string): Promise<AppData> {
  const list = await api<DefinitionSummary[]>('GET', `/apps/${appId}/definitions`);
  const published = list.filter((d) => d.latestVersion !== null && ['entity', 'rule', 'program'].includes(d.kind));
  const bodies = await Promise.all(published.map((d) => api<DefinitionVersion>('GET', `/apps/${appId}/definitions/${d.kind}/${d.id}`)));
  const entities: SampleEntity[] = [];
  const tables: EditableTable[] = [];
  for (const { kind, body } of bodies) {
    const label = body.label as SampleEntity['label'];
    if (kind === 'entity') entities.push({ id: String(body.id), label, schema: body.schema as JsonSchemaObject, labels: fieldLabelsOf(body) });
    else tables.push(...tablesOf(kind, body));
  }
  return { appId, entities, tables };
}

/** The current app's data, or the bundled sample when no app has been opened in this browser. */
export function useAppData(): AppDataState {
  const [state, setState] = useState<AppDataState>({ kind: 'loading' });
  useEffect(() => {
    const appId = currentAppId();
    if (appId === null) {
      setState({ kind: 'ready', data: { appId: null, entities: SAMPLE_ENTITIES, tables: SAMPLE_TABLES } });
      return;
    }
    let live = true;
    loadAppData(appId).then(
      (data) => live && setState({ kind: 'ready', data }),
      (error: unknown) => live && setState({ kind: 'failed', problems: problemsOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
