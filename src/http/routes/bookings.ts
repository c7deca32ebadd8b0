/**
 * POST /v1/bookings, GET and DELETE /v1/bookings/:bookingId, GET /v1/bookings/affected
 * (CONTRACT §5). Routing calls: API keys and the rate limit apply, as to POST /v1/routes.
 * A booking id names either a booking made here (BookingService) or a parcel of a booked
 * batch or plan (RunBookings); both answer in the shape of the answer that made them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fieldError } from '../../api/validation-error';
import { ResultsStore } from '../../batch/results-store';
import { affectedFields, affectedLoads } from '../../capacity/affected';
import { parseBookingId } from '../../capacity/booking-id';
import { RunBookings } from '../../capacity/run-bookings';
import { PlanStore } from '../../plan-jobs/plan-store';
import { dayOfDate } from '../../capacity/dates';
import { AppError } from '../../errors';
import { toCoreClosure } from '../../network/live-network';
import { needRedis } from '../../redis/availability';
import { bodyHash, idempotencyHash } from '../../redis/idempotency-keys';
import { keys } from '../../redis/keys';
import { BookingHeadersSchema, BookingParamsSchema, BookingResponseSchema } from '../../wire/booking';
import { AffectedQuerySchema, AffectedResponseSchema } from '../../wire/capacity';
import { errorResponses } from '../../wire/error';
import { RouteRequestSchema } from '../../wire/route';
import { routingSecurity } from '../../wire/security';
import { minutesToIso } from '../../wire/time';
import { apiKeyOf } from '../auth/credentials';
import { routeQueryOf } from '../route-body';
import { sendJsonText } from '../json-text';
import type { Services } from '../services';

export const bookingRoutes: FastifyPluginAsyncTypebox<Services> = async (
  app,
  { config, redis, live, capacity, bookings },
) => {
  const k = keys(config.keyPrefix);
  const batchResults = new ResultsStore(redis, k);
  const plans = new PlanStore(redis, k, config.resultsTtlSeconds);
  const runBookings = new RunBookings(
    redis,
    [
      { read: (id, chunk) => batchResults.read(id, chunk), keys: (id) => k.batch(id) },
      { read: (id, chunk) => plans.readResults(id, chunk), keys: (id) => k.plan(id) },
    ],
    capacity.ledger,
    capacity.resolver,
  );
  const security = routingSecurity(config.apiKeys);

  app.post(
    '/v1/bookings',
    {
      attachValidation: true,
      schema: {
        tags: ['bookings'],
        operationId: 'bookParcel',
        summary: 'Route one parcel over what has room and book the route in one step',
        description: [
          "The body is a route request (as POST /v1/routes). The level's route is found over the departures and hub-days with room, and booked: one parcel and its weight on every departure of the route, one parcel on the day of every hub it leaves.",
          '201 with the route answer plus bookingId and bookedAt. 422 NO_CAPACITY when routes exist but none has room (or other bookings kept taking the room found, 4 times); 422 NO_ROUTE when none exists.',
          'With an Idempotency-Key: the same key and body give back the same booking (200); another body, 409.',
        ].join(' '),
        security,
        headers: BookingHeadersSchema,
        body: RouteRequestSchema,
        response: {
          200: BookingResponseSchema,
          201: BookingResponseSchema,
          ...errorResponses(
            'VALIDATION',
            'UNAUTHORIZED',
            'CONFLICT',
            'PAYLOAD_TOO_LARGE',
            'UNSUPPORTED_MEDIA_TYPE',
            'NO_CAPACITY',
            'RATE_LIMITED',
            'UNAVAILABLE',
          ),
        },
      },
    },
    async (request, reply) => {
      const parsed = routeQueryOf(request);
      const key = request.headers['idempotency-key'];
      const booking = await bookings.book({
        query: parsed.query,
        parcelId: parsed.parcelId,
        // Only a replayed key compares bodies: no hash without one.
        bodyHash: key === undefined ? '' : bodyHash(request.body),
        idempotencyHash: key === undefined ? undefined : idempotencyHash(apiKeyOf(request) ?? '', key),
      });
      sendJsonText(
        reply.code(booking.created ? 201 : 200).header('location', `/v1/bookings/${booking.bookingId}`),
        booking.json,
      );
    },
  );

  app.get(
    '/v1/bookings/affected',
    {
      schema: {
        tags: ['bookings'],
        operationId: 'listAffectedBookings',
        summary: 'Bookings of a UTC date that the active network no longer serves as booked',
        description:
          'A new network version keeps every booking made under an older one. Listed here, with the bookings that hold them: departures whose leg is gone, that the leg no longer makes, or that a closure covers; departures and hub-days booked past the capacity the active network declares; hub-days of hubs that are gone. Reads the whole date: an operations call.',
        security,
        querystring: AffectedQuerySchema,
        response: {
          200: AffectedResponseSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request) => {
      const { date } = request.query;
      if (dayOfDate(date) === undefined)
        throw fieldError('date', `'${date}' is not a date of the calendar (YYYY-MM-DD, from 1970)`);
      const network = live.require();
      return needRedis(redis, async () => {
        const affected = affectedLoads(
          network.index,
          network.closures.map(toCoreClosure),
          await capacity.ledger.counters(date),
        );
        const wanted = affectedFields(affected);
        const holders = new Map<string, string[]>();
        for await (const [id, fields] of capacity.ledger.holds(date)) {
          for (const field of fields) {
            if (!wanted.has(field)) continue;
            const ids = holders.get(field);
            if (ids) ids.push(id);
            else holders.set(field, [id]);
          }
        }
        return {
          date,
          networkVersion: network.version,
          departures: affected.departures.map((d) => ({
            ...d,
            departAt: minutesToIso(d.departAt),
            bookings: holders.get(`p:${d.legId}:${d.departAt}`) ?? [],
          })),
          hubs: affected.hubs.map((h) => ({ ...h, bookings: holders.get(`h:${h.hubId}`) ?? [] })),
        };
      });
    },
  );

  app.get(
    '/v1/bookings/:bookingId',
    {
      schema: {
        tags: ['bookings'],
        operationId: 'getBooking',
        summary: 'A booking, in the shape of the answer that made it',
        security,
        params: BookingParamsSchema,
        response: {
          200: BookingResponseSchema,
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const ref = refOf(request.params.bookingId);
      sendJsonText(reply, ref.kind === 'single' ? await bookings.get(ref) : await runBookings.get(ref));
    },
  );

  app.delete(
    '/v1/bookings/:bookingId',
    {
      schema: {
        tags: ['bookings'],
        operationId: 'releaseBooking',
        summary: 'Release a booking: its capacity is free again at once',
        description: '204 once every departure and hub-day it held has its room back; a second DELETE answers 404.',
        security,
        params: BookingParamsSchema,
        response: {
          204: { description: 'Released', type: 'null' },
          ...errorResponses('VALIDATION', 'UNAUTHORIZED', 'NOT_FOUND', 'RATE_LIMITED', 'UNAVAILABLE'),
        },
      },
    },
    async (request, reply) => {
      const ref = refOf(request.params.bookingId);
      if (ref.kind === 'single') await bookings.release(ref);
      else await runBookings.release(ref);
      return reply.code(204).send(null);
    },
  );
};

function refOf(id: string) {
  const ref = parseBookingId(id);
  if (!ref) throw new AppError('NOT_FOUND', `no booking '${id}' (not a booking id)`, { field: 'bookingId' });
  return ref;
}
