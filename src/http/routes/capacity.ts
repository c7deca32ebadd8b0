/**
 * GET /v1/capacity?date=YYYY-MM-DD (CONTRACT §5; anyone): how full each departure and
 * hub-day of one UTC date is, read from the ledger itself (not a process's view), with
 * the active network's schedule for the declared capacities nothing has booked yet.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fieldError } from '../../api/validation-error';
import { capacityReport } from '../../capacity/capacity-report';
import { dayOfDate } from '../../capacity/dates';
import { needRedis } from '../../redis/availability';
import { CapacityQuerySchema, CapacityResponseSchema } from '../../wire/capacity';
import { errorResponses } from '../../wire/error';
import { PUBLIC_SECURITY } from '../../wire/security';
import { minutesToIso } from '../../wire/time';
import type { Services } from '../services';

export const capacityRoutes: FastifyPluginAsyncTypebox<Services> = async (app, { redis, live, capacity }) => {
  app.get(
    '/v1/capacity',
    {
      schema: {
        tags: ['capacity'],
        operationId: 'getCapacity',
        summary: 'How full every departure and hub-day of one UTC date is',
        description:
          'Every departure and hub-day of the date with a booking or a declared capacity. A continuous leg shares its capacity per UTC hour and lists only the hours with bookings: its other hours have their whole capacity. legId keeps one leg (and the hub it leaves); hubId one hub (and the legs leaving it).',
        security: PUBLIC_SECURITY,
        querystring: CapacityQuerySchema,
        response: { 200: CapacityResponseSchema, ...errorResponses('VALIDATION', 'UNAVAILABLE') },
      },
    },
    async (request) => {
      const { date, legId, hubId } = request.query;
      const day = dayOfDate(date);
      if (day === undefined)
        throw fieldError('date', `'${date}' is not a date of the calendar (YYYY-MM-DD, from 1970)`);
      const network = live.require();
      const counters = await needRedis(redis, () => capacity.ledger.counters(date));
      const report = capacityReport(network.index, day, counters, { legId, hubId });
      return {
        date,
        departures: report.departures.map((d) => ({ ...d, departAt: minutesToIso(d.departAt) })),
        hubs: report.hubs,
      };
    },
  );
};
