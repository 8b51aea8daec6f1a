import { createHash, randomBytes } from 'node:crypto';

/**
 * Session tokens: 32 random bytes for the cookie; only their SHA-256 is stored, so a leaked
 * sessions table cannot be replayed. A fast hash is enough because the token has full entropy.
 */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
