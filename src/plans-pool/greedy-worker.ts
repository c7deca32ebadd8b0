/** The greedy thread (greedy-thread.ts): books the task's parcels one by one over its starting loads and posts the plans back. */
import { parentPort, workerData } from 'node:worker_threads';
import { greedyPlans } from '../plans/greedy';
import { prepareNetwork } from '../routing/network/network-index';
import { Router } from '../routing/router/router';
import type { GreedyTask } from './greedy-thread';
import { startingLoadsOf } from './starting-loads';

const task = workerData as GreedyTask;
const started = performance.now();
const index = prepareNetwork(task.doc);
const loads = startingLoadsOf(index, task.loads)();
const plans = greedyPlans(new Router(index, task.closures, undefined, loads), loads, task.queries);
parentPort!.postMessage({ plans, seconds: (performance.now() - started) / 1000 });
