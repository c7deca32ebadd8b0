/**
 * A call Redis ran, but whose reply never came back: the connection dropped in between.
 * ioredis then sends the call again on the new connection (it resends the commands a
 * lost connection left unanswered), and it meets its own work:
 * - a reserve call finds the booking held already. The booking is this request's own
 *   (its id carries a random part): it stands, answered 201, held once, not taken for a
 *   refusal and left held by a booking no client knows;
 * - the binding of an Idempotency-Key finds the key bound to this very request: it goes
 *   on, rather than answering that a request with the key is still being made.
 *
 * The app's client goes through a TCP proxy to the real Redis, which drops the client's
 * side of the connection once, on the first reply after a call it watches for went through.
 */
import { createHash } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { bookChunk } from '../../src/batch/chunk-booking';
import { ResultsStore } from '../../src/batch/results-store';
import { MOVE_RECORD, RESERVE } from '../../src/capacity/ledger-scripts';
import type { NetworkDocument } from '../../src/routing/types';
import { DEFAULT_REDIS_URL, startApp, type Harness } from '../support/app-harness';
import { bookedChunkZero, chunkBookingDeps } from '../support/batch-harness';
import { auditLedger, faultsOf, heldIds, NO_FAULTS } from '../support/ledger-audit';
import { hub, leg, sketch } from '../support/sketch';

const network: NetworkDocument = sketch(
  [hub('A', { capacityPerDay: 5 }), hub('B')],
  [leg('AB', 'A', 'B', { departures: ['09:00'], capacityPerDeparture: 3 })],
);

/** A proxy to Redis that, once, loses the reply to the first call it forwards that carries `marker`. */
async function replyLosingProxy(
  marker: Buffer,
): Promise<{ port: number; dropped: () => boolean; close(): Promise<void> }> {
  const target = new URL(DEFAULT_REDIS_URL);
  let armed = true;
  let dropped = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    sockets.add(client).add(upstream);
    let dropNext = false;
    // The end of what came before: a marker may straddle two reads.
    let tail = Buffer.alloc(0);
    client.on('data', (data) => {
      const seen = Buffer.concat([tail, data]);
      tail = seen.subarray(Math.max(0, seen.length - marker.length + 1));
      if (armed && seen.includes(marker)) {
        armed = false;
        dropNext = true;
      }
      upstream.write(data);
    });
    upstream.on('data', (data) => {
      if (!dropNext) {
        client.write(data);
        return;
      }
      // Redis ran the call; its reply is lost with the connection. Redis's side stays
      // open a moment, so that it finishes what it read.
      dropNext = false;
      dropped = true;
      client.destroy();
      setTimeout(() => upstream.destroy(), 200);
    });
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    dropped: () => dropped,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** DELETEs a booking through the proxy, which loses one reply: 204, and nothing is left held, unsettled or miscounted. */
async function deletedDespiteLostReply(
  h: Harness,
  proxy: Awaited<ReturnType<typeof replyLosingProxy>>,
  bookingId: string,
): Promise<void> {
  const res = await h.app.inject({ method: 'DELETE', url: `/v1/bookings/${bookingId}` });
  expect(proxy.dropped()).toBe(true);
  expect(res.statusCode).toBe(204);
  const audit = await auditLedger(h.redis, h.keys, network);
  expect({ held: [...heldIds(audit)], unsettled: audit.unsettled, mismatches: audit.mismatches }).toEqual({
    held: [],
    unsettled: [],
    mismatches: [],
  });
}

/**
 * An app whose client reaches Redis through a proxy that loses one reply: to the first call
 * of `script` by its SHA (loaded first, so that the reply lost is the call's and not a
 * NOSCRIPT), or to the first call that carries `line` (of a script sent whole, by EVAL).
 */
function appLosingReply(watch: { script: string } | { line: string }): {
  h: Harness;
  proxy: Awaited<ReturnType<typeof replyLosingProxy>>;
} {
  const app = {} as ReturnType<typeof appLosingReply>;
  beforeAll(async () => {
    let marker = Buffer.from('line' in watch ? watch.line : '');
    if ('script' in watch) {
      const direct = new Redis(DEFAULT_REDIS_URL);
      await direct.script('LOAD', watch.script);
      direct.disconnect();
      marker = Buffer.from(createHash('sha1').update(watch.script).digest('hex'));
    }
    app.proxy = await replyLosingProxy(marker);
    app.h = await startApp({ network, redisUrl: `redis://127.0.0.1:${app.proxy.port}` });
  });
  afterAll(async () => {
    await app.h.close();
    await app.proxy.close();
  });
  return app;
}

const PARCEL = { origin: 'A', destination: 'B', weightKg: 1, readyAt: '2026-11-24T08:00:00Z', serviceLevel: 'express' };

describe.each([
  {
    call: 'a reserve call',
    watch: { script: RESERVE },
    headers: {},
  },
  {
    call: "an Idempotency-Key's binding",
    watch: { line: "local value = ARGV[1] .. ' ' .. nowMs()" },
    headers: { 'idempotency-key': 'lost-reply' },
  },
])('$call whose reply was lost', ({ watch, headers }) => {
  const app = appLosingReply(watch);

  it('is sent again, meets its own work, and the booking is answered: 201, held once, nothing left over', async () => {
    const { h, proxy } = app;
    const res = await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: PARCEL, headers });
    expect(proxy.dropped()).toBe(true);
    expect(res.statusCode).toBe(201);
    const { bookingId } = res.json<{ bookingId: string }>();
    expect((await h.app.inject({ method: 'GET', url: `/v1/bookings/${bookingId}` })).statusCode).toBe(200);
    const audit = await auditLedger(h.redis, h.keys, network);
    expect(faultsOf(audit)).toEqual(NO_FAULTS);
    expect([...heldIds(audit)]).toEqual([bookingId]);
  });
});

describe('a release whose first step lost its reply', () => {
  const app = appLosingReply({ script: MOVE_RECORD });

  it('is sent again, finds its own move, and releases the booking at once: 204, nothing held', async () => {
    const { h, proxy } = app;
    const booked = await h.app.inject({ method: 'POST', url: '/v1/bookings', payload: PARCEL });
    expect(booked.statusCode).toBe(201);
    const { bookingId } = booked.json<{ bookingId: string }>();
    await deletedDespiteLostReply(h, proxy, bookingId);
  });
});

describe("a batch parcel's release whose first step lost its reply", () => {
  // A line of the script that marks a run's parcel released.
  const app = appLosingReply({ line: "redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])" });

  it('is sent again, finds its own mark, and releases the parcel at once: 204, nothing held', async () => {
    const { h, proxy } = app;
    const batchId = 'lost-reply-batch';
    const data = await bookedChunkZero(h, batchId, 'lost-reply', [
      { id: 'P-1', request: { ...PARCEL, parcelId: 'P-1' } },
    ]);
    const deps = chunkBookingDeps(h);
    const booked = await bookChunk(data, h.live.require(), deps, () => undefined);
    if (booked.kind !== 'booked') throw new Error(`the chunk's run ended ${booked.kind}`);
    expect(booked.results.routed).toBe(1);
    await new ResultsStore(h.redis, h.keys).record(batchId, 0, booked.results, booked.token);
    await deletedDespiteLostReply(h, proxy, `${batchId}.0.0`);
  });
});
