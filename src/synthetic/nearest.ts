import type { Hub } from '../routing/types';

const RAD = Math.PI / 180;

/**
 * The `k` hubs of `candidates` nearest to `from`, nearest first; `from` itself and
 * `exclude` left out. Ranks by the equirectangular approximation, which orders
 * hubs like the great-circle distance does at the few-hundred-km scale this is
 * used on, without a trigonometric call per candidate.
 */
export function nearestHubs(from: Hub, candidates: readonly Hub[], k: number, exclude?: ReadonlySet<string>): Hub[] {
  const lonScale = Math.cos(from.lat * RAD);
  const best: { hub: Hub; d2: number }[] = [];
  for (const hub of candidates) {
    if (hub.id === from.id || exclude?.has(hub.id)) continue;
    const dLat = hub.lat - from.lat;
    const dLon = (((hub.lon - from.lon + 540) % 360) - 180) * lonScale;
    const d2 = dLat * dLat + dLon * dLon;
    if (best.length === k && d2 >= best[k - 1].d2) continue;
    let at = best.length;
    while (at > 0 && best[at - 1].d2 > d2) at--;
    best.splice(at, 0, { hub, d2 });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.hub);
}
