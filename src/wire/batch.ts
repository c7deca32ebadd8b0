/** POST /v1/batches and GET /v1/batches/:id (docs/api.md): requests and answers. */
import { Type, type Static } from 'typebox';
import { idempotencyKeyHeaders } from './idempotency-key';

export const NDJSON = 'application/x-ndjson';

export const BatchJsonBodySchema = Type.Object(
  {
    parcels: Type.Array(Type.Unknown(), {
      description:
        'Route requests as POST /v1/routes takes them. A parcel that is not valid gets an error line in the results.',
    }),
  },
  { additionalProperties: false },
);
export type BatchJsonBody = Static<typeof BatchJsonBodySchema>;

export const BatchNdjsonBodySchema = Type.Unknown({
  description:
    'One route request per line (blank lines are skipped), streamed in. A line that is not valid gets an error line in the results.',
});

export const BatchHeadersSchema = idempotencyKeyHeaders(
  'The same key (from the same client) answers the same batch, for RESULTS_TTL.',
);

export const BatchQuerySchema = Type.Object({
  book: Type.Optional(
    Type.Enum(['true', 'false'], {
      description:
        'true: every parcel is booked, not only routed (CONTRACT §5): each result line carries its bookingId, or {parcelId, error: {code: "NO_CAPACITY", …}}. A chunk run twice books nothing twice.',
    }),
  ),
});

export const BatchIdParamsSchema = Type.Object({
  batchId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }),
});

export const BatchAcceptedSchema = Type.Object({
  batchId: Type.String(),
  total: Type.Integer({
    description: 'Parcels in the batch, the invalid ones included: the results hold this many lines.',
  }),
  statusUrl: Type.String({ examples: ['/v1/batches/6f1c…'] }),
  resultsUrl: Type.String({ examples: ['/v1/batches/6f1c…/results'] }),
});
export type BatchAccepted = Static<typeof BatchAcceptedSchema>;

export const BatchStatusSchema = Type.Object({
  batchId: Type.String(),
  state: Type.Enum(['queued', 'running', 'completed', 'failed'], {
    description:
      'completed: every parcel has its line. failed: every parcel has its line, but a chunk could not be routed after all attempts, and its parcels carry INTERNAL errors.',
  }),
  total: Type.Integer(),
  routed: Type.Integer({ description: 'Parcels with a route.' }),
  failed: Type.Integer({ description: 'Parcels with an error line: invalid, unknown hub, no route, or INTERNAL.' }),
  createdAt: Type.String({ format: 'date-time' }),
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type BatchStatusBody = Static<typeof BatchStatusSchema>;

export const BatchResultsSchema = {
  description: 'NDJSON: one line per parcel, in submission order.',
  content: {
    [NDJSON]: {
      schema: Type.Unknown({
        description: 'A route answer (as POST /v1/routes), or {parcelId, error: {code, message}}',
      }),
    },
  },
};
