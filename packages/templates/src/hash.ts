import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Problem } from '@trellis/errors';
import { canonicalJson, canonicalTemplateText } from './canonical.js';
import { templateProblems } from './problems.js';

const PREFIX = 'sha256:';

function sha256Text(text: string): string {
  return PREFIX + bytesToHex(sha256(utf8ToBytes(text)));
}

function withoutHash(template: unknown): unknown {
  if (typeof template !== 'object' || template === null || Array.isArray(template)) return template;
  const { contentHash: _ignored, ...rest } = template as Record<string, unknown>;
  return rest;
}

/** "sha256:<hex>" of the canonical text of everything in the template except its `contentHash`. */
export function contentHash(template: unknown): string {
  return sha256Text(canonicalTemplateText(withoutHash(template)));
}

/** "sha256:<hex>" of one definition's canonical JSON: what the server stores to tell changed definitions apart. */
export function definitionHash(definition: unknown): string {
  return sha256Text(canonicalJson(definition));
}

/** The canonical text of the template with its content hash set: the file an export writes. */
export function exportTemplate(template: unknown): string {
  const base = withoutHash(template);
  const hashed = typeof base === 'object' && base !== null ? { ...base, contentHash: contentHash(base) } : base;
  return canonicalTemplateText(hashed);
}

/**
 * A template may arrive without a hash (hand-written); one that carries a hash must match it, so a
 * file edited after export, or damaged in transit, is caught. Checked on the document as given
 * (before migrations), because that is what the exporter hashed.
 */
export function checkContentHash(document: unknown): Problem[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [];
  const given = (document as { contentHash?: unknown }).contentHash;
  if (given === undefined) return [];
  const actual = contentHash(document);
  return given === actual ? [] : [templateProblems.hashMismatch(String(given), actual)];
}
