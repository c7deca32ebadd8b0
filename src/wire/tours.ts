/**
 * POST /v1/tours (CONTRACT §7): a subset of VROOM's input and output (its
 * docs/API.md), plus `startHub`/`endHub`, `options`, CO2 and `summary.naive`.
 * docs/tours.md describes every field, the limits and the deviations from VROOM.
 */
import { Type, type Static } from 'typebox';
import { HubIdSchema } from './common';

/** Jobs per request (CONTRACT §7); more answer 413. */
export const MAX_TOUR_JOBS = 10_000;
/** Vehicles per request; more answer 413. */
export const MAX_TOUR_VEHICLES = 2_000;
/** Capacity dimensions. */
export const MAX_DIMENSIONS = 8;
/** Largest amount, time, matrix value: integers that fit 32 bits (matrices) or stay exact (times). */
const MAX_INT32 = 2_147_483_647;
const MAX_TIME = 1e12;

const Id = Type.Union(
  [Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }), Type.String({ minLength: 1, maxLength: 128 })],
  {
    description: 'An integer, as in VROOM, or a string.',
  },
);
/** Written as arrays of two, not tuples: the OpenAPI 3.1 document then needs no `prefixItems`; the latitude's range is checked with the request. */
const Coordinates = Type.Unsafe<[number, number]>(
  Type.Array(Type.Number({ minimum: -180, maximum: 180 }), {
    minItems: 2,
    maxItems: 2,
    description: '[lon, lat] in degrees: lon from -180 to 180, lat from -90 to 90.',
  }),
);
const Index = Type.Integer({ minimum: 0, maximum: 100_000, description: 'Row and column in `matrices`.' });
const Amounts = Type.Array(Type.Integer({ minimum: 0, maximum: MAX_INT32 }), { maxItems: MAX_DIMENSIONS });
const Seconds = Type.Integer({ minimum: 0, maximum: MAX_TIME });
const TimeWindow = Type.Unsafe<[number, number]>(
  Type.Array(Seconds, { minItems: 2, maxItems: 2, description: '[start, end], seconds, both included.' }),
);
const Profile = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export const TourJobSchema = Type.Object(
  {
    id: Id,
    description: Type.Optional(Type.String({ maxLength: 1024 })),
    location: Type.Optional(Coordinates),
    location_index: Type.Optional(Index),
    service: Type.Optional(
      Type.Integer({ minimum: 0, maximum: MAX_INT32, description: 'Seconds at the job. Default 0.' }),
    ),
    delivery: Type.Optional(Amounts),
    pickup: Type.Optional(Amounts),
    time_windows: Type.Optional(
      Type.Array(TimeWindow, { maxItems: 32, description: 'Service starts within one of them. Default: any time.' }),
    ),
    priority: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 100, description: 'Kept first when not every job fits. Default 0.' }),
    ),
  },
  { additionalProperties: false },
);

export const TourVehicleSchema = Type.Object(
  {
    id: Id,
    description: Type.Optional(Type.String({ maxLength: 1024 })),
    profile: Type.Optional(Profile),
    start: Type.Optional(Coordinates),
    end: Type.Optional(Coordinates),
    start_index: Type.Optional(Index),
    end_index: Type.Optional(Index),
    startHub: Type.Optional(HubIdSchema),
    endHub: Type.Optional(HubIdSchema),
    capacity: Type.Optional(Amounts),
    time_window: Type.Optional(TimeWindow),
    max_distance: Type.Optional(
      Type.Integer({ minimum: 0, maximum: MAX_INT32, description: "Metres: an electric van's range." }),
    ),
    max_travel_time: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: MAX_INT32,
        description: 'Seconds of travel (service and waiting not counted).',
      }),
    ),
    max_tasks: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_TOUR_JOBS })),
    speed_factor: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 5, description: 'Travel times are divided by it. Default 1.' }),
    ),
  },
  { additionalProperties: false },
);

const MatrixRows = Type.Array(Type.Array(Type.Integer({ minimum: 0, maximum: MAX_INT32 })), { minItems: 1 });

export const ToursRequestSchema = Type.Object(
  {
    jobs: Type.Array(TourJobSchema, { description: `At most ${MAX_TOUR_JOBS} (413 beyond).` }),
    vehicles: Type.Array(TourVehicleSchema, { minItems: 1, description: `At most ${MAX_TOUR_VEHICLES} (413 beyond).` }),
    matrices: Type.Optional(
      Type.Record(
        Profile,
        Type.Object({ durations: MatrixRows, distances: Type.Optional(MatrixRows) }, { additionalProperties: false }),
        {
          maxProperties: 8,
          description:
            'Per profile; square, covering every index used. Without them: great-circle distance × detourFactor.',
        },
      ),
    ),
    options: Type.Optional(
      Type.Object(
        {
          timeLimitSeconds: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 3600 })),
          iterations: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
          seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4_294_967_295 })),
          detourFactor: Type.Optional(
            Type.Number({ minimum: 1, maximum: 10, description: 'Road ÷ great-circle distance. Default 1.3.' }),
          ),
          speedKmh: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 300, description: 'Default 30.' })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ToursRequest = Static<typeof ToursRequestSchema>;
export type TourJobBody = Static<typeof TourJobSchema>;
export type TourVehicleBody = Static<typeof TourVehicleSchema>;

const StepSchema = Type.Object({
  type: Type.Union([Type.Literal('start'), Type.Literal('job'), Type.Literal('end')]),
  id: Type.Optional(Id),
  location: Type.Optional(Coordinates),
  location_index: Type.Optional(Type.Integer()),
  arrival: Type.Number({ description: 'Seconds.' }),
  duration: Type.Number({ description: 'Travel time so far, on arrival.' }),
  distance: Type.Optional(Type.Number({ description: 'Metres so far, on arrival.' })),
  waiting_time: Type.Number(),
  service: Type.Number(),
  load: Type.Array(Type.Number(), { description: 'On board after the step.' }),
});

const CostFigures = {
  cost: Type.Number(),
  distance: Type.Optional(Type.Number()),
  duration: Type.Number({ description: 'Travel time only, as in VROOM.' }),
  service: Type.Number(),
  waiting_time: Type.Number(),
  priority: Type.Integer(),
  co2Kg: Type.Union([Type.Number(), Type.Null()], { description: "By the vehicle's profile; null without distances." }),
};

export const ToursAnswerSchema = Type.Object({
  code: Type.Literal(0),
  summary: Type.Object({
    ...CostFigures,
    routes: Type.Integer(),
    unassigned: Type.Integer(),
    dieselCo2Kg: Type.Union([Type.Number(), Type.Null()], {
      description: 'The same routes driven by diesel vans: what the electric ones save.',
    }),
    naive: Type.Object(
      {
        distance: Type.Optional(Type.Number()),
        duration: Type.Number(),
        co2Kg: Type.Union([Type.Number(), Type.Null()]),
        unassigned: Type.Integer(),
      },
      { description: 'Each vehicle in turn takes the next jobs of the list while they fit.' },
    ),
    iterations: Type.Integer(),
  }),
  unassigned: Type.Array(
    Type.Object({
      id: Id,
      type: Type.Literal('job'),
      location: Type.Optional(Coordinates),
      location_index: Type.Optional(Type.Integer()),
      reason: Type.String({
        description: 'capacity, time_window, max_distance, max_travel_time, max_tasks, vehicle_time_window or fleet.',
      }),
      description: Type.String(),
    }),
  ),
  routes: Type.Array(
    Type.Object({
      vehicle: Id,
      profile: Type.String(),
      ...CostFigures,
      delivery: Type.Array(Type.Number()),
      pickup: Type.Array(Type.Number()),
      steps: Type.Array(StepSchema),
    }),
  ),
});
export type ToursAnswer = Static<typeof ToursAnswerSchema>;
