/**
 * The one catalogue of errors this service answers with (docs/api.md).
 * Everything that fails on purpose throws an AppError built here; the HTTP
 * error handler maps it to `{error, message, ...details}` with its status.
 */

export const ERRORS = {
  VALIDATION: { status: 400, message: 'the request is not valid' },
  INVALID_NETWORK: { status: 400, message: 'the network document is not valid' },
  UNAUTHORIZED: { status: 401, message: 'a valid bearer token is required' },
  FORBIDDEN: { status: 403, message: 'admin calls are disabled: ADMIN_TOKEN is not set' },
  NOT_FOUND: { status: 404, message: 'no such resource' },
  REQUEST_TIMEOUT: { status: 408, message: 'the request did not arrive in time' },
  CONFLICT: { status: 409, message: 'the resource is not ready for this call yet' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'the request body is over its limit' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'the request body must be application/json' },
  UNKNOWN_HUB: { status: 422, message: 'the hub is not in the active network' },
  UNKNOWN_LEG: { status: 422, message: 'the leg is not in the active network' },
  NO_ROUTE: { status: 422, message: 'no route reaches the destination within 14 days' },
  NO_CAPACITY: { status: 422, message: 'routes exist, but none within 14 days has room for the parcel' },
  RATE_LIMITED: { status: 429, message: 'too many requests' },
  HEADERS_TOO_LARGE: { status: 431, message: 'the request headers are over their limit' },
  INTERNAL: { status: 500, message: 'internal error' },
  UNAVAILABLE: { status: 503, message: 'the service cannot answer this right now' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }

  toJSON(): Record<string, unknown> {
    return { error: this.code, message: this.message, ...this.details };
  }
}
