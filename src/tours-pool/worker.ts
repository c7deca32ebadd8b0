/**
 * A tours thread (piscina worker): decodes and solves one POST /v1/tours body.
 * Refusals (AppErrors) come back as values, since classes do not cross threads;
 * anything else is thrown and becomes a 500 in the API.
 */
import { solveToursText } from '../api/tours/solve-request';
import { AppError } from '../errors';
import type { ToursTask, ToursTaskResult } from './task';

export default function solveTask(task: ToursTask): ToursTaskResult {
  const hubs = new Map(task.hubs.map(([id, lat, lon]) => [id, { lat, lon }]));
  try {
    return { json: JSON.stringify(solveToursText(new TextDecoder().decode(task.body), hubs, task.limits)) };
  } catch (err) {
    if (err instanceof AppError) return { error: { code: err.code, message: err.message, details: err.details } };
    throw err;
  }
}
