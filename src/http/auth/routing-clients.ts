/**
 * What routing calls (POST /v1/routes, batches) share when API_KEYS is set: an
 * API key, and a per-key rate limit (the key is checked before it counts).
 * Without API_KEYS routing is open (CONTRACT §3), so there are no clients to
 * tell apart and nothing is registered: no key check, no limit (the rate-limit
 * plugin cost ~3 µs a call, ~10% of the HTTP layer of POST /v1/routes).
 * Registered on a plugin scope, it applies to every route in that scope.
 * The limit is counted in this process's memory, so that routing never waits
 * on Redis; with N processes a client may get up to N × the limit.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors';
import { apiKeyOf } from './credentials';
import { secretMatcher } from './secret-matcher';

export interface RoutingClientOptions {
  /** Accepted API keys; empty = open. */
  apiKeys: readonly string[];
  /** Calls per API key per minute; 0 = no limit. Only applies when apiKeys is not empty. */
  perMinute: number;
}

export async function routingClients(scope: FastifyInstance, options: RoutingClientOptions): Promise<void> {
  if (!options.apiKeys.length) return;
  const matches = secretMatcher(options.apiKeys);
  scope.addHook('onRequest', (request, _reply, done) => {
    if (matches(apiKeyOf(request))) return done();
    done(new AppError('UNAUTHORIZED', 'a valid API key is required (x-api-key header or Authorization: Bearer)'));
  });
  if (options.perMinute > 0) {
    await scope.register(rateLimit, {
      max: options.perMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => `key:${apiKeyOf(request)}`,
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', `over ${context.max} calls a minute; retry in ${context.after}`),
    });
  }
}
