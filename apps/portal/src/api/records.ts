import { api, path } from './client.js';

/** A record as the records API answers it (only the fields the user may read). */
export interface RecordView {
  readonly id: string;
  readonly entity: string;
  readonly revision: number;
  readonly owner: string | null;
  readonly partnerOrg: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly data: Record<string, unknown>;
}

export interface RecordPage {
  readonly items: RecordView[];
  readonly nextCursor: string | null;
}

/** A choice of a field whose options are another entity's records: the record id and its label. */
export interface RecordOption {
  readonly value: string;
  readonly label: string;
}

const base = (app: string, entity: string) => path`/api/apps/${app}/records/${entity}`;

export const records = {
  get: (app: string, entity: string, id: string) => api<RecordView>('GET', `${base(app, entity)}/${encodeURIComponent(id)}`),
  list: (app: string, entity: string, query: { filter?: unknown; sort?: { field: string; direction?: 'asc' | 'desc' }[]; limit?: number } = {}) =>
    api<RecordPage>('POST', `${base(app, entity)}/query`, query),
  create: (app: string, entity: string, data: Record<string, unknown>) => api<RecordView>('POST', base(app, entity), { data }),
  update: (app: string, entity: string, id: string, data: Record<string, unknown>, revision: number) =>
    api<RecordView>('PUT', `${base(app, entity)}/${encodeURIComponent(id)}`, { data, revision }),
  /** the records the user may choose for `field` (its `ui:options.optionsFrom`) */
  options: (app: string, entity: string, field: string) =>
    api<RecordOption[]>('GET', path`/api/apps/${app}/entities/${entity}/fields/${field}/options`),
};

/** The latest published definition of a kind (entity, flow, program …). */
export function publishedDefinition<T>(app: string, kind: string, id: string): Promise<{ version: number; body: T }> {
  return api('GET', path`/api/apps/${app}/definitions/${kind}/${id}`);
}
