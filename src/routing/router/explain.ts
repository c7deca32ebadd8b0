import type { NetworkIndex } from '../network/network-index';
import { MODES, type Itinerary, type RouteLeg, type RoutePlan } from '../types';

/**
 * The route that explains every leg of an itinerary for a parcel of `weightKg`
 * (which need not be the weight the itinerary was found for).
 */
export function explainRoute(ix: NetworkIndex, it: Itinerary, readyAt: number, weightKg: number): RoutePlan {
  const legs: RouteLeg[] = new Array(it.legs.length);
  const hubs: string[] = [ix.hubIds[it.origin]];
  let cost = 0;
  let co2 = 0;
  let arrivedAt = readyAt;
  for (let i = 0; i < it.legs.length; i++) {
    const l = it.legs[i];
    const from = ix.legFrom[l];
    const arriveAt = it.arrivals[i];
    const departAt = arriveAt - ix.legDuration[l];
    const sortMinutes = ix.hubSort[from];
    const legCost = ix.legCostPerParcel[l] + weightKg * ix.legCostPerKg[l];
    const legCo2 = weightKg * ix.legCo2PerKg[l];
    cost += ix.hubHandling[from] + legCost;
    co2 += legCo2;
    legs[i] = {
      legId: ix.legIds[l],
      from: ix.hubIds[from],
      to: ix.hubIds[ix.legTo[l]],
      mode: MODES[ix.legMode[l]],
      carrier: ix.carriers[ix.legCarrier[l]],
      departAt,
      arriveAt,
      sortMinutes,
      waitMinutes: departAt - (arrivedAt + sortMinutes),
      cost: legCost,
      handlingCost: ix.hubHandling[from],
      co2Kg: legCo2,
    };
    hubs.push(ix.hubIds[ix.legTo[l]]);
    arrivedAt = arriveAt;
  }
  return {
    hubs,
    legs,
    cost,
    co2Kg: co2,
    departAt: legs.length ? legs[0].departAt : readyAt,
    arriveAt: arrivedAt,
    transitMinutes: arrivedAt - readyAt,
  };
}
