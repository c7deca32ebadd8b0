/**
 * The answer of POST /v1/tours, built in-process from the rural example
 * (docs/examples/tours-rural.json, coordinates, hubs as depots): distances
 * recomputed here from the coordinates, steps consistent with each other, sums,
 * CO2 by profile, the plan in list order, and the reason for the job left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solveToursBody } from '../../../src/api/tours/solve-request';
import type { ToursAnswer } from '../../../src/wire/tours';

const ROOT = join(__dirname, '..', '..', '..');
const demo = JSON.parse(readFileSync(join(ROOT, 'data/cn-global-demo.json'), 'utf8')) as {
  hubs: { id: string; lat: number; lon: number }[];
};
const hubs = new Map(demo.hubs.map((hub) => [hub.id, { lat: hub.lat, lon: hub.lon }]));
const body = JSON.parse(readFileSync(join(ROOT, 'docs/examples/tours-rural.json'), 'utf8')) as {
  jobs: { id: number; location: [number, number]; service: number }[];
  vehicles: { max_distance: number; time_window: [number, number] }[];
};

/** Great-circle metres (haversine, radius 6,371 km) × 1.3, rounded: written here from the contract. */
function metres(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * rad) / 2) ** 2 +
    Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(((b[0] - a[0]) * rad) / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)) * 1.3);
}

describe('the tours answer', () => {
  const answer: ToursAnswer = solveToursBody(body, hubs, { defaultSeconds: 5, maxSeconds: 60 });

  it('routes whose distances, times and loads add up, within range and windows', () => {
    const yiwu = hubs.get('YIWU') as { lat: number; lon: number };
    for (const route of answer.routes) {
      const steps = route.steps;
      expect(steps[0]).toMatchObject({ type: 'start', location: [yiwu.lon, yiwu.lat] });
      expect(steps[steps.length - 1]).toMatchObject({ type: 'end', location: [yiwu.lon, yiwu.lat] });
      let distance = 0;
      for (let i = 1; i < steps.length; i++) {
        const leg = metres(steps[i - 1].location as [number, number], steps[i].location as [number, number]);
        distance += leg;
        expect(steps[i].distance).toBe(distance);
        const travel = steps[i].duration - steps[i - 1].duration;
        // 30 km/h: the leg's seconds, rounded.
        expect(travel).toBe(Math.round(leg / (30 / 3.6)));
        expect(steps[i].arrival).toBe(steps[i - 1].arrival + steps[i - 1].waiting_time + steps[i - 1].service + travel);
        expect(steps[i].load[0]).toBeLessThanOrEqual(steps[i - 1].load[0]);
      }
      expect(route.distance).toBe(distance);
      expect(route.cost).toBe(distance);
      expect(distance).toBeLessThanOrEqual(body.vehicles[0].max_distance);
      expect(steps[0].arrival).toBeGreaterThanOrEqual(body.vehicles[0].time_window[0]);
      expect(steps[steps.length - 1].arrival).toBeLessThanOrEqual(body.vehicles[0].time_window[1]);
      expect(route.co2Kg).toBeCloseTo((distance / 1000) * 0.25 * 0.5703, 9);
    }
    const suxi = answer.routes.flatMap((r) => r.steps).find((s) => s.id === 4);
    expect(suxi && suxi.arrival + suxi.waiting_time).toBeGreaterThanOrEqual(32400);
    expect(suxi && suxi.arrival + suxi.waiting_time).toBeLessThanOrEqual(43200);
  });

  it('a summary that sums its routes', () => {
    const sum = (pick: (r: ToursAnswer['routes'][number]) => number) =>
      answer.routes.reduce((total, r) => total + pick(r), 0);
    expect(answer.summary).toMatchObject({
      cost: sum((r) => r.cost),
      distance: sum((r) => r.distance ?? 0),
      duration: sum((r) => r.duration),
      service: sum((r) => r.service),
      routes: answer.routes.length,
      unassigned: answer.unassigned.length,
    });
    expect(answer.summary.co2Kg).toBeCloseTo(
      sum((r) => r.co2Kg ?? 0),
      9,
    );
    expect(answer.summary.dieselCo2Kg).toBeCloseTo((sum((r) => r.distance ?? 0) / 1000) * 2.51 * 0.095, 9);
  });

  it("Pan'an is out of range even alone, and says so; every other village is served", () => {
    expect(answer.unassigned).toEqual([
      expect.objectContaining({ id: 11, reason: 'max_distance', description: expect.stringMatching(/even alone/) }),
    ]);
  });

  it('the plan in list order: the first van takes villages while they fit, then the next', () => {
    // Recomputed here: 1, 2, 3 fit the first van's 70 km; 4 and 5 the second's; 6 fits neither after them.
    const yiwu = hubs.get('YIWU') as { lat: number; lon: number };
    const depot: [number, number] = [yiwu.lon, yiwu.lat];
    const loop = (ids: number[]) => {
      const places = [depot, ...ids.map((id) => body.jobs[id - 1].location), depot];
      return places.slice(1).reduce((total, place, i) => total + metres(places[i], place), 0);
    };
    expect(loop([1, 2, 3])).toBeLessThanOrEqual(70_000);
    expect(loop([1, 2, 3, 4])).toBeGreaterThan(70_000);
    expect(loop([4, 5, 6])).toBeGreaterThan(70_000);
    expect(answer.summary.naive).toEqual({
      distance: loop([1, 2, 3]) + loop([4, 5]),
      duration: expect.any(Number),
      co2Kg: expect.any(Number),
      unassigned: 7,
    });
  });
});
