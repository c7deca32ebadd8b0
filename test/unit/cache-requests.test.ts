/** Cache hits and misses of successive Routers, turned into increments that never go backwards. */
import { CacheDeltas } from '../../src/metrics/cache-requests';
import { prepareNetwork } from '../../src/routing/prepare';
import { Router } from '../../src/routing/router';
import { tinyNetwork } from '../support/tiny-network';

const CACHED = { cacheSize: 1000 };
const QUERY = { origin: 'HGH', destination: 'SVO', weightKg: 1, readyAt: 29_000_000, serviceLevel: 'express' as const };

describe('CacheDeltas', () => {
  const index = prepareNetwork(tinyNetwork());

  it('gives what one Router counted since the last call', () => {
    const router = new Router(index, [], CACHED);
    const deltas = new CacheDeltas();
    expect(deltas.take(undefined)).toEqual({ hits: 0, misses: 0 });
    router.route(QUERY);
    router.route(QUERY);
    expect(deltas.take(router)).toEqual({ hits: 1, misses: 1 });
    expect(deltas.take(router)).toEqual({ hits: 0, misses: 0 });
    router.route(QUERY);
    expect(deltas.take(router)).toEqual({ hits: 1, misses: 0 });
  });

  it('reads the swapped-out Router once more, and never counts a Router twice', () => {
    const first = new Router(index, [], CACHED);
    const deltas = new CacheDeltas();
    first.route(QUERY);
    expect(deltas.take(first)).toEqual({ hits: 0, misses: 1 });
    first.route(QUERY);
    first.route(QUERY);
    const second = new Router(index, [], CACHED);
    second.route(QUERY);
    expect(deltas.take(second)).toEqual({ hits: 2, misses: 1 });
    second.route(QUERY);
    expect(deltas.take(undefined)).toEqual({ hits: 1, misses: 0 });
    second.route(QUERY);
    expect(deltas.take(second)).toEqual({ hits: 1, misses: 0 });
  });
});
