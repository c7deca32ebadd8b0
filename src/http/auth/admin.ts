/**
 * The onRequest hook of admin calls: `Authorization: Bearer <ADMIN_TOKEN>`.
 * Admin calls answer 403 while ADMIN_TOKEN is unset, 401 for a missing or wrong token.
 */
import type { onRequestHookHandler } from 'fastify';
import { AppError } from '../../errors';
import { bearerToken } from './credentials';
import { secretMatcher } from './secret-matcher';

/** What an admin call may answer for its guard (and Redis, which every admin call needs), for the route schemas. */
export const ADMIN_ERRORS = ['UNAUTHORIZED', 'FORBIDDEN', 'UNAVAILABLE'] as const;

export function adminOnly(adminToken: string | undefined): onRequestHookHandler {
  const matches = secretMatcher(adminToken ? [adminToken] : []);
  return (request, _reply, done) => {
    if (!adminToken) return done(new AppError('FORBIDDEN'));
    if (!matches(bearerToken(request)))
      return done(new AppError('UNAUTHORIZED', 'a valid admin bearer token is required'));
    done();
  };
}
