/**
 * A Router made with `{ sweeps: false }` (a flow plan's candidate searches) earns no
 * sweeps and answers every query as the default Router does, which earns and uses them
 * on the same queries: many parcels from one origin in one hour, to every destination.
 */
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { RouteQuery } from '../../src/routing/types';
import { generateNetwork } from '../../src/synthetic/generate';
import { createRng } from '../../src/synthetic/prng';

const doc = generateNetwork({ hubs: 200, seed: 5 });
const index = prepareNetwork(doc);
const READY = 29_000_000;

function queries(): RouteQuery[] {
  const rng = createRng(11);
  const origin = doc.hubs[0].id;
  return doc.hubs.slice(1).flatMap((to) =>
    (['standard', 'express', 'economy'] as const).map((serviceLevel) => ({
      origin,
      destination: to.id,
      readyAt: READY + rng.int(0, 30),
      weightKg: 0.5 + rng.int(0, 200) / 10,
      serviceLevel,
    })),
  );
}

test('without sweeps: the same answers, none of them from a sweep', () => {
  const withSweeps = new Router(index);
  const without = new Router(index, [], undefined, undefined, { sweeps: false });
  const asked = queries();
  for (const q of asked) expect({ q, outcome: without.route(q) }).toEqual({ q, outcome: withSweeps.route(q) });
  expect(withSweeps.sweptAnswers).toBeGreaterThan(asked.length / 2);
  expect(without.sweptAnswers).toBe(0);
});
