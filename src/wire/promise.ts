/** POST /v1/promises (docs/api.md): one origin to many destinations, at every level asked. */
import { Type, type Static } from 'typebox';
import { SERVICE_LEVELS } from '../routing/types';
import { HubIdSchema, IsoTime } from './common';
import { MAX_WEIGHT_KG } from './route';

/** Most destinations one request may list; without a list, every hub of the network is answered. */
export const MAX_PROMISE_DESTINATIONS = 1000;

/**
 * The body limit of POST /v1/promises: room for MAX_PROMISE_DESTINATIONS of the
 * longest hub ids (32 characters, quoted, with a comma), and 4 KiB for the rest.
 */
export const PROMISE_BODY_LIMIT_BYTES = MAX_PROMISE_DESTINATIONS * 35 + 4096;

export const PromiseRequestSchema = Type.Object(
  {
    origin: HubIdSchema,
    destinations: Type.Optional(
      Type.Array(HubIdSchema, {
        minItems: 1,
        maxItems: MAX_PROMISE_DESTINATIONS,
        description: `Hub ids, answered in this order (at most ${MAX_PROMISE_DESTINATIONS}). Default: every hub, in the network document's order.`,
      }),
    ),
    readyAt: Type.Optional(IsoTime('Hand-in time, rounded up to the minute. Default: now.')),
    weightKg: Type.Number({ exclusiveMinimum: 0, maximum: MAX_WEIGHT_KG }),
    serviceLevels: Type.Optional(
      Type.Array(Type.Enum(SERVICE_LEVELS), {
        minItems: 1,
        maxItems: SERVICE_LEVELS.length,
        uniqueItems: true,
        description: 'The levels answered, each a column. Default: all four.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PromiseRequestBody = Static<typeof PromiseRequestSchema>;

const IsoOut = Type.String({ format: 'date-time' });

export const PromiseCellSchema = Type.Union(
  [
    Type.Object({
      arriveAt: IsoOut,
      cost: Type.Number({ description: 'Unrounded.' }),
      co2Kg: Type.Number(),
      meetsDeadline: Type.Boolean(),
      deadline: IsoOut,
    }),
    Type.Null(),
  ],
  {
    description:
      'What POST /v1/routes answers for this destination and level (its route’s arriveAt, cost, co2Kg); null when it answers NO_ROUTE.',
  },
);

export const PromiseResponseSchema = Type.Object({
  networkVersion: Type.String(),
  origin: Type.String(),
  readyAt: IsoOut,
  rows: Type.Array(
    Type.Object({
      destination: Type.String(),
      express: Type.Optional(PromiseCellSchema),
      standard: Type.Optional(PromiseCellSchema),
      economy: Type.Optional(PromiseCellSchema),
      green: Type.Optional(PromiseCellSchema),
    }),
    { description: 'One row per destination; each holds the levels asked, and only those.' },
  ),
});
export type PromiseResponse = Static<typeof PromiseResponseSchema>;
