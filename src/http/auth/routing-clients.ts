/**
 * What routing calls (POST /v1/routes, batches) share: an API key when API_KEYS
 * is set, and a per-client rate limit (RateLimiter), the client being its API
 * key when keys are required (checked before it counts), else its IP.
 * Registered on a plugin scope, it applies to every route in that scope.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import { apiKeyOf } from './credentials';
import { RateLimiter } from './rate-limiter';
import { secretMatcher } from './secret-matcher';

export interface RoutingClientOptions {
  /** Accepted API keys; empty = open. */
  apiKeys: readonly string[];
  /** Calls per client per minute; 0 = no limit. */
  perMinute: number;
}

export function routingClients(scope: FastifyInstance, options: RoutingClientOptions): void {
  const keyed = options.apiKeys.length > 0;
  if (keyed) {
    const matches = secretMatcher(options.apiKeys);
    scope.addHook('onRequest', (request, _reply, done) => {
      if (matches(apiKeyOf(request))) return done();
      done(new AppError('UNAUTHORIZED', 'a valid API key is required (x-api-key header or Authorization: Bearer)'));
    });
  }
  if (options.perMinute > 0) {
    const limiter = new RateLimiter(options.perMinute);
    const clientOf = keyed
      ? (request: FastifyRequest) => `key:${apiKeyOf(request)}`
      : (request: FastifyRequest) => `ip:${request.ip}`;
    scope.addHook('onRequest', (request, reply, done) => {
      const retryAfter = limiter.take(clientOf(request));
      if (retryAfter === 0) return done();
      void reply.header('retry-after', String(retryAfter)).header('x-ratelimit-limit', String(limiter.perMinute));
      done(new AppError('RATE_LIMITED', `over ${limiter.perMinute} calls a minute; retry in ${retryAfter} s`));
    });
  }
}
