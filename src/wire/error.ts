import { Type } from 'typebox';
import { ERRORS, type ErrorCode } from '../errors';

/** Every error answer: `{error, message, ...}` (docs/api.md). */
export const ErrorSchema = Type.Object(
  {
    error: Type.Enum(Object.keys(ERRORS) as ErrorCode[]),
    message: Type.String(),
    problems: Type.Optional(
      Type.Array(Type.Object({ path: Type.String({ description: 'JSON pointer' }), message: Type.String() })),
    ),
    field: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

/** The `response` entries documenting the error codes a route may answer with. */
export function errorResponses(...codes: ErrorCode[]): Record<number, typeof ErrorSchema> {
  const byStatus: Record<number, typeof ErrorSchema> = {};
  for (const code of codes) byStatus[ERRORS[code].status] = ErrorSchema;
  return byStatus;
}

/** The error answers of a call that routes from hubs the request names (routes, promise tables, tours). */
export const ROUTING_ERRORS = errorResponses(
  'VALIDATION',
  'UNAUTHORIZED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNKNOWN_HUB',
  'RATE_LIMITED',
  'UNAVAILABLE',
);
