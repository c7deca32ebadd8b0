/**
 * The baseline of bench:tours: Clarke & Wright's parallel savings (1964). Every
 * customer starts on a route of its own; pairs are taken by decreasing saving
 * s(i, j) = d(i, 0) + d(0, j) − d(i, j), and the route ending at i is joined to the
 * route starting at j when both are different, the load fits and (with time
 * windows) the joined route still keeps every window and the depot's. Without time
 * windows, routes may be reversed to make i an end and j a start. No local search.
 */
import type { VrpInstance } from './vrp-instances';

export function clarkeWright(instance: VrpInstance): number[][] {
  const size = instance.customers + 1;
  const d = (i: number, j: number) => instance.matrix[i * size + j];
  const timed = instance.ready !== undefined;
  const routes = new Map<number, number[]>();
  const routeOf = new Int32Array(size);
  const load = new Float64Array(size);
  for (let c = 1; c < size; c++) {
    routes.set(c, [c]);
    routeOf[c] = c;
    load[c] = instance.demand[c];
  }
  const savings: [number, number, number][] = [];
  for (let i = 1; i < size; i++) {
    for (let j = 1; j < size; j++) if (i !== j) savings.push([d(i, 0) + d(0, j) - d(i, j), i, j]);
  }
  savings.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  for (const [saving, i, j] of savings) {
    if (saving <= 0) break;
    const a = routeOf[i];
    const b = routeOf[j];
    if (a === b || load[a] + load[b] > instance.capacity) continue;
    let left = routes.get(a) as number[];
    let right = routes.get(b) as number[];
    if (!timed) {
      if (left[left.length - 1] !== i && left[0] === i) left = left.slice().reverse();
      if (right[0] !== j && right[right.length - 1] === j) right = right.slice().reverse();
    }
    if (left[left.length - 1] !== i || right[0] !== j) continue;
    const joined = [...left, ...right];
    if (timed && !keepsWindows(instance, joined)) continue;
    routes.delete(b);
    routes.set(a, joined);
    load[a] += load[b];
    for (const c of right) routeOf[c] = a;
  }
  return [...routes.values()];
}

function keepsWindows(instance: VrpInstance, route: number[]): boolean {
  const size = instance.customers + 1;
  const ready = instance.ready as number[];
  const due = instance.due as number[];
  const service = instance.service as number[];
  let time = ready[0];
  let at = 0;
  for (const c of route) {
    time = Math.max(time + instance.matrix[at * size + c], ready[c]);
    if (time > due[c]) return false;
    time += service[c];
    at = c;
  }
  return time + instance.matrix[at * size] <= due[0];
}
