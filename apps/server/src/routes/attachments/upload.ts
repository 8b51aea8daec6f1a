/**
 * Reading one uploaded file from a multipart request, for the attachment and import routes. The
 * multipart parser is registered by each of those plugins in its own scope (the root accepts JSON
 * only), with the file size limit of that route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { TrellisError, type Problem } from '@trellis/errors';
import { serviceProblems } from '../../services/problems.js';

export interface Upload {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mimetype: string;
  /** the text fields sent before the file */
  readonly fields: Readonly<Record<string, string>>;
}

export async function acceptUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 20 } });
}

function isTooLarge(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/** The request's file; `tooLarge` names the failure when the file passes the size limit. */
export async function readUpload(request: FastifyRequest, tooLarge: () => Problem): Promise<Upload> {
  const part = await request.file();
  if (part === undefined) throw new TrellisError([serviceProblems.fileMissing('file')]);
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (error) {
    if (isTooLarge(error)) throw new TrellisError([tooLarge()]);
    throw error;
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const entry = Array.isArray(value) ? value[0] : value;
    if (entry !== undefined && entry.type === 'field' && typeof entry.value === 'string') fields[name] = entry.value;
  }
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), filename: part.filename, mimetype: part.mimetype, fields };
}
