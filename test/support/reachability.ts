import type { NetworkDocument } from '../../src/routing/types';

/** Ids of the hubs reachable from `start` over legs (direction respected), `start` included. */
export function reachableFrom(doc: NetworkDocument, start: string, reverse = false): Set<string> {
  const next = new Map<string, string[]>();
  for (const leg of doc.legs) {
    const [a, b] = reverse ? [leg.to, leg.from] : [leg.from, leg.to];
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  }
  const seen = new Set([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const b of next.get(queue[head]) ?? []) {
      if (!seen.has(b)) {
        seen.add(b);
        queue.push(b);
      }
    }
  }
  return seen;
}

/** Every hub reaches every other: all are reachable from one hub, and it from all of them. */
export function isStronglyConnected(doc: NetworkDocument): boolean {
  const start = doc.hubs[0].id;
  return reachableFrom(doc, start).size === doc.hubs.length && reachableFrom(doc, start, true).size === doc.hubs.length;
}
