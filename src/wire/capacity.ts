/** GET /v1/capacity and GET /v1/bookings/affected (CONTRACT §5): how full one UTC date is, and what a new network leaves stranded. */
import { Type } from 'typebox';
import { HubIdSchema } from './common';

const DateSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A UTC date, YYYY-MM-DD.',
  examples: ['2026-11-24'],
});
const LegIdSchema = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' });
const Capacity = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description });
const IsoOut = Type.String({ format: 'date-time' });

export const CapacityQuerySchema = Type.Object(
  {
    date: DateSchema,
    legId: Type.Optional(LegIdSchema),
    hubId: Type.Optional(HubIdSchema),
  },
  { additionalProperties: false },
);

export const DepartureLoadSchema = Type.Object({
  legId: Type.String(),
  departAt: Type.String({
    format: 'date-time',
    description: 'The departure; on a continuous leg, the start of the UTC hour that shares its capacity.',
  }),
  capacity: Capacity('Parcels a departure carries (an hour, on a continuous leg); null when the leg declares none.'),
  capacityKg: Type.Union([Type.Number(), Type.Null()], {
    description: 'Kilograms a departure carries; null when the leg declares none.',
  }),
  booked: Type.Integer(),
  bookedKg: Type.Number({ description: 'Booked weight, counted in whole grams (each parcel rounded up).' }),
});

export const HubDayLoadSchema = Type.Object({
  hubId: Type.String(),
  capacity: Capacity('Parcels that may leave the hub that day; null when it declares none.'),
  booked: Type.Integer({ description: 'Parcels booked to leave the hub that day.' }),
});

export const CapacityResponseSchema = Type.Object({
  date: Type.String(),
  departures: Type.Array(DepartureLoadSchema, {
    description:
      'Every departure of the date with a booking or a declared capacity, by time then leg id. A continuous leg lists only its hours with bookings.',
  }),
  hubs: Type.Array(HubDayLoadSchema, {
    description: 'Every hub with a booking that day or a declared capacity, by hub id.',
  }),
});

export const AffectedQuerySchema = Type.Object({ date: DateSchema }, { additionalProperties: false });

const Reason = Type.Enum(['leg-gone', 'departure-gone', 'leg-closed', 'hub-closed', 'hub-gone', 'over-capacity'], {
  description:
    'leg-gone / hub-gone: not in the active network; departure-gone: the leg no longer leaves at that time; leg-closed / hub-closed: a closure covers the departure; over-capacity: booked past what the active network declares.',
});
const BookingIds = Type.Array(Type.String(), { description: 'The bookings that hold it.' });

export const AffectedResponseSchema = Type.Object({
  date: Type.String(),
  networkVersion: Type.String(),
  departures: Type.Array(
    Type.Object({ ...DepartureLoadSchema.properties, departAt: IsoOut, reason: Reason, bookings: BookingIds }),
  ),
  hubs: Type.Array(Type.Object({ ...HubDayLoadSchema.properties, reason: Reason, bookings: BookingIds })),
});
