/**
 * Attachments (onboarding documents and the like): upload with size and type limits and content
 * sniffing, download with a permission check. The bytes live in a BlobStore on the local disk
 * (DATA_DIR/attachments) unless the app is given another store.
 */
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { isTrellisError } from '@trellis/errors';
import type { Attachment } from '@trellis/storage';
import { readConfig } from '../../config.js';
import { problemResponses } from '../../http/schemas.js';
import { ADMIN_ROLE, hasAnyRole } from '../../identity/session-user.js';
import { requireUser } from '../../plugins/auth.js';
import { DEFAULT_ATTACHMENT_POLICY, type AttachmentPolicy } from '../../services/attachment-check.js';
import { readAttachment, storeAttachment } from '../../services/attachments.js';
import { createDiskBlobStore, type BlobStore } from '../../services/blob-store.js';
import { serviceProblems } from '../../services/problems.js';
import { getRecord } from '../../services/records.js';
import { recordContext } from '../records/context.js';
import { acceptUploads, readUpload } from './upload.js';

const TAG = 'attachments';

export interface AttachmentRouteOptions {
  readonly blobs?: BlobStore;
  readonly policy?: AttachmentPolicy;
}

const attachmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' }, app: { type: ['string', 'null'] }, recordId: { type: ['string', 'null'] }, field: { type: 'string' },
    filename: { type: 'string' }, mime: { type: 'string' }, size: { type: 'integer' }, sha256: { type: 'string' },
    createdBy: { type: 'string' }, createdAt: { type: 'string' },
  },
} as const;

const plugin: FastifyPluginAsync<AttachmentRouteOptions> = async (app, options) => {
  const policy = options.policy ?? DEFAULT_ATTACHMENT_POLICY;
  const blobs = options.blobs ?? createDiskBlobStore(join(readConfig(process.env).dataDir, 'attachments'));
  await acceptUploads(app, policy.maxBytes);

  app.post('/attachments', {
    schema: {
      tags: [TAG], summary: 'Upload a file (multipart: "file", optional "app" and "field")',
      consumes: ['multipart/form-data'],
      response: { 201: attachmentSchema, ...problemResponses(400, 401, 413, 415, 422) },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const upload = await readUpload(request, () => serviceProblems.attachmentTooLarge(policy.maxBytes));
    const stored = await storeAttachment(app.storage, blobs, policy, {
      bytes: upload.bytes,
      filename: upload.filename,
      declaredType: upload.mimetype,
      field: upload.fields.field ?? 'file',
      app: upload.fields.app ?? null,
      actor: user.id,
    });
    const { storageKey: _key, ...visible } = stored;
    return reply.code(201).send(visible);
  });

  app.get<{ Params: { id: string } }>('/attachments/:id', {
    schema: {
      tags: [TAG], summary: 'Download a file (its record must be readable; unlinked files: uploader or admin)',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
      response: { 200: { type: 'string', format: 'binary' }, ...problemResponses(401, 404) },
    },
  }, async (request, reply) => {
    const user = requireUser(request);
    const mayRead = async (attachment: Attachment): Promise<boolean> => {
      if (attachment.recordId === null) return attachment.createdBy === user.id || hasAnyRole(user, [ADMIN_ROLE]);
      const record = await app.storage.read.records.get(attachment.recordId);
      if (record === null) return false;
      // the record's own read check (role and scope); any refusal reads as "not found"
      try {
        await getRecord(await recordContext(app, request, record.app), record.entity, record.id);
        return true;
      } catch (error) {
        if (isTrellisError(error)) return false;
        throw error;
      }
    };
    const { attachment, bytes } = await readAttachment(app.storage, blobs, request.params.id, mayRead);
    return reply
      .type(attachment.mime)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .send(Buffer.from(bytes));
  });
};

export default plugin;
