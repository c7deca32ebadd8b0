/**
 * A booking's answer (CONTRACT §5): the route response of its parcel, with the booking's
 * id and the time it was made. POST /v1/bookings answers it, GET /v1/bookings/:id returns
 * it as it was, and a booked batch's result line is the same object.
 */
import type { RouteAnswer } from '../routing/types';
import { toRouteResponse } from './route-response';

export function bookingJson(answer: RouteAnswer, networkVersion: string, parcelId: string | undefined, bookingId: string, bookedAt: string): string {
  return JSON.stringify({ bookingId, bookedAt, ...toRouteResponse(answer, networkVersion, parcelId) });
}
