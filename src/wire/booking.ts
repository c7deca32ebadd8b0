/** POST /v1/bookings, GET and DELETE /v1/bookings/:bookingId (CONTRACT §5): requests and answers. */
import { Type } from 'typebox';
import { idempotencyKeyHeaders } from './idempotency-key';
import { IsoTime } from './common';
import { RouteResponseSchema } from './route';

export const BookingHeadersSchema = idempotencyKeyHeaders(
  'The same key (from the same client) with the same body gives back the same booking (200), never a second one; with another body, 409. Kept for RESULTS_TTL.',
);

export const BookingParamsSchema = Type.Object({
  bookingId: Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: '^[A-Za-z0-9_.-]+$',
    description: 'As POST /v1/bookings answered it, or as a booked batch result line carries it.',
  }),
});

export const BookingResponseSchema = Type.Object({
  bookingId: Type.String({ examples: ['20261125-0vTWbcmJgq0QhHqPzvxWBA'] }),
  bookedAt: IsoTime('When the booking was made.'),
  ...RouteResponseSchema.properties,
});
