/**
 * What an uploaded file must pass before it is stored: a size limit, a list of accepted types, and
 * content sniffing. The declared Content-Type is a client's claim; the bytes decide, and a claim
 * that contradicts them is refused (a script renamed to .pdf never reaches the store).
 */
import { TrellisError, type Problem } from '@trellis/errors';
import { fileTypeFromBuffer } from 'file-type';
import { serviceProblems } from './problems.js';

export interface AttachmentPolicy {
  readonly maxBytes: number;
  /** MIME types accepted, as file-type names them */
  readonly allowedTypes: readonly string[];
}

/** Onboarding documents: scans and office files, 10 MiB each. */
export const DEFAULT_ATTACHMENT_POLICY: AttachmentPolicy = {
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: [
    'application/pdf',
    'image/png',
    'image/jpeg',
    'image/webp',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
};

// Clients that do not know a file's type send these; they claim nothing, so they cannot mismatch.
const UNDECLARED = new Set(['', 'application/octet-stream']);

function baseType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function refuse(p: Problem): never {
  throw new TrellisError([p]);
}

/** The sniffed MIME type of an acceptable file; throws a TrellisError naming what is wrong. */
export async function checkAttachment(bytes: Uint8Array, declaredType: string | undefined, policy: AttachmentPolicy): Promise<string> {
  if (bytes.byteLength > policy.maxBytes) refuse(serviceProblems.attachmentTooLarge(policy.maxBytes));
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed === undefined) refuse(serviceProblems.attachmentUnrecognised());
  const declared = baseType(declaredType);
  if (!UNDECLARED.has(declared) && declared !== sniffed.mime) refuse(serviceProblems.attachmentTypeMismatch(declared, sniffed.mime));
  if (!policy.allowedTypes.includes(sniffed.mime)) refuse(serviceProblems.attachmentTypeNotAllowed(sniffed.mime, policy.allowedTypes));
  return sniffed.mime;
}
