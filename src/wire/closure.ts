import { Type, type Static } from 'typebox';
import { HubIdSchema, IsoTime } from './common';

const LegIdSchema = Type.String({ minLength: 1, maxLength: 128, description: 'A leg id of the active network.' });

/** Body of POST /v1/network/closures: exactly one of hubId or legId. */
export const ClosureInputSchema = Type.Object(
  {
    hubId: Type.Optional(HubIdSchema),
    legId: Type.Optional(LegIdSchema),
    from: IsoTime('Start of the closed window, rounded down to the minute.'),
    until: IsoTime('End of the closed window (exclusive), rounded up to the minute.'),
    reason: Type.String({ minLength: 1, maxLength: 500 }),
  },
  {
    additionalProperties: false,
    description:
      'Closes a hub (no departure from it) or a leg (no departure of it) for departures in [from, until). ' +
      'Times are rounded outwards to whole minutes.',
  },
);
export type ClosureInput = Static<typeof ClosureInputSchema>;

export const ClosureSchema = Type.Object({
  id: Type.String(),
  hubId: Type.Optional(Type.String()),
  legId: Type.Optional(Type.String()),
  from: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  reason: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ClosureRecord = Static<typeof ClosureSchema>;

export const ClosureListSchema = Type.Object({
  revision: Type.Integer({ description: 'Bumped on every closure change.' }),
  closures: Type.Array(ClosureSchema),
});

export const ClosureParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
