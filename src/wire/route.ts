/**
 * POST /v1/routes: the request and the answer (docs/api.md). The batch path
 * validates each parcel and writes each result line with these same schemas.
 */
import { Type, type Static } from 'typebox';
import { MODES, SERVICE_LEVELS } from '../routing/types';
import { HubIdSchema, IsoTime } from './common';

/** Longest parcelId accepted (a batch's intake checks its ids against it too). */
export const MAX_PARCEL_ID_LENGTH = 128;

/** Alternatives listed by default, and at most, when a request asks for them. */
export const DEFAULT_ALTERNATIVES = 5;
export const MAX_ALTERNATIVES = 20;

/** Heaviest parcel accepted, in kg: keeps costs and CO2 finite. */
export const MAX_WEIGHT_KG = 1_000_000;

export const AvoidSchema = Type.Object(
  {
    hubs: Type.Optional(Type.Array(HubIdSchema, { maxItems: 200, description: 'Not used as intermediate stops.' })),
    modes: Type.Optional(Type.Array(Type.Enum(MODES), { maxItems: MODES.length })),
    carriers: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);

export const RouteRequestSchema = Type.Object(
  {
    parcelId: Type.Optional(
      Type.String({ minLength: 1, maxLength: MAX_PARCEL_ID_LENGTH, description: 'Echoed in the answer.' }),
    ),
    origin: HubIdSchema,
    destination: HubIdSchema,
    weightKg: Type.Number({ exclusiveMinimum: 0, maximum: MAX_WEIGHT_KG }),
    readyAt: Type.Optional(IsoTime('Hand-in time, rounded up to the minute. Default: now.')),
    serviceLevel: Type.Optional(Type.Enum(SERVICE_LEVELS, { default: 'standard' })),
    deadline: Type.Optional(
      IsoTime('Rounded down to the minute. Default: readyAt + 24 h within one country, else + 72 h.'),
    ),
    avoid: Type.Optional(AvoidSchema),
    alternatives: Type.Optional(
      Type.Boolean({
        description:
          'Also list the routes by the deadline that no other beats on arrival, cost and CO2 at once, sorted by arriveAt.',
      }),
    ),
    maxAlternatives: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_ALTERNATIVES,
        default: DEFAULT_ALTERNATIVES,
        description:
          'At most this many alternatives. When there are more: the chosen route (when it meets the deadline), the earliest, the cheapest and the greenest first, then the others by arrival.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RouteRequestBody = Static<typeof RouteRequestSchema>;

const IsoOut = Type.String({ format: 'date-time' });

export const RouteLegSchema = Type.Object({
  legId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  mode: Type.Enum(MODES),
  carrier: Type.String(),
  departAt: IsoOut,
  arriveAt: IsoOut,
  sortMinutes: Type.Integer({ description: 'Sort time at `from` before the parcel was available.' }),
  waitMinutes: Type.Integer({ description: 'From available at `from` to departure.' }),
  cost: Type.Number({ description: 'costPerParcel + costPerKg × weight; unrounded.' }),
  handlingCost: Type.Number({
    description: 'handlingCost of `from`, charged as the parcel leaves it; the route cost is Σ (cost + handlingCost).',
  }),
  co2Kg: Type.Number(),
});

export const RoutePlanSchema = Type.Object({
  hubs: Type.Array(Type.String()),
  cost: Type.Number({ description: 'Unrounded.' }),
  co2Kg: Type.Number(),
  departAt: IsoOut,
  arriveAt: IsoOut,
  transitMinutes: Type.Integer(),
  legs: Type.Array(RouteLegSchema),
});

export const RouteResponseSchema = Type.Object({
  parcelId: Type.Optional(Type.String()),
  networkVersion: Type.String(),
  serviceLevel: Type.Enum(SERVICE_LEVELS),
  deadline: IsoOut,
  meetsDeadline: Type.Boolean(),
  slackMinutes: Type.Integer({ description: 'deadline − arriveAt; negative when late.' }),
  route: RoutePlanSchema,
  alternatives: Type.Optional(Type.Array(RoutePlanSchema, { description: 'When the request asked for them.' })),
});
export type RouteResponse = Static<typeof RouteResponseSchema>;
