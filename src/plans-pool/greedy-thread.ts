/**
 * Greedy in a thread of its own (greedy-worker.ts), beside the plans thread that plans
 * the same parcels: on a split plan it books them one by one while the parts are
 * planned, so the plan uses both cores (docs/plans.md, "Greedy beside the parts").
 */
import { Worker } from 'node:worker_threads';
import type { GreedyOutcome } from '../plans/planner';
import type { Closure, NetworkDocument, RouteQuery } from '../routing/types';
import type { LoadEntry } from './task';

/** What the greedy thread is given (structured-clone safe). */
export interface GreedyTask {
  doc: NetworkDocument;
  closures: Closure[];
  /** The plan's starting loads, as the ledger holds them. */
  loads: LoadEntry[];
  queries: RouteQuery[];
}

/** Greedy's plans, from a new thread running `file` (greedy-worker.js); the thread ends with its answer. */
export function greedyInThread(file: string, task: GreedyTask): Promise<GreedyOutcome> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(file, { workerData: task });
    thread.once('message', (outcome: GreedyOutcome) => {
      resolve(outcome);
      void thread.terminate();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`the greedy thread ended (exit code ${code}) before it answered`)));
  });
}
