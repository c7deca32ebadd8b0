/** The network document (docs/network.md) as documented at /docs, and the network calls' answers. */
import { Type } from 'typebox';
import { HUB_KINDS, MODES } from '../routing/types';
import { HubIdSchema } from './common';

export const HubSchema = Type.Object({
  id: HubIdSchema,
  name: Type.String(),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166 alpha-2' }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  sortMinutes: Type.Number({ minimum: 0 }),
  handlingCost: Type.Number({ minimum: 0 }),
  kind: Type.Optional(Type.Enum(HUB_KINDS)),
  capacityPerDay: Type.Optional(
    Type.Number({ minimum: 0, description: 'Parcels that may leave the hub per UTC day (CONTRACT §5).' }),
  ),
});

export const LegSchema = Type.Object({
  id: Type.String(),
  from: HubIdSchema,
  to: HubIdSchema,
  mode: Type.Enum(MODES),
  carrier: Type.String(),
  durationMinutes: Type.Number({ exclusiveMinimum: 0 }),
  costPerParcel: Type.Number({ minimum: 0 }),
  costPerKg: Type.Number({ minimum: 0 }),
  departures: Type.Optional(
    Type.Array(Type.String({ pattern: '^\\d{2}:\\d{2}$' }), {
      description: 'UTC HH:MM; absent or empty = continuous shuttle',
    }),
  ),
  days: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { description: 'ISO weekdays; absent = every day' }),
  ),
  cutoffMinutes: Type.Optional(Type.Number({ minimum: 0 })),
  co2KgPerKg: Type.Optional(Type.Number({ minimum: 0 })),
  capacityPerDeparture: Type.Optional(
    Type.Number({
      minimum: 0,
      description: 'Parcels one departure carries; on a continuous leg, per UTC clock hour (CONTRACT §5).',
    }),
  ),
  capacityKgPerDeparture: Type.Optional(
    Type.Number({
      minimum: 0,
      description: 'Kilograms one departure carries; on a continuous leg, per UTC clock hour (CONTRACT §5).',
    }),
  ),
});

export const NetworkDocumentSchema = Type.Object(
  { name: Type.String(), hubs: Type.Array(HubSchema), legs: Type.Array(LegSchema) },
  { description: 'Validated whole: an invalid document is refused with every problem listed.' },
);

export const UploadedNetworkSchema = Type.Object({
  version: Type.String(),
  hubs: Type.Integer({ description: 'number of hubs' }),
  legs: Type.Integer({ description: 'number of legs' }),
});

export const ActiveNetworkSchema = Type.Object({
  version: Type.String(),
  name: Type.String(),
  hubs: Type.Integer({ description: 'number of hubs' }),
  legs: Type.Integer({ description: 'number of legs' }),
  activatedAt: Type.String({ format: 'date-time' }),
});

export const HubListSchema = Type.Object({ networkVersion: Type.String(), hubs: Type.Array(HubSchema) });

export const HubParamsSchema = Type.Object({ id: HubIdSchema });
