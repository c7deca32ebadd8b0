/**
 * One parcel's line in a batch's results: its route answer, exactly as POST
 * /v1/routes answers it, or `{parcelId, error: {code, message}}`.
 */
import { routeJson } from '../api/route-response';
import type { RouteAnswer } from '../routing/types';
import type { ParcelError } from './chunk-job';

export function routedLine(answer: RouteAnswer, networkVersion: string, parcelId: string): string {
  return `${routeJson(answer, networkVersion, parcelId)}\n`;
}

export function errorLine(parcelId: string, error: ParcelError): string {
  return `${JSON.stringify({ parcelId, error: { code: error.code, message: error.message } })}\n`;
}
