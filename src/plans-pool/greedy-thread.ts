/**
 * Greedy booked on a thread of its own, beside the plan (planner.ts, `PlanInput.greedy`):
 * a plans thread starts it with the plan's network, starting loads and parcels, plans
 * the parts meanwhile, and blocks for greedy's digest only when the plan needs it (on a
 * split plan of a million parcels, after the parts: greedy never waits for a core). The
 * digest's arrays are moved, not copied. An error in the thread fails the plan with it.
 *
 * The thread runs the plans thread's own script (`threadFile`, worker.ts), which starts
 * `runGreedyThread` when its workerData carries a greedy task.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { greedyPlans } from '../plans/greedy';
import { digestOf, type GreedyDigest } from '../plans/greedy-digest';
import type { PlanPenalties } from '../plans/types';
import { prepareNetwork } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import type { Closure, NetworkDocument, RouteQuery } from '../routing/types';
import { startingLoadsOf } from './starting-loads';
import type { LoadEntry } from './task';

export interface GreedyTask {
  doc: NetworkDocument;
  closures: Closure[];
  loads: LoadEntry[];
  queries: RouteQuery[];
  penalties: PlanPenalties;
}

/** What the thread is started with (its workerData). */
export interface GreedyThreadData {
  greedyTask: GreedyTask;
  port: MessagePort;
  /** Set to 1 once the digest, or the error, is posted. */
  done: Int32Array;
}

type Reply = { digest: GreedyDigest } | { error: string };

/** Starts greedy on a thread running `threadFile`; the function returned blocks until its digest is there. */
export function greedyInThread(task: GreedyTask, threadFile: string): () => GreedyDigest {
  const { port1, port2 } = new MessageChannel();
  const done = new Int32Array(new SharedArrayBuffer(4));
  const data: GreedyThreadData = { greedyTask: task, port: port2, done };
  const thread = new Worker(threadFile, { workerData: data, transferList: [port2] });
  thread.unref();
  return () => {
    Atomics.wait(done, 0, 0);
    const reply = receiveMessageOnPort(port1)?.message as Reply | undefined;
    port1.close();
    if (!reply) throw new Error('the greedy thread ended without an answer');
    if ('error' in reply) throw new Error(`greedy failed on its thread: ${reply.error}`);
    return reply.digest;
  };
}

/** The thread's side: books greedy and posts its digest (or the error), then says so. */
export function runGreedyThread({ greedyTask: task, port, done }: GreedyThreadData): void {
  try {
    const index = prepareNetwork(task.doc);
    const loads = startingLoadsOf(index, task.loads)();
    const started = performance.now();
    const plans = greedyPlans(new Router(index, task.closures, undefined, loads), loads, task.queries);
    const digest = digestOf(index, plans, task.penalties, (performance.now() - started) / 1000);
    const { planned, offsets, legs, departs, arrivals } = digest;
    const reply: Reply = { digest };
    port.postMessage(reply, [planned.buffer, offsets.buffer, legs.buffer, departs.buffer, arrivals.buffer]);
  } catch (err) {
    const reply: Reply = { error: err instanceof Error ? err.message : String(err) };
    port.postMessage(reply);
  } finally {
    port.close();
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
  }
}
