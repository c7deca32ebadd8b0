/**
 * The JSON text of a route answer (CONTRACT §3), as POST /v1/routes sends it
 * and as each batch result line holds it: the same text as
 * JSON.stringify(toRouteResponse(answer, networkVersion, parcelId)).
 *
 * Answers repeat (the router memoises them and hands out the same object), so
 * the text without parcelId is kept beside the answer object, in a WeakMap that
 * lets it go with the router's cache entry; a repeated answer then costs one
 * string concatenation instead of building and serialising the response.
 */
import type { RouteAnswer } from '../routing/types';
import { toRouteResponse } from './route-response';

const known = new WeakMap<RouteAnswer, { networkVersion: string; json: string }>();

export function answerJson(answer: RouteAnswer, networkVersion: string, parcelId?: string): string {
  let entry = known.get(answer);
  if (entry?.networkVersion !== networkVersion) {
    entry = { networkVersion, json: JSON.stringify(toRouteResponse(answer, networkVersion)) };
    known.set(answer, entry);
  }
  // parcelId comes first in toRouteResponse's object, so it goes in front.
  return parcelId === undefined ? entry.json : `{"parcelId":${JSON.stringify(parcelId)},${entry.json.slice(1)}`;
}
