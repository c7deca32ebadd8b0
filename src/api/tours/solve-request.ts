/**
 * One POST /v1/tours body, start to finish, off the API's event loop (in a pool
 * thread): JSON text → the job and vehicle counts (413 past the limits, before
 * anything else is read) → the schema → the problem → the solver → the answer.
 * Throws AppErrors; the caller carries them back to the request.
 */
import { Compile } from 'typebox/compile';
import { AppError } from '../../errors';
import { RouteCheck } from '../../tours/route-check';
import { naiveRoutes } from '../../tours/naive';
import { solveTours } from '../../tours/solve';
import {
  MAX_TOUR_JOBS,
  MAX_TOUR_VEHICLES,
  ToursRequestSchema,
  type ToursAnswer,
  type ToursRequest,
} from '../../wire/tours';
import { validationError, type SchemaError } from '../validation-error';
import { toursAnswer } from './tours-answer';
import { toursInput, type HubPlaces } from './tours-input';

export interface ToursLimits {
  /** Time limit when the body gives neither timeLimitSeconds nor iterations. */
  defaultSeconds: number;
  /** Longest time limit, and the limit of a body that gives iterations alone. */
  maxSeconds: number;
}

const checker = Compile(ToursRequestSchema);
const AFTER_SEARCH_MS_PER_JOB = 0.1;

export function solveToursText(text: string, hubs: HubPlaces, limits: ToursLimits): ToursAnswer {
  const started = performance.now();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new AppError('VALIDATION', `body: is not valid JSON (${(err as Error).message})`, { field: 'body' });
  }
  return solveToursBody(body, hubs, limits, started);
}

export function solveToursBody(
  body: unknown,
  hubs: HubPlaces,
  limits: ToursLimits,
  started = performance.now(),
): ToursAnswer {
  refuseTooMany(body);
  if (!checker.Check(body)) throw validationError(checker.Errors(body) as Iterable<SchemaError>);
  const request = body as ToursRequest;
  const { problem, meta } = toursInput(request, hubs);
  const options = request.options ?? {};
  const explicit = options.timeLimitSeconds !== undefined;
  const seconds = Math.min(
    limits.maxSeconds,
    options.timeLimitSeconds ?? (options.iterations !== undefined ? limits.maxSeconds : limits.defaultSeconds),
  );
  const loaded = performance.now();
  const solution = solveTours(problem, {
    seed: options.seed ?? 1,
    iterations: options.iterations,
    // What comes after the search (repair, reasons, the plan in list order, the answer) takes about 0.1 ms a job.
    timeLimitMs: seconds * 1000 - (loaded - started) - AFTER_SEARCH_MS_PER_JOB * problem.n,
    // Neither a budget nor a limit asked for: stop once the search no longer improves (HGS-CVRP's rule).
    stopWhenStuck: !explicit && options.iterations === undefined,
  });
  const check = new RouteCheck(problem);
  return toursAnswer({
    problem,
    meta,
    check,
    routes: solution.routes,
    unassigned: solution.unassigned,
    neighbours: solution.neighbours,
    naive: naiveRoutes(problem, check),
    iterations: solution.iterations,
  });
}

function refuseTooMany(body: unknown): void {
  if (typeof body !== 'object' || body === null) return;
  const { jobs, vehicles } = body as { jobs?: unknown; vehicles?: unknown };
  if (Array.isArray(jobs) && jobs.length > MAX_TOUR_JOBS) {
    throw new AppError('PAYLOAD_TOO_LARGE', `jobs: at most ${MAX_TOUR_JOBS} jobs per request (got ${jobs.length})`, {
      field: 'jobs',
    });
  }
  if (Array.isArray(vehicles) && vehicles.length > MAX_TOUR_VEHICLES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `vehicles: at most ${MAX_TOUR_VEHICLES} vehicles per request (got ${vehicles.length})`,
      { field: 'vehicles' },
    );
  }
}
