import type { Labels } from './labels';
import type { NetworkIndex } from './prepare';
import { MODES, type RouteLeg, type RoutePlan } from './types';

/** Turn the chain of labels ending at `last` into a route that explains every leg. */
export function explainRoute(ix: NetworkIndex, L: Labels, last: number, readyAt: number, weightKg: number): RoutePlan {
  const chain: number[] = [];
  for (let id = last; L.parent[id] >= 0; id = L.parent[id]) chain.push(id);
  chain.reverse();

  const legs: RouteLeg[] = chain.map((id) => {
    const l = L.leg[id];
    const from = ix.legFrom[l];
    const departAt = L.arrival[id] - ix.legDuration[l];
    const sortMinutes = ix.hubSort[from];
    return {
      legId: ix.legIds[l],
      from: ix.hubIds[from],
      to: ix.hubIds[ix.legTo[l]],
      mode: MODES[ix.legMode[l]],
      carrier: ix.carriers[ix.legCarrier[l]],
      departAt,
      arriveAt: L.arrival[id],
      sortMinutes,
      waitMinutes: departAt - (L.arrival[L.parent[id]] + sortMinutes),
      cost: ix.legCostPerParcel[l] + weightKg * ix.legCostPerKg[l],
      handlingCost: ix.hubHandling[from],
      co2Kg: weightKg * ix.legCo2PerKg[l],
    };
  });

  const arriveAt = L.arrival[last];
  return {
    hubs: [L.hub[chain.length ? L.parent[chain[0]] : last], ...chain.map((id) => L.hub[id])].map((h) => ix.hubIds[h]),
    legs,
    cost: L.cost[last],
    co2Kg: L.co2[last],
    departAt: legs.length ? legs[0].departAt : readyAt,
    arriveAt,
    transitMinutes: arriveAt - readyAt,
  };
}
