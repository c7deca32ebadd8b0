import { Type } from 'typebox';

/** Hub ids as docs/network.md defines them. */
export const HubIdSchema = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' });

/** An RFC 3339 time with its offset, e.g. 2026-11-24T08:00:00Z. */
export function IsoTime(description?: string) {
  return Type.String({
    format: 'date-time',
    maxLength: 40,
    examples: ['2026-11-24T08:00:00Z'],
    ...(description && { description }),
  });
}
