/** A benchmark instance as a POST /v1/tours body, as bench/data/vrp/README.md describes it. */
import type { ToursRequest } from '../../src/wire/tours';
import { matrixRows, type VrpInstance } from './vrp-instances';

export function instanceRequest(instance: VrpInstance, timeLimitSeconds: number): ToursRequest {
  const rows = matrixRows(instance);
  const window: [number, number] | undefined =
    instance.ready && instance.due ? [instance.ready[0], instance.due[0]] : undefined;
  return {
    vehicles: Array.from({ length: instance.vehicles }, (_, v) => ({
      id: v,
      profile: 'car',
      start_index: 0,
      end_index: 0,
      capacity: [instance.capacity],
      ...(window && { time_window: window }),
    })),
    jobs: Array.from({ length: instance.customers }, (_, i) => {
      const c = i + 1;
      return {
        id: c,
        location_index: c,
        delivery: [instance.demand[c]],
        ...(instance.service && { service: instance.service[c] }),
        ...(instance.ready &&
          instance.due && { time_windows: [[instance.ready[c], instance.due[c]] as [number, number]] }),
      };
    }),
    matrices: { car: { durations: rows, distances: rows } },
    options: { timeLimitSeconds, seed: 1 },
  };
}
