import { api, ApiError } from './client.js';
import type { DefinitionDraft, DefinitionVersion } from './types.js';

/** What an admin edits of a definition (`base`: its API path): its draft when there is one, else its latest published version. */
export async function workingBody(base: string): Promise<{ body: Record<string, unknown>; fromDraft: boolean }> {
  try {
    return { body: (await api<DefinitionDraft>('GET', `${base}/draft`)).body, fromDraft: true };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    return { body: (await api<DefinitionVersion>('GET', base)).body, fromDraft: false };
  }
}
