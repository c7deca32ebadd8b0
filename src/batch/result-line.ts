/**
 * One parcel's line in a batch's results: its route answer, exactly as POST
 * /v1/routes answers it, or `{parcelId, error: {code, message}}`.
 *
 * Many parcels of a batch share an answer (the router memoises identical
 * queries and returns the same object), so the answer's JSON is kept beside the
 * answer object, in a WeakMap that lets it go with the router's cache entry.
 */
import { toRouteResponse } from '../api/route-response';
import type { RouteAnswer } from '../routing/types';
import type { ParcelError } from './chunk-job';

const answerJson = new WeakMap<RouteAnswer, { networkVersion: string; json: string }>();

export function routedLine(answer: RouteAnswer, networkVersion: string, parcelId: string): string {
  let known = answerJson.get(answer);
  if (known?.networkVersion !== networkVersion) {
    known = { networkVersion, json: JSON.stringify(toRouteResponse(answer, networkVersion)) };
    answerJson.set(answer, known);
  }
  // The same text as JSON.stringify(toRouteResponse(answer, networkVersion, parcelId)).
  return `{"parcelId":${JSON.stringify(parcelId)},${known.json.slice(1)}\n`;
}

export function errorLine(parcelId: string, error: ParcelError): string {
  return `${JSON.stringify({ parcelId, error: { code: error.code, message: error.message } })}\n`;
}
