/**
 * What routing calls (POST /v1/routes, batches) share: an API key when API_KEYS
 * is set, and a per-client rate limit (the client being its API key when keys
 * are required, else its IP; the key is checked before it counts). Registered on a plugin scope, it applies to every route in that scope.
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
  /** Calls per client per minute; 0 = no limit. */
  perMinute: number;
}

export async function routingClients(scope: FastifyInstance, options: RoutingClientOptions): Promise<void> {
  if (options.apiKeys.length) {
    const matches = secretMatcher(options.apiKeys);
    scope.addHook('onRequest', (request, _reply, done) => {
      if (matches(apiKeyOf(request))) return done();
      done(new AppError('UNAUTHORIZED', 'a valid API key is required (x-api-key header or Authorization: Bearer)'));
    });
  }
  if (options.perMinute > 0) {
    await scope.register(rateLimit, {
      max: options.perMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => (options.apiKeys.length ? `key:${apiKeyOf(request)}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) =>
        new AppError('RATE_LIMITED', `over ${context.max} calls a minute; retry in ${context.after}`),
    });
  }
}
