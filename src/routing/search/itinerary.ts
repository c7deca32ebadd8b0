import type { Itinerary } from '../types';
import type { LabelChain } from './labels';

/** The itinerary of the chain of labels ending at `last`. */
export function itineraryOf(L: LabelChain, last: number): Itinerary {
  let n = 0;
  for (let id = last; L.parent[id] >= 0; id = L.parent[id]) n++;
  const legs = new Int32Array(n);
  const arrivals = new Int32Array(n);
  let id = last;
  for (let i = n - 1; i >= 0; i--, id = L.parent[id]) {
    legs[i] = L.leg[id];
    arrivals[i] = L.arrival[id];
  }
  return { origin: L.hub[id], legs, arrivals };
}
