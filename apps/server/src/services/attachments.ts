/**
 * Attachments: the bytes in a BlobStore, the metadata (name, sniffed type, size, hash, who) in
 * storage. The blob is written first and removed again when the metadata cannot be stored, so
 * neither outlives the other.
 */
import { createHash, randomUUID } from 'node:crypto';
import { TrellisError } from '@trellis/errors';
import type { Attachment, Storage, StorageTx, StoredRecord } from '@trellis/storage';
import { checkAttachment, type AttachmentPolicy } from './attachment-check.js';
import type { BlobStore } from './blob-store.js';
import { serviceProblems } from './problems.js';

export interface NewAttachment {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly declaredType: string | undefined;
  /** the form field the file belongs to (e.g. documents) */
  readonly field: string;
  readonly app: string | null;
  readonly actor: string;
}

export async function storeAttachment(storage: Storage, blobs: BlobStore, policy: AttachmentPolicy, input: NewAttachment): Promise<Attachment> {
  const mime = await checkAttachment(input.bytes, input.declaredType, policy);
  const storageKey = randomUUID();
  await blobs.put(storageKey, input.bytes);
  try {
    return await storage.transaction((tx) =>
      tx.attachments.create({
        app: input.app,
        field: input.field,
        filename: input.filename,
        mime,
        size: input.bytes.byteLength,
        sha256: createHash('sha256').update(input.bytes).digest('hex'),
        storageKey,
        createdBy: input.actor,
      }),
    );
  } catch (error) {
    await blobs.delete(storageKey);
    throw error;
  }
}

/**
 * An attachment and its bytes, when `mayRead` allows it; otherwise "not found", like a missing
 * one, so attachment ids of others cannot be probed.
 */
export async function readAttachment(
  storage: Storage,
  blobs: BlobStore,
  id: string,
  mayRead: (attachment: Attachment) => Promise<boolean>,
): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  const attachment = await storage.read.attachments.get(id);
  const bytes = attachment !== null && (await mayRead(attachment)) ? await blobs.get(attachment.storageKey) : undefined;
  if (attachment === null || bytes === undefined) throw new TrellisError([serviceProblems.attachmentNotFound(id)]);
  return { attachment, bytes };
}

/**
 * The attachment ids a record's data refers to: file fields hold `{ fileId, fileName, … }`, the
 * shape the studio and the portal give every file field, so any object with a string `fileId`
 * counts, however deep (a list of store photos, a nested documents group).
 */
export function attachmentRefs(data: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) attachmentRefs(item, found);
  } else if (typeof data === 'object' && data !== null) {
    const { fileId } = data as { fileId?: unknown };
    if (typeof fileId === 'string') found.add(fileId);
    for (const value of Object.values(data)) attachmentRefs(value, found);
  }
  return found;
}

/**
 * Links the files a saved record refers to, so that whoever may read the record may download
 * them. Only a file the actor uploaded, linked to no record yet and uploaded for this app (or for
 * none), is linked: a reference to someone else's file grants nothing, and a file stays with the
 * first record that held it.
 */
export async function linkAttachments(tx: StorageTx, record: Pick<StoredRecord, 'id' | 'app' | 'data'>, actor: string): Promise<void> {
  const ids = [...attachmentRefs(record.data)];
  if (ids.length > 0) await tx.attachments.link({ ids, recordId: record.id, app: record.app, actor });
}
