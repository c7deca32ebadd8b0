/** POST /v1/plans, GET /v1/plans/:id and its results (docs/api.md, docs/plans.md): requests and answers. */
import { Type, type Static } from 'typebox';
import { idempotencyKeyHeaders } from './idempotency-key';
import { NDJSON } from './batch';

/** The highest penalty a query may give: beyond it, costs vanish in the rounding of the LP. */
export const MAX_PENALTY = 1e9;

export const PlanQuerySchema = Type.Object(
  {
    book: Type.Optional(
      Type.Enum(['true', 'false'], {
        description:
          'true: the plan is booked in the capacity ledger beside live bookings. Each result line carries its bookingId; a parcel whose planned room was taken meanwhile is routed again over what has room, or gets {parcelId, error: {code: "NO_CAPACITY", …}}. A plan run twice books nothing twice.',
      }),
    ),
    latePenalty: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: MAX_PENALTY,
        default: 100,
        description: 'Charged in the objective for each parcel arriving after its deadline.',
      }),
    ),
    unplannedPenalty: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: MAX_PENALTY,
        default: 1000,
        description: 'Charged in the objective for each parcel with no route that has room.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PlanIdParamsSchema = Type.Object({
  planId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }),
});

export const PlanAcceptedSchema = Type.Object({
  planId: Type.String(),
  total: Type.Integer({
    description: 'Parcels in the plan, the invalid ones included: the results hold this many lines.',
  }),
  statusUrl: Type.String({ examples: ['/v1/plans/6f1c…'] }),
  resultsUrl: Type.String({ examples: ['/v1/plans/6f1c…/results'] }),
});
export type PlanAccepted = Static<typeof PlanAcceptedSchema>;

const Figure = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });
const Count = (description: string) => Type.Union([Type.Integer(), Type.Null()], { description });

export const PlanStatusSchema = Type.Object({
  planId: Type.String(),
  state: Type.Enum(['queued', 'running', 'completed', 'failed'], {
    description: 'Figures are null until the plan is completed.',
  }),
  total: Type.Integer(),
  book: Type.Boolean(),
  latePenalty: Type.Number(),
  unplannedPenalty: Type.Number(),
  planned: Count('Parcels with a route (the late ones included).'),
  late: Count('Planned parcels arriving after their deadline (CONTRACT §2), economy included.'),
  unplanned: Count('Parcels with no route that has room: their result line is NO_CAPACITY.'),
  failed: Count('Parcels outside the plan: invalid, unknown hub, or no route at all (their lines say which).'),
  objective: Figure('Σ cost + latePenalty × late + unplannedPenalty × unplanned.'),
  lowerBound: Figure(
    'A proven lower bound on the objective of every plan over the routes `bound` names (docs/plans.md).',
  ),
  gap: Figure('(objective − lowerBound) / objective, a fraction.'),
  bound: Type.Union([Type.String(), Type.Null()], { description: 'What lowerBound bounds, in words.' }),
  greedy: Type.Union([
    Type.Object(
      { objective: Type.Number(), late: Type.Integer(), unplanned: Type.Integer() },
      {
        description:
          'Booking the same parcels one by one in submission order (CONTRACT §5), in memory, from the same starting loads.',
      },
    ),
    Type.Null(),
  ]),
  source: Type.Union([Type.Enum(['lp', 'greedy']), Type.Null()], {
    description: 'lp: the rounded LP plan; greedy: greedy was no worse, and is the plan.',
  }),
  solveSeconds: Figure('Seconds spent in the LP solver (HiGHS).'),
  totalSeconds: Figure('Seconds to make the plan (booking excluded).'),
  commodities: Count('Parcel groups of the LP (same origin, destination, readyAt, deadline and weight class).'),
  lp: Type.Union(
    [Type.Object({ columns: Type.Integer(), rows: Type.Integer(), nonzeros: Type.Integer() }), Type.Null()],
    {
      description: 'The size of the last LP solved.',
    },
  ),
  lpSolves: Count('LPs solved: the first, one per round of pricing, and one after the repair.'),
  split: Type.Union([Type.String(), Type.Null()], {
    description: 'How the plan was split into models: "none" for one model.',
  }),
  helper: Type.Union([Type.Object({ searches: Type.Integer(), halves: Type.Integer() }), Type.Null()], {
    description:
      "What the plan's helper thread did (docs/plans.md): the queries it searched, and the halves of the bound's evaluations it made. 0 searches on a plan of more than a few dozen parcels: the helper failed, and the plans thread did its work.",
  }),
  booked: Count('book=true: parcels booked.'),
  rerouted: Count('book=true: parcels whose planned room live bookings took, routed again.'),
  error: Type.Union([Type.String(), Type.Null()], { description: 'Why the plan failed.' }),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type PlanStatusBody = Static<typeof PlanStatusSchema>;

export const PlanResultsSchema = {
  description: 'NDJSON: one line per parcel, in submission order.',
  content: {
    [NDJSON]: {
      schema: Type.Unknown({
        description:
          'A route answer (as POST /v1/routes; with bookingId and bookedAt when book=true), or {parcelId, error: {code, message}} (NO_CAPACITY for an unplanned parcel).',
      }),
    },
  },
};

export const PlanHeadersSchema = idempotencyKeyHeaders(
  'The same key (from the same client) answers the same plan, for RESULTS_TTL; its parcels are then not read.',
);
