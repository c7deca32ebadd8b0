/**
 * Greedy on a thread of its own (src/plans-pool/greedy-thread.ts), the thread running the
 * plans thread's script as the service does: the digest it hands over is the one greedy
 * booked in this thread gives, arrays and all, and a greedy that fails there fails the
 * call that waits for it, with its error, instead of leaving it waiting.
 */
import { join } from 'node:path';
import { greedyPlans } from '../../src/plans/greedy';
import { digestOf } from '../../src/plans/greedy-digest';
import { greedyInThread } from '../../src/plans-pool/greedy-thread';
import { LoadTable } from '../../src/routing/capacity/loads';
import { prepareNetwork } from '../../src/routing/network/network-index';
import { Router } from '../../src/routing/router/router';
import type { NetworkDocument } from '../../src/routing/types';
import { createRng } from '../../src/synthetic/prng';
import { planInstance } from '../support/plan-instances';

const PLANS_WORKER = join(__dirname, '..', 'support', 'plans-worker.js');
const PENALTIES = { latePenalty: 100, unplannedPenalty: 1000 };

describe('greedy on a thread of its own', () => {
  it('hands over the digest greedy booked here gives, on 10 random saturated instances', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { doc, queries } = planInstance(createRng(92_000 + seed), 8);
      const ix = prepareNetwork(doc);
      const loads = new LoadTable(ix);
      const here = digestOf(ix, greedyPlans(new Router(ix, [], undefined, loads), loads, queries), PENALTIES, 0);
      const there = greedyInThread({ doc, closures: [], loads: [], queries, penalties: PENALTIES }, PLANS_WORKER)();
      expect({ seed, there: { ...there, seconds: 0 } }).toEqual({ seed, there: here });
      expect(there.planned.some((p) => p === 1)).toBe(true);
    }
  });

  it("fails the wait with the thread's error", () => {
    const broken = { hubs: null } as unknown as NetworkDocument;
    const wait = greedyInThread(
      { doc: broken, closures: [], loads: [], queries: [], penalties: PENALTIES },
      PLANS_WORKER,
    );
    expect(wait).toThrow(/greedy failed on its thread: /);
  });
});
