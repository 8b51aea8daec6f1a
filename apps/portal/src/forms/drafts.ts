/**
 * Drafts kept in this browser: what was typed since the last save to the server, so a partner can
 * close the page (or lose the network on a phone) and come back. A draft belongs to one user and
 * one record (or "new"), and is dropped once the server has the same data.
 */
export interface LocalDraft {
  readonly values: Record<string, unknown>;
  /** the server revision the draft was based on (null for a record not created yet) */
  readonly revision: number | null;
  readonly savedAt: string;
}

const key = (user: string, entity: string, record: string | null) => `trellis.portal.draft.${user}.${entity}.${record ?? 'new'}`;

export function readDraft(user: string, entity: string, record: string | null): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(user, entity, record));
    return raw === null ? null : (JSON.parse(raw) as LocalDraft);
  } catch {
    return null;
  }
}

export function writeDraft(user: string, entity: string, record: string | null, draft: LocalDraft): void {
  window.localStorage.setItem(key(user, entity, record), JSON.stringify(draft));
}

export function dropDraft(user: string, entity: string, record: string | null): void {
  window.localStorage.removeItem(key(user, entity, record));
}
