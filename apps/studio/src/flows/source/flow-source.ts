import type { FlowDefinition } from '@trellis/definitions';
import type { LocalizedText } from '@trellis/errors';

export interface PublishedFlow {
  readonly version: number;
  readonly body: FlowDefinition;
}

export interface OpenedFlow {
  /** the draft if there is one, else the latest published version */
  readonly draft: FlowDefinition;
  readonly published: PublishedFlow | null;
}

/**
 * Where the designer's flows come from and go to: the server's definitions API (drafts, publish,
 * versions) once the studio is signed in, the bundled sample template until then.
 */
export interface FlowSource {
  readonly kind: 'sample' | 'server';
  readonly list: () => Promise<readonly { id: string; label: LocalizedText }[]>;
  readonly open: (id: string) => Promise<OpenedFlow>;
  readonly saveDraft: (flow: FlowDefinition) => Promise<void>;
  /** publishes `flow` as the next version (saving it as the draft first) */
  readonly publish: (flow: FlowDefinition) => Promise<PublishedFlow>;
  /** what changed between two published versions, as JSON pointers (the server's record of it) */
  readonly versionDiff: (id: string, from: number, to: number) => Promise<readonly string[]>;
}
