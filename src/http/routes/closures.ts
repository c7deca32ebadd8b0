/**
 * Closures of hubs and legs for a time window (disruptions, what-if): GET lists
 * them (anyone, from memory), POST and DELETE (admin) change them everywhere.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isoToMinutes, minutesToIso } from '../../wire/time';
import { fieldError } from '../../api/validation-error';
import { AppError } from '../../errors';
import type { NetworkSnapshot } from '../../network/live-network';
import { ADMIN_ERRORS, adminOnly } from '../auth/admin';
import {
  ClosureInputSchema,
  ClosureListSchema,
  ClosureParamsSchema,
  ClosureSchema,
  type ClosureInput,
} from '../../wire/closure';
import { errorResponses } from '../../wire/error';
import { ADMIN_SECURITY, PUBLIC_SECURITY } from '../../wire/security';
import type { Services } from '../services';

export const closureRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { config, live, closures }) => {
  const admin = adminOnly(config.adminToken);

  app.get(
    '/v1/network/closures',
    {
      schema: {
        tags: ['network'],
        operationId: 'listClosures',
        summary: 'Closures in force',
        security: PUBLIC_SECURITY,
        response: { 200: ClosureListSchema, ...errorResponses('UNAVAILABLE') },
      },
    },
    (_request, reply) => {
      const network = live.require();
      reply.send({ revision: network.closuresRevision, closures: [...network.closures] });
    },
  );

  app.post(
    '/v1/network/closures',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        operationId: 'addClosure',
        summary: 'Close a hub or a leg for a time window',
        security: ADMIN_SECURITY,
        body: ClosureInputSchema,
        response: {
          201: ClosureSchema,
          ...errorResponses('VALIDATION', 'UNSUPPORTED_MEDIA_TYPE', 'UNKNOWN_HUB', 'UNKNOWN_LEG', ...ADMIN_ERRORS),
        },
      },
    },
    async (request, reply) => {
      const closure = checkClosure(request.body, live.require());
      const record = await closures.add(closure);
      await live.refresh();
      return reply.status(201).send(record);
    },
  );

  app.delete(
    '/v1/network/closures/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        operationId: 'removeClosure',
        summary: 'Reopen: remove a closure',
        security: ADMIN_SECURITY,
        params: ClosureParamsSchema,
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses('NOT_FOUND', ...ADMIN_ERRORS) },
      },
    },
    async (request, reply) => {
      if (!(await closures.remove(request.params.id))) {
        throw new AppError('NOT_FOUND', `no closure '${request.params.id}'`);
      }
      await live.refresh();
      return reply.status(204).send(null);
    },
  );
};

/** One of hubId or legId, naming something in the active network; from < until, whole minutes outwards. */
function checkClosure(input: ClosureInput, network: NetworkSnapshot) {
  const { hubId, legId, reason } = input;
  if ((hubId === undefined) === (legId === undefined)) throw fieldError('hubId', 'give exactly one of hubId or legId');
  if (hubId !== undefined && !network.index.hubByCode.has(hubId)) {
    throw new AppError('UNKNOWN_HUB', `unknown hub '${hubId}'`, { field: 'hubId' });
  }
  if (legId !== undefined && !network.index.legByCode.has(legId)) {
    throw new AppError('UNKNOWN_LEG', `unknown leg '${legId}'`, { field: 'legId' });
  }
  const from = isoToMinutes(input.from, 'down');
  const until = isoToMinutes(input.until, 'up');
  if (from === undefined) throw fieldError('from', 'is not a valid time');
  if (until === undefined || until <= from) throw fieldError('until', 'must be a time after from');
  const target = hubId !== undefined ? { hubId } : { legId };
  return { ...target, from: minutesToIso(from), until: minutesToIso(until), reason };
}
