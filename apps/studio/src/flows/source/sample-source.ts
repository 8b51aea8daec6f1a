import type { FlowDefinition } from '@trellis/definitions';
import { changedPaths } from '@trellis/templates';
import type { FlowSource, PublishedFlow } from './flow-source.js';

/**
 * The bundled flows, each published as version 1; drafts and new versions live in memory for the
 * session. Lets the designer be used (and tested) without a server.
 */
export function sampleSource(flows: readonly FlowDefinition[]): FlowSource {
  const published = new Map<string, PublishedFlow>(flows.map((f) => [f.id, { version: 1, body: f }]));
  /** every version of each flow, by number, for diffs */
  const versions = new Map<string, Map<number, FlowDefinition>>(flows.map((f) => [f.id, new Map([[1, f]])]));
  const drafts = new Map<string, FlowDefinition>();
  return {
    kind: 'sample',
    list: () => Promise.resolve(flows.map((f) => ({ id: f.id, label: f.label }))),
    open: (id) => {
      const latest = published.get(id) ?? null;
      const draft = drafts.get(id) ?? latest?.body;
      if (draft === undefined) return Promise.reject(new Error(`no flow "${id}"`));
      return Promise.resolve({ draft, published: latest });
    },
    saveDraft: (flow) => {
      drafts.set(flow.id, flow);
      return Promise.resolve();
    },
    publish: (flow) => {
      const next = { version: (published.get(flow.id)?.version ?? 0) + 1, body: flow };
      published.set(flow.id, next);
      versions.set(flow.id, (versions.get(flow.id) ?? new Map<number, FlowDefinition>()).set(next.version, flow));
      drafts.delete(flow.id);
      return Promise.resolve(next);
    },
    versionDiff: (id, from, to) => {
      const before = versions.get(id)?.get(from);
      const after = versions.get(id)?.get(to);
      if (before === undefined || after === undefined) return Promise.reject(new Error(`no version ${from} or ${to} of "${id}"`));
      return Promise.resolve(changedPaths(before, after));
    },
  };
}
