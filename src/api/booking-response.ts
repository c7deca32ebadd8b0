/**
 * A booking's answer (CONTRACT §5): the route response of its parcel, with the booking's
 * id and the time it was made first. POST /v1/bookings answers it, GET /v1/bookings/:id
 * returns it as it was, and a booked batch's result line is the same object. Written as
 * the route response's own JSON text with the two fields put in front, so that it costs
 * what a route answer costs.
 */
import type { RouteAnswer } from '../routing/types';
import { routeJson } from './route-response';

export function bookingJson(
  answer: RouteAnswer,
  networkVersion: string,
  parcelId: string | undefined,
  bookingId: string,
  bookedAt: string,
): string {
  return withBooking(routeJson(answer, networkVersion, parcelId), bookingId, bookedAt);
}

/** A route answer's JSON text (routeJson) as the booking's: its two fields put in front. */
export function withBooking(routeJsonText: string, bookingId: string, bookedAt: string): string {
  return `{"bookingId":${JSON.stringify(bookingId)},"bookedAt":${JSON.stringify(bookedAt)},${routeJsonText.slice(1)}`;
}
