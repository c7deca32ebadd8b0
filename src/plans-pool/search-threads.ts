/**
 * A plan's search helper on a thread of its own (search-thread.ts), started for one plan
 * and closed after it: the plans thread and the helper search at once, so a plan's
 * greedy, candidate and pricing searches use both cores (plans/search-helper.ts).
 */
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PackedRoutes } from '../plans/packed-routes';
import type { PackedReservations } from '../plans/packed-bookings';
import type { PackedChoices, SearchHelper } from '../plans/search-helper';
import type { HelperWork } from '../plans/types';
import type { SharedRelaxation } from '../plans/shared-half';
import type { LoadContents } from '../routing/capacity/loads';
import type { Closure, NetworkDocument, RouteQuery } from '../routing/types';
import { planThreadLimits } from './thread-limits';

/** What the thread starts from: the plan's network version and closures. */
export interface SearchThreadData {
  doc: NetworkDocument;
  closures: readonly Closure[];
}

type AskedRequest =
  | { kind: 'candidates'; id: number; loads: LoadContents; queries: readonly RouteQuery[] }
  | {
      kind: 'choices';
      id: number;
      start: LoadContents | undefined;
      booked: PackedReservations;
      queries: readonly RouteQuery[];
    };

export type SearchRequest = AskedRequest | { kind: 'share'; shared: SharedRelaxation } | { kind: 'wake'; id: number };

/** The buffers of packed arrays, to transfer them. */
export function buffersOf(packed: object): ArrayBuffer[] {
  return Object.values(packed).flatMap((v) => (ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : []));
}

export interface SearchThreadOptions {
  /** The thread's script. @defaultValue search-thread.js (or .ts when run from the sources) beside this file */
  file?: string;
  /** The thread's heap (old generation), in MB. @defaultValue Node's */
  heapMb?: number;
}

/** The helper's thread, started at its first request. */
export class SearchThread implements SearchHelper {
  private worker: Worker | undefined;
  private readonly waiting = new Map<
    number,
    { queries: number; resolve: (answer: unknown) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private failed: Error | undefined;
  private searches = 0;
  /** Each shared relaxation's count of halves the thread served (not the relaxation: its arrays may go). */
  private readonly served: Int32Array[] = [];

  constructor(
    private readonly data: SearchThreadData,
    private readonly options: SearchThreadOptions = {},
  ) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const { file, heapMb } = this.options;
    const worker = new Worker(file ?? join(__dirname, `search-thread${extname(__filename)}`), {
      workerData: this.data,
      resourceLimits: planThreadLimits(heapMb),
    });
    worker.on('message', ({ id, packed }: { id: number; packed: unknown }) => {
      const waiting = this.waiting.get(id);
      if (!waiting) return;
      this.searches += waiting.queries;
      waiting.resolve(packed);
      this.waiting.delete(id);
    });
    const fail = (err: Error) => {
      this.failed = err;
      for (const { reject } of this.waiting.values()) reject(err);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the search thread exited (code ${code})`)));
    return (this.worker = worker);
  }

  candidates(loads: LoadContents, queries: readonly RouteQuery[]): Promise<PackedRoutes> {
    return this.ask({ kind: 'candidates', id: this.next++, loads, queries }, buffersOf(loads));
  }

  choices(
    start: LoadContents | undefined,
    booked: PackedReservations,
    queries: readonly RouteQuery[],
  ): Promise<PackedChoices> {
    const buffers = [...(start ? buffersOf(start) : []), ...buffersOf(booked)];
    return this.ask({ kind: 'choices', id: this.next++, start, booked, queries }, buffers);
  }

  share(shared: SharedRelaxation): void {
    this.served.push(shared.served);
    this.tell({ kind: 'share', shared });
  }

  work(): HelperWork {
    return { searches: this.searches, halves: this.served.reduce((n, count) => n + Atomics.load(count, 0), 0) };
  }

  wake(id: number): void {
    this.tell({ kind: 'wake', id });
  }

  /** A request with no answer: a helper that failed is not asked (the plans thread does the work). */
  private tell(request: SearchRequest): void {
    if (!this.failed) this.started().postMessage(request);
  }

  private ask<T>(request: AskedRequest, transfer: ArrayBuffer[]): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      const queries = request.queries.length;
      this.waiting.set(request.id, { queries, resolve: resolve as (answer: unknown) => void, reject });
      this.started().postMessage(request, transfer);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
