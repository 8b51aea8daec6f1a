import type { FlowDefinition } from '@trellis/definitions';
import { api, ApiError } from '../../api/client.js';
import type { DefinitionDraft, DefinitionSummary, DefinitionVersion, VersionDiff } from '../../api/types.js';
import type { FlowSource, PublishedFlow } from './flow-source.js';

const asFlow = (body: Record<string, unknown>) => body as unknown as FlowDefinition;
const published = (v: DefinitionVersion): PublishedFlow => ({ version: v.version, body: asFlow(v.body) });

/** Resolves to null on 404 (no draft, nothing published), rejects on anything else. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The flows of an app on the server, through the definitions API: drafts, publishing, versions. */
export function serverSource(appId: string): FlowSource {
  const base = `/apps/${encodeURIComponent(appId)}/definitions`;
  const ref = (id: string) => `${base}/flow/${encodeURIComponent(id)}`;
  const open = async (id: string) => {
    const [draft, latest] = await Promise.all([
      orNull(api<DefinitionDraft>('GET', `${ref(id)}/draft`)),
      orNull(api<DefinitionVersion>('GET', ref(id))),
    ]);
    const body = draft?.body ?? latest?.body;
    if (body === undefined) throw new Error(`no flow "${id}"`);
    return { draft: asFlow(body), published: latest === null ? null : published(latest) };
  };
  const saveDraft = async (flow: FlowDefinition) => {
    await api('PUT', `${ref(flow.id)}/draft`, flow);
  };
  return {
    kind: 'server',
    list: async () => {
      const summaries = await api<DefinitionSummary[]>('GET', `${base}?kind=flow`);
      const flows = await Promise.all(summaries.map((s) => open(s.id)));
      return flows.map((f) => ({ id: f.draft.id, label: f.draft.label }));
    },
    open,
    saveDraft,
    publish: async (flow) => {
      await saveDraft(flow);
      return published(await api<DefinitionVersion>('POST', `${ref(flow.id)}/publish`));
    },
    versionDiff: async (id, from, to) => (await api<VersionDiff>('GET', `${ref(id)}/diff?from=${from}&to=${to}`)).changes,
  };
}
