/** The Idempotency-Key header, as the calls that take one (batches, plans, bookings) declare it. */
import { Type } from 'typebox';

/** The headers schema of a call that takes an Idempotency-Key; `description` says what the same key answers. */
export function idempotencyKeyHeaders(description: string) {
  return Type.Object({
    'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, description })),
  });
}
