/**
 * POST /v1/tours through the real app (real Redis, the real pool threads): a
 * VROOM body with matrices gives tours that pass the independent checker; hubs
 * of the active network as depots; hostile bodies get a 4xx naming the field,
 * never a 5xx; a full pool answers 503; routing answers while a tour is solved.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createRng } from '../../src/synthetic/prng';
import { MAX_TOUR_JOBS } from '../../src/wire/tours';
import { startApp, type Harness } from '../support/app-harness';
import { randomTours } from '../support/random-tours';
import { checkTours, type PlainProblem } from '../support/tour-checker';
import { tinyNetwork } from '../support/tiny-network';

/** The plain problem as a VROOM body with matrices (speed factors left out: durations are the matrix's). */
function vroomBody(plain: PlainProblem, options: Record<string, unknown> = { iterations: 30, seed: 3 }) {
  return {
    vehicles: plain.vehicles.map((v, i) => ({
      id: i,
      ...(v.start !== null && { start_index: v.start }),
      ...(v.end !== null && { end_index: v.end }),
      capacity: v.capacity,
      time_window: v.window,
      ...(v.maxDistance !== undefined && { max_distance: v.maxDistance }),
      ...(v.maxTravelTime !== undefined && { max_travel_time: v.maxTravelTime }),
      ...(v.maxTasks !== undefined && { max_tasks: v.maxTasks }),
    })),
    jobs: plain.jobs.map((j, i) => ({
      id: 100 + i,
      location_index: j.location,
      service: j.service,
      delivery: j.delivery,
      ...(j.pickup.length && { pickup: j.pickup }),
      ...(j.windows.length && { time_windows: j.windows }),
      priority: j.priority,
    })),
    matrices: { car: { durations: plain.durations, distances: plain.distances } },
    options,
  };
}

type Answer = {
  summary: { cost: number; distance: number; unassigned: number; naive: { distance: number } };
  routes: {
    vehicle: number;
    cost: number;
    distance: number;
    steps: { type: string; id?: number; arrival: number; load: number[] }[];
  }[];
  unassigned: { id: number; reason: string; description: string }[];
};

describe('POST /v1/tours', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  const post = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    h.app.inject({
      method: 'POST',
      url: '/v1/tours',
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      headers,
    });

  it("answers VROOM's shape, and every answer passes the independent checker", async () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 12; trial++) {
      const plain = randomTours(rng, {
        jobs: rng.int(1, 30),
        vehicles: rng.int(1, 4),
        timeWindows: true,
        pickups: true,
        maxDistance: true,
        maxTasks: true,
        priorities: true,
      });
      const res = await post(vroomBody(plain));
      expect(res.statusCode).toBe(200);
      const answer = res.json() as Answer;
      const routes = plain.vehicles.map((_, v) => {
        const route = answer.routes.find((r) => r.vehicle === v);
        return route ? route.steps.filter((s) => s.type === 'job').map((s) => (s.id as number) - 100) : [];
      });
      const check = checkTours(plain, routes);
      expect(check.problems).toEqual([]);
      expect(answer.summary.cost).toBe(check.cost);
      expect(answer.summary.distance).toBe(check.cost);
      const served = routes.flat().length;
      expect(served + answer.unassigned.length).toBe(plain.jobs.length);
      for (const u of answer.unassigned)
        expect(u.reason).toMatch(
          /^(capacity|time_window|vehicle_time_window|max_distance|max_travel_time|max_tasks|fleet)$/,
        );
    }
  });

  it('the same body with iterations and seed gives the very same answer text', async () => {
    const plain = randomTours(createRng(21), { jobs: 40, vehicles: 4, timeWindows: true, pickups: true });
    const body = vroomBody(plain, { iterations: 40, seed: 9 });
    const first = await post(body);
    const second = await post(body);
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    const other = await post({ ...body, options: { iterations: 40, seed: 10 } });
    expect(other.statusCode).toBe(200);
  });

  it('a hub of the active network as depot, by name; an unknown hub is 422 naming the field', async () => {
    const hub = tinyNetwork().hubs[0];
    const body = {
      vehicles: [{ id: 'van', startHub: hub.id, endHub: hub.id, capacity: [10] }],
      jobs: [
        { id: 1, location: [hub.lon + 0.05, hub.lat], delivery: [4] },
        { id: 2, location: [hub.lon, hub.lat + 0.05], delivery: [4] },
      ],
      options: { iterations: 5 },
    };
    const res = await post(body);
    expect(res.statusCode).toBe(200);
    const answer = res.json() as { routes: { steps: { type: string; location: number[] }[] }[] };
    expect(answer.routes[0].steps[0]).toMatchObject({ type: 'start', location: [hub.lon, hub.lat] });
    const unknown = await post({ ...body, vehicles: [{ id: 'van', startHub: 'NOPE' }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ error: 'UNKNOWN_HUB', field: 'vehicles[0].startHub' });
  });

  it('hostile bodies: a 4xx that names the field, never a 5xx', async () => {
    const square = [
      [0, 1],
      [1, 0],
    ];
    const base = {
      vehicles: [{ id: 1, start_index: 0, capacity: [5] }],
      jobs: [{ id: 1, location_index: 1, delivery: [1] }],
      matrices: { car: { durations: square } },
    };
    const cases: [unknown, number, RegExp][] = [
      [
        { ...base, jobs: [{ id: 1, location_index: 7 }] },
        400,
        /jobs\[0\]\.location_index: is 7, but the matrices have 2 rows/,
      ],
      [{ ...base, vehicles: [{ id: 1, start_index: 2 }] }, 400, /vehicles\[0\]\.start_index/],
      [
        { ...base, matrices: { car: { durations: [[0, 1], [1]] } } },
        400,
        /matrices\.car\.durations\[1\]: must have 2 values/,
      ],
      [
        {
          ...base,
          matrices: {
            car: {
              durations: [
                [0, 1, 2],
                [1, 0, 2],
              ],
            },
          },
        },
        400,
        /matrices\.car\.durations\[0\]: must have 2 values/,
      ],
      [{ ...base, jobs: [{ id: 1, location_index: 1, delivery: [-3] }] }, 400, /jobs\[0\]\.delivery\[0\]/],
      [
        { ...base, jobs: [{ id: 1, location_index: 1, delivery: [1, 2] }] },
        400,
        /jobs\[0\]\.delivery: must have 2 values|vehicles\[0\]\.capacity: must have 2 values/,
      ],
      [
        {
          ...base,
          jobs: [
            { id: 1, location_index: 1 },
            { id: 1, location_index: 0 },
          ],
        },
        400,
        /jobs\[1\]\.id: 1 is already the id of jobs\[0\]/,
      ],
      [
        { ...base, jobs: [{ id: 1, location: [1, 2] }] },
        400,
        /jobs\[0\]\.location_index: is required when matrices are given/,
      ],
      [{ vehicles: [{ id: 1 }], jobs: [{ id: 1 }] }, 400, /jobs\[0\]\.location: is required/],
      [
        { ...base, vehicles: [{ id: 1, start_index: 0, max_distance: 5 }] },
        400,
        /vehicles\[0\]\.max_distance: needs distances/,
      ],
      [
        { ...base, vehicles: [{ id: 1, time_window: [10, 5] }] },
        400,
        /vehicles\[0\]\.time_window: must start before it ends/,
      ],
      [
        { ...base, jobs: [{ id: 1, location_index: 1, time_windows: [[9, 3]] }] },
        400,
        /jobs\[0\]\.time_windows\[0\]: must start before it ends/,
      ],
      [{ ...base, vehicles: [] }, 400, /vehicles/],
      [{ ...base, skills: [1] }, 400, /skills: is not a known property/],
      [{ ...base, options: { timeLimitSeconds: -1 } }, 400, /options\.timeLimitSeconds/],
      [{ ...base, vehicles: [{ id: 1, speed_factor: 9 }] }, 400, /vehicles\[0\]\.speed_factor/],
      [{ ...base, jobs: [{ id: 1, location: [200, 0] }], matrices: undefined }, 400, /jobs\[0\]\.location\[0\]/],
      [
        { ...base, jobs: [{ id: 1, location: [100, 95] }], matrices: undefined },
        400,
        /jobs\[0\]\.location\[1\]: must be a latitude from -90 to 90/,
      ],
      [{ ...base, jobs: [{ id: 1, location: [100] }], matrices: undefined }, 400, /jobs\[0\]\.location/],
      [
        { ...base, vehicles: [{ id: 1, start: [0, -91] }], jobs: [{ id: 1, location: [1, 2] }], matrices: undefined },
        400,
        /vehicles\[0\]\.start\[1\]: must be a latitude/,
      ],
      [
        { ...base, jobs: Array.from({ length: MAX_TOUR_JOBS + 1 }, (_, i) => ({ id: i, location_index: 0 })) },
        413,
        /jobs: at most 10000 jobs/,
      ],
      ['{"vehicles": [', 400, /body: is not valid JSON/],
      [
        '{"__proto__": {"polluted": true}, "vehicles": [{"id": 1}], "jobs": []}',
        400,
        /__proto__: is not a known property/,
      ],
      ['null', 400, /body/],
      ['[]', 400, /body/],
    ];
    for (const [payload, status, message] of cases) {
      const res = await post(payload);
      expect({ status: res.statusCode, body: res.json() }).toMatchObject({
        status,
        body: { message: expect.stringMatching(message) },
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await post('x'.repeat(17 * 1024 * 1024))).statusCode).toBe(413);
    expect((await post(base, { 'content-type': 'text/plain' })).statusCode).toBe(415);
    const empty = await h.app.inject({ method: 'POST', url: '/v1/tours' });
    expect(empty.statusCode).toBe(400);
  });
});

describe('POST /v1/tours off the event loop', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork(), env: { TOURS_THREADS: '1', TOURS_QUEUE: '0' } });
  });
  afterAll(() => h.close());

  it('routing answers while a tour is solved, the event loop stays free, and a second tour meanwhile is 503', async () => {
    const rng = createRng(3);
    const plain = randomTours(rng, { jobs: 150, vehicles: 10, timeWindows: true });
    const solving = h.app.inject({
      method: 'POST',
      url: '/v1/tours',
      payload: JSON.stringify(vroomBody(plain, { timeLimitSeconds: 3 })),
      headers: { 'content-type': 'application/json' },
    });
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const started = Date.now();
    // Let the request reach the pool before the second one.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const busy = await h.app.inject({
      method: 'POST',
      url: '/v1/tours',
      payload: JSON.stringify(vroomBody(plain, { iterations: 1 })),
      headers: { 'content-type': 'application/json' },
    });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('1');
    const hub = tinyNetwork().hubs;
    let routed = 0;
    let finished = false;
    void solving.then(() => (finished = true));
    while (!finished) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/v1/routes',
        payload: { origin: hub[0].id, destination: hub[1].id, weightKg: 1, readyAt: '2026-11-24T08:00:00Z' },
      });
      expect(res.statusCode).toBeLessThan(500);
      routed++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    delay.disable();
    const solveMs = Date.now() - started;
    expect((await solving).statusCode).toBe(200);
    // Routing kept answering all along, and the longest stall of the event loop is a small part of the solve.
    expect(routed).toBeGreaterThan(20);
    expect(delay.max / 1e6).toBeLessThan(solveMs / 4);
  });
});
