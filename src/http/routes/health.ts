/**
 * Health for orchestrators: live = the process answers; ready = Redis answers
 * and a network is active (else 503 with Retry-After, so traffic goes elsewhere).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { needRedis } from '../../redis/availability';
import { PUBLIC_SECURITY } from '../../wire/security';
import { RETRY_AFTER_SECONDS } from '../error-handler';
import { LiveSchema, ReadySchema } from '../../wire/health';
import type { Services } from '../services';

export const healthRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { live, redis }) => {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        operationId: 'getLiveness',
        summary: 'The process answers',
        security: PUBLIC_SECURITY,
        response: { 200: LiveSchema },
      },
    },
    (_request, reply) => {
      reply.send({ status: 'ok' });
    },
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        operationId: 'getReadiness',
        summary: 'Redis answers and a network is active',
        security: PUBLIC_SECURITY,
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (_request, reply) => {
      const redisUp = await needRedis(redis, () => redis.ping()).then(
        () => true,
        () => false,
      );
      const networkVersion = live.current?.version ?? null;
      const ready = redisUp && networkVersion !== null;
      if (!ready) void reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
      return { status: ready ? 'ready' : 'not-ready', redis: redisUp ? 'up' : 'down', networkVersion } as const;
    },
  );
};
