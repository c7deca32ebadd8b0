/** Discovery calls (docs/api.md): legs, the network document and its versions, the hubs nearest to a point. */
import { Type } from 'typebox';
import { HUB_KINDS, MODES } from '../routing/types';
import { HubIdSchema } from './common';
import { HubSchema, LegSchema } from './network';

export const LegListQuerySchema = Type.Object(
  {
    from: Type.Optional(HubIdSchema),
    to: Type.Optional(HubIdSchema),
    mode: Type.Optional(Type.Enum(MODES)),
  },
  { additionalProperties: false },
);

export const LegListSchema = Type.Object({ networkVersion: Type.String(), legs: Type.Array(LegSchema) });

export const LegParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** Most hubs one GET /v1/hubs/nearest answers with. */
export const MAX_NEAREST_LIMIT = 100;

/** Hubs GET /v1/hubs/nearest answers with when no limit is given. */
export const DEFAULT_NEAREST_LIMIT = 5;

export const NearestQuerySchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude of the point, degrees.' }),
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude of the point, degrees.' }),
    kind: Type.Optional(Type.Enum(HUB_KINDS, { description: 'Only hubs of this kind.' })),
    // A number that must be whole: an Integer would have the query string's 2.5 truncated to 2, not refused.
    limit: Type.Optional(
      Type.Number({
        minimum: 1,
        maximum: MAX_NEAREST_LIMIT,
        multipleOf: 1,
        default: DEFAULT_NEAREST_LIMIT,
        description: 'Most hubs answered.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const NearestHubsSchema = Type.Object({
  networkVersion: Type.String(),
  hubs: Type.Array(
    Type.Object({
      ...HubSchema.properties,
      distanceKm: Type.Number({ description: 'Great-circle distance from the point (mean Earth radius 6,371 km).' }),
    }),
    { description: 'Nearest first; equal distances in hub id order.' },
  ),
});

export const NetworkVersionsSchema = Type.Object({
  active: Type.Union([Type.String(), Type.Null()], { description: 'The version every process serves.' }),
  versions: Type.Array(
    Type.Object({
      version: Type.String(),
      activatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
        description: 'When it last became active; null for a version stored before activation times were kept.',
      }),
      active: Type.Boolean(),
    }),
    { description: 'The versions kept for rollback, the active one first, then by activation, newest first.' },
  ),
});
