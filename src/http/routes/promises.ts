/**
 * POST /v1/promises: a promise table from one origin (src/api/promise-table.ts).
 * A routing call: API keys and the rate limit apply, as to POST /v1/routes.
 */
import { setImmediate } from 'node:timers/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { promiseTable, type PromiseRow } from '../../api/promise-table';
import { readyAtOf } from '../../api/route-request';
import { minutesToIso } from '../../wire/time';
import { SERVICE_LEVELS } from '../../routing/types';
import { ROUTING_ERRORS } from '../../wire/error';
import {
  PROMISE_BODY_LIMIT_BYTES,
  PromiseRequestSchema,
  PromiseResponseSchema,
  type PromiseResponse,
} from '../../wire/promise';
import type { Services } from '../services';
import { routingSecurity } from '../../wire/security';

/** Longest stretch of table work between two turns of the event loop, in ms. */
const SLICE_MS = 5;

export const promiseRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { config, live }) => {
  app.post(
    '/v1/promises',
    {
      bodyLimit: Math.max(config.bodyLimitBytes, PROMISE_BODY_LIMIT_BYTES),
      schema: {
        tags: ['routing'],
        operationId: 'promiseTable',
        security: routingSecurity(config.apiKeys),
        summary: 'What each service level promises from one origin to many destinations',
        description:
          'Each cell is what POST /v1/routes answers for that destination and level, with the same readyAt and ' +
          'weightKg, the default deadline and no avoid: its arriveAt, cost and co2Kg, meetsDeadline and deadline, ' +
          'or null for NO_ROUTE. An unknown hub is a 422 UNKNOWN_HUB whose `field` names it (`origin`, `destinations[3]`).',
        body: PromiseRequestSchema,
        response: {
          200: PromiseResponseSchema,
          ...ROUTING_ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { origin, destinations, weightKg, serviceLevels } = request.body;
      const readyAt = readyAtOf(request.body.readyAt);
      if (typeof readyAt !== 'number') throw readyAt;
      const network = live.require();
      const table = promiseTable(network.router, {
        origin,
        destinations,
        readyAt,
        weightKg,
        levels: serviceLevels ?? SERVICE_LEVELS,
      });
      const rows: PromiseResponse['rows'] = [];
      // A table of thousands of cells takes long enough to stall other calls: they are let in every SLICE_MS.
      let sliceStart = performance.now();
      const yieldNow = async (): Promise<void> => {
        if (performance.now() - sliceStart <= SLICE_MS) return;
        await setImmediate();
        sliceStart = performance.now();
      };
      for (const _slice of table.prepare) await yieldNow();
      for (const row of table.rows) {
        rows.push(toRow(row));
        await yieldNow();
      }
      const body: PromiseResponse = { networkVersion: network.version, origin, readyAt: minutesToIso(readyAt), rows };
      // Sent as JSON text, as POST /v1/routes' answers are: the response schema documents it.
      const raw: FastifyReply = reply;
      return raw.type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  );
};

function toRow({ destination, cells }: PromiseRow): PromiseResponse['rows'][number] {
  const row: PromiseResponse['rows'][number] = { destination };
  for (const level of SERVICE_LEVELS) {
    const cell = cells[level];
    if (cell !== undefined)
      row[level] = cell && { ...cell, arriveAt: minutesToIso(cell.arriveAt), deadline: minutesToIso(cell.deadline) };
  }
  return row;
}
