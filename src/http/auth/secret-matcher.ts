/**
 * Constant-time matching of a presented secret against the configured ones:
 * both sides are hashed to equal-length digests and compared with
 * timingSafeEqual, and every configured secret is compared every time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export function secretMatcher(secrets: readonly string[]): (candidate: string | undefined) => boolean {
  const digests = secrets.map(digest);
  return (candidate) => {
    if (candidate === undefined) return false;
    const presented = digest(candidate);
    let matched = false;
    for (const known of digests) matched = timingSafeEqual(presented, known) || matched;
    return matched;
  };
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}
