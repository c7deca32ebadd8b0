/**
 * The core's RouteAnswer → the contract's answer JSON (docs/api.md), field by
 * field, with ISO times to the second. Shared by POST /v1/routes and the batch
 * result lines, which are both written by routeJson, so nothing unnamed leaks.
 */
import type { RouteResponse } from '../wire/route';
import type { RouteAnswer, RouteLeg, RoutePlan } from '../routing/types';
import { minutesToIso } from '../wire/time';

export function toRouteResponse(answer: RouteAnswer, networkVersion: string, parcelId?: string): RouteResponse {
  const { route } = answer;
  const body: RouteResponse = {
    networkVersion,
    serviceLevel: answer.serviceLevel,
    deadline: minutesToIso(answer.deadline),
    meetsDeadline: answer.meetsDeadline,
    slackMinutes: answer.slackMinutes,
    route: toPlan(route),
  };
  if (answer.alternatives) body.alternatives = answer.alternatives.map(toPlan);
  return parcelId === undefined ? body : { parcelId, ...body };
}

function toPlan(route: RoutePlan): RouteResponse['route'] {
  return {
    hubs: route.hubs,
    cost: route.cost,
    co2Kg: route.co2Kg,
    departAt: minutesToIso(route.departAt),
    arriveAt: minutesToIso(route.arriveAt),
    transitMinutes: route.transitMinutes,
    legs: route.legs.map(toLeg),
  };
}

function toLeg(leg: RouteLeg): RouteResponse['route']['legs'][number] {
  return {
    legId: leg.legId,
    from: leg.from,
    to: leg.to,
    mode: leg.mode,
    carrier: leg.carrier,
    departAt: minutesToIso(leg.departAt),
    arriveAt: minutesToIso(leg.arriveAt),
    sortMinutes: leg.sortMinutes,
    waitMinutes: leg.waitMinutes,
    cost: leg.cost,
    handlingCost: leg.handlingCost,
    co2Kg: leg.co2Kg,
  };
}

/** The answer's JSON text, as POST /v1/routes sends it and a batch result line holds it. */
export function routeJson(answer: RouteAnswer, networkVersion: string, parcelId?: string): string {
  return JSON.stringify(toRouteResponse(answer, networkVersion, parcelId));
}
