import type { NetworkIndex } from '../network/network-index';
import { MODES, type Itinerary, type RouteLeg, type RoutePlan } from '../types';

/**
 * The route that explains every leg of an itinerary for a parcel of `weightKg`
 * (which need not be the weight the itinerary was found for).
 */
export function explainRoute(ix: NetworkIndex, it: Itinerary, readyAt: number, weightKg: number): RoutePlan {
  const legs: RouteLeg[] = new Array(it.legs.length);
  const hubs: string[] = [ix.hubIds[it.origin]];
  let arrivedAt = readyAt;
  for (let i = 0; i < it.legs.length; i++) {
    const l = it.legs[i];
    const from = ix.legFrom[l];
    const arriveAt = it.arrivals[i];
    const departAt = arriveAt - ix.legDuration[l];
    const sortMinutes = ix.hubSort[from];
    const legCost = ix.legCostPerParcel[l] + weightKg * ix.legCostPerKg[l];
    const legCo2 = weightKg * ix.legCo2PerKg[l];
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
  const { cost, co2Kg } = amountsOf(ix, it.legs, weightKg);
  return {
    hubs,
    legs,
    cost,
    co2Kg,
    departAt: legs.length ? legs[0].departAt : readyAt,
    arriveAt: arrivedAt,
    transitMinutes: arrivedAt - readyAt,
  };
}

/**
 * A route's cost and CO2 for a parcel of `weightKg`: Σ (handlingCost of the hub left +
 * costPerParcel + costPerKg × weight) and Σ co2KgPerKg × weight, added leg by leg in
 * order, so that every answer of the same legs has the very same amounts.
 */
export function amountsOf(ix: NetworkIndex, legs: Int32Array, weightKg: number): { cost: number; co2Kg: number } {
  let cost = 0;
  let co2Kg = 0;
  for (let i = 0; i < legs.length; i++) {
    const l = legs[i];
    cost += ix.hubHandling[ix.legFrom[l]] + (ix.legCostPerParcel[l] + weightKg * ix.legCostPerKg[l]);
    co2Kg += weightKg * ix.legCo2PerKg[l];
  }
  return { cost, co2Kg };
}
