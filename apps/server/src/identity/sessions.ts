import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StorageReader, StorageTx } from '@trellis/storage';
import { hashSessionToken, newSessionToken } from './session-token.js';
import { toSessionUser, type SessionUser } from './session-user.js';

export const SESSION_COOKIE = 'trellis_session';

export interface SessionSettings {
  /** how long a session lasts after sign-in */
  readonly ttlMs: number;
  /** the cookie's Secure attribute; 'auto' sets it on HTTPS requests only */
  readonly secure: boolean | 'auto';
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { ttlMs: 12 * 60 * 60 * 1000, secure: 'auto' };

/**
 * The user of the request's session cookie, or null (no cookie, unknown, expired, disabled user),
 * with the fingerprint of the published definitions read in the same statement (app models are
 * kept until it changes, see loadAppModel).
 */
export async function sessionUser(read: StorageReader, request: FastifyRequest): Promise<{ user: SessionUser; publishedFingerprint: string } | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined || token === '') return null;
  const found = await read.sessions.lookup(hashSessionToken(token));
  return found === null || found.user.disabled ? null : { user: toSessionUser(found.user), publishedFingerprint: found.publishedFingerprint };
}

/** Starts a session for `userId` and sets its cookie; only the token's hash is stored. */
export async function startSession(tx: StorageTx, reply: FastifyReply, userId: string, now: Date, settings: SessionSettings): Promise<void> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + settings.ttlMs);
  await tx.sessions.create({ tokenHash: hashSessionToken(token), userId, expiresAt });
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: settings.secure, expires: expiresAt });
}

/** Ends the request's session, if any, and clears its cookie. */
export async function endSession(tx: StorageTx, request: FastifyRequest, reply: FastifyReply, settings: SessionSettings): Promise<void> {
  const token = request.cookies[SESSION_COOKIE];
  if (token !== undefined && token !== '') await tx.sessions.delete(hashSessionToken(token));
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: settings.secure });
}
