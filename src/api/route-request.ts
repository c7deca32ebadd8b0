/**
 * One parcel's routing request → the core's RouteQuery. Shared by POST
 * /v1/routes (after Fastify has checked the body against the same schema) and
 * the batch workers (which check each parcel with parseRouteRequest). Times are
 * whole minutes: readyAt rounded up, deadline rounded down.
 */
import { Compile } from 'typebox/compile';
import type { AppError } from '../errors';
import { DEFAULT_ALTERNATIVES, RouteRequestSchema, type RouteRequestBody } from '../wire/route';
import type { RouteQuery } from '../routing/types';
import { isoToMinutes, nowMinutes } from '../wire/time';
import { fieldError, validationError } from './validation-error';

export type ParsedRouteRequest = { ok: true; query: RouteQuery; parcelId?: string } | { ok: false; error: AppError };

const requestSchema = Compile(RouteRequestSchema);

/**
 * The latest readyAt. The core keeps times as epoch minutes in Int32Arrays, whose last,
 * 2³¹ − 1 minutes after 1970, falls on 6053-01-23: a later readyAt came back as a route
 * departing in year −1166, and its booking under an id the API could not read back.
 * 6000 leaves 53 years for the 14 days a search looks ahead.
 */
const LATEST_READY_AT = '6000-01-01T00:00:00Z';
const LATEST_READY_AT_MINUTES = isoToMinutes(LATEST_READY_AT, 'down') as number;

/** Checks an untrusted value (e.g. one NDJSON line, parsed) and converts it. */
export function parseRouteRequest(input: unknown): ParsedRouteRequest {
  if (!requestSchema.Check(input)) return { ok: false, error: validationError(requestSchema.Errors(input)) };
  return toRouteQuery(input);
}

/** A request's readyAt (schema-checked, maybe absent: now) in epoch minutes, rounded up; or the 400 naming it. */
export function readyAtOf(iso: string | undefined): number | AppError {
  const readyAt = iso === undefined ? nowMinutes() : isoToMinutes(iso, 'up');
  if (readyAt === undefined) return fieldError('readyAt', 'is not a valid time');
  if (readyAt > LATEST_READY_AT_MINUTES) return fieldError('readyAt', `must be before ${LATEST_READY_AT}`);
  return readyAt;
}

/** Converts a body that already passed RouteRequestSchema. */
export function toRouteQuery(body: RouteRequestBody): ParsedRouteRequest {
  const readyAt = readyAtOf(body.readyAt);
  if (typeof readyAt !== 'number') return { ok: false, error: readyAt };
  const deadline = body.deadline === undefined ? undefined : isoToMinutes(body.deadline, 'down');
  if (body.deadline !== undefined) {
    if (deadline === undefined) return { ok: false, error: fieldError('deadline', 'is not a valid time') };
    if (deadline < readyAt) return { ok: false, error: fieldError('deadline', 'must not be before readyAt') };
  }
  const query: RouteQuery = {
    origin: body.origin,
    destination: body.destination,
    weightKg: body.weightKg,
    readyAt,
    serviceLevel: body.serviceLevel ?? 'standard',
    deadline,
    avoid: body.avoid,
  };
  if (body.alternatives) query.alternatives = body.maxAlternatives ?? DEFAULT_ALTERNATIVES;
  return body.parcelId === undefined ? { ok: true, query } : { ok: true, query, parcelId: body.parcelId };
}
