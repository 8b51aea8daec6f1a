import { createHash } from 'node:crypto';
import type { Problem } from '@trellis/errors';
import type { Sql } from '../port.js';
import { storageError } from '../problems.js';
import type { SessionCache } from './session-cache.js';
import type { VersionCache } from './version-cache.js';

/** What every repository is built on: a driver (a transaction or the pool) and the clock. */
export interface RepoContext {
  readonly sql: Sql;
  readonly now: () => Date;
  /** published versions already read (absent: every read goes to the database) */
  readonly versions?: VersionCache;
  /** session lookups kept between requests (only outside transactions, see session-cache.ts) */
  readonly sessionCache?: SessionCache;
  /** called after a write that changes what a session lookup answers: users, sessions, published definitions (in a transaction: on commit) */
  readonly sessionLookupChanged?: () => void;
}

/** Timestamps leave the storage as ISO strings, whichever driver parsed them. */
export function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

/** JSONB goes over the wire as text: node-postgres would otherwise send JS arrays as SQL arrays. */
export function jsonb(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Canonical JSON: keys sorted by code unit at every level, no spaces. Written out by hand because
 * JSON.stringify always puts integer-like keys first, whatever order they are given in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object)
      .filter((k) => object[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex')}`;
}

interface DbError {
  readonly code?: unknown;
  readonly constraint?: unknown;
}

/**
 * Turns unique and foreign-key violations into Problems naming the field. Only the constraints
 * listed are translated; anything else is a bug and stays as it is.
 */
export async function withConstraints<T>(run: Promise<T>, problems: Readonly<Record<string, () => Problem>>): Promise<T> {
  try {
    return await run;
  } catch (error) {
    const { code, constraint } = (error ?? {}) as DbError;
    if ((code === '23505' || code === '23503') && typeof constraint === 'string') {
      const make = problems[constraint];
      if (make !== undefined) throw storageError(make());
    }
    throw error;
  }
}

/** The first row, which the statement guarantees. */
export function one<T>(rows: readonly T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error('The statement returned no row');
  return row;
}
