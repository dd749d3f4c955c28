import { createHash, randomBytes } from 'node:crypto';

/** A new token: 32 random bytes, base64url, with a prefix that makes a leaked one easy to recognise. */
export function newTokenSecret(): string {
  return `hydro_${randomBytes(32).toString('base64url')}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A short public id: the first 12 hex digits of the hash, safe to show and to log. */
export function tokenIdOf(hash: string): string {
  return hash.slice(0, 12);
}
