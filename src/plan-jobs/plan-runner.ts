/**
 * What a worker does with one plan job: reads the plan's parcels and the ledger's
 * loads on every watched date (the starting loads), has a plans thread plan them on
 * the network being served (PlansPool), books the plan when asked (plan-booking.ts),
 * and stores one result line per parcel, in the chunks the parcels came in, with the
 * plan's figures. A failed attempt is retried by BullMQ; the last one marks the plan
 * failed with its reason.
 */
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Ledger } from '../capacity/ledger';
import type { ChunkEntry } from '../batch/chunk-job';
import { newRunToken } from '../batch/chunk-booking';
import { releaseRun } from '../capacity/reserve-round';
import { releaseEarlier } from '../capacity/run-chain';
import { toCoreClosure, type LiveNetwork } from '../network/live-network';
import type { PlansPool } from '../plans-pool/plans-pool';
import type { LoadEntry, PlannedParcel } from '../plans-pool/task';
import { PLAN_MAX_STARTS, type PlanJobData } from './plan-job';
import type { PlanRunFigures, PlanStatus, PlanStore } from './plan-store';
import {
  bookPlan,
  claimPlan,
  planBookingIds,
  PlanSuperseded,
  type BookedPlan,
  type PlanBookingDeps,
} from './plan-booking';

export interface PlanRunnerDeps {
  live: LiveNetwork;
  store: PlanStore;
  ledger: Ledger;
  pool: PlansPool;
  booking: PlanBookingDeps;
  logger: Logger;
}

export class PlanRunner {
  constructor(private readonly deps: PlanRunnerDeps) {}

  async run(job: Job<PlanJobData>): Promise<string> {
    const { store, logger } = this.deps;
    const { planId, requestId } = job.data;
    const log = logger.child({ planId, requestId });
    if (!(await store.start(planId))) return 'abandoned';
    if (job.attemptsStarted > PLAN_MAX_STARTS) {
      return this.failLast(planId, log, new Error('its workers stopped while planning it, too many times'));
    }
    try {
      const status = (await store.read(planId)) as PlanStatus;
      const { figures, run, results } = await this.plan(status, log);
      // Only while this run owns the plan: a later run's results and figures stand, and this run's bookings go back.
      const owned = await this.writeResults(planId, results, run?.token);
      if (!owned || !(await store.complete(planId, figures, run?.token))) {
        // A later run owns the plan: what this one booked goes back.
        if (run) await releaseRun(this.deps.booking, run.ids, run.token, run.dates);
        return 'superseded';
      }
      log.info(
        {
          objective: figures.objective,
          greedy: figures.greedy.objective,
          gap: figures.gap,
          seconds: figures.totalSeconds,
        },
        'plan completed',
      );
      return 'completed';
    } catch (err) {
      if (err instanceof PlanSuperseded) return 'superseded';
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
      return this.failLast(planId, log, err as Error);
    }
  }

  /** Marks the plan failed (its last attempt), once what its runs booked is given back. */
  private async failLast(planId: string, log: Logger, err: Error): Promise<string> {
    log.error({ err }, 'plan failed its last attempt');
    const released = await this.releaseRuns(planId).catch((cause: unknown) => {
      log.warn({ err: cause }, "cannot give back what the plan's runs booked; their holds expire with their dates");
      return 'not released';
    });
    // A run that had stalled completed it meanwhile: it stands.
    if (released === 'completed' || !(await this.deps.store.fail(planId, err.message))) return 'superseded';
    return 'failed';
  }

  /**
   * Gives back what the plan's runs booked, when its last attempt failed: a run of its own
   * claims the plan (so that none before it can complete it any more), then releases
   * every run before it.
   */
  private async releaseRuns(planId: string): Promise<'released' | 'completed'> {
    const { store, booking } = this.deps;
    const status = await store.read(planId);
    if (status?.state === 'completed') return 'completed';
    if (!status?.book) return 'released';
    // The ids first, before the claim takes the plan over: every chunk but the last is as full as the first.
    const chunkSize = (await store.readParcels(planId, 0)).length;
    const ids = planBookingIds(planId, status.total, chunkSize);
    const claim = await store.claimRun(planId, newRunToken());
    if (claim.kind === 'completed') return 'completed';
    if (claim.kind === 'claimed') await releaseEarlier(booking, ids, claim.earlier);
    return 'released';
  }

  /** Stores each chunk's result lines; false when a later run owns the plan (then what is stored is its). */
  private async writeResults(planId: string, results: readonly string[], token = ''): Promise<boolean> {
    for (const [chunk, lines] of results.entries()) {
      if (!(await this.deps.store.writeResults(planId, chunk, lines, token))) return false;
    }
    return true;
  }

  private async plan(
    status: PlanStatus,
    log: Logger,
  ): Promise<{ figures: PlanRunFigures; run: BookedPlan['run'] | undefined; results: string[] }> {
    const { live, store, pool } = this.deps;
    const network = live.require();
    const entries: ChunkEntry[] = [];
    // The results go in the chunks the parcels came in (the submitting API's BATCH_CHUNK_SIZE: every chunk but the last is full).
    let chunkSize = 0;
    for (let chunk = 0; chunk < status.chunks; chunk++) {
      const parcels = await store.readParcels(status.planId, chunk);
      if (chunk === 0) chunkSize = parcels.length;
      entries.push(...parcels);
    }
    // A booked plan's run claims it first: what runs before it booked is released before the loads are read.
    const claim = status.book
      ? await claimPlan(this.deps.booking, status.planId, planBookingIds(status.planId, entries.length, chunkSize))
      : undefined;
    const loads = await this.startingLoads();
    const result = await pool.plan({
      doc: network.doc,
      version: network.version,
      closures: network.closures.map(toCoreClosure),
      loads,
      entries,
      penalties: status.penalties,
      book: status.book,
    });
    let parcels: PlannedParcel[] = result.parcels;
    const figures: PlanRunFigures = { ...result.figures, failed: result.failed };
    let run: BookedPlan['run'] | undefined;
    if (claim) {
      const booked = await bookPlan(
        this.deps.booking,
        status.planId,
        claim,
        network.version,
        entries,
        parcels,
        chunkSize,
        status.penalties,
        log,
      );
      parcels = booked.parcels;
      run = booked.run;
      // What was booked is the plan now: live bookings may have moved some parcels.
      Object.assign(figures, booked.figures);
      figures.gap =
        figures.objective > 0 ? Math.max(0, (figures.objective - figures.lowerBound) / figures.objective) : 0;
    }
    const results: string[] = [];
    for (let chunk = 0; chunk * chunkSize < parcels.length; chunk++) {
      results.push(
        parcels
          .slice(chunk * chunkSize, (chunk + 1) * chunkSize)
          .map((p) => p.line as string)
          .join(''),
      );
    }
    return { figures, run, results };
  }

  /** What the ledger holds on every date it watches: the bookings the plan must leave room for. */
  private async startingLoads(): Promise<LoadEntry[]> {
    const { ledger } = this.deps;
    const loads: LoadEntry[] = [];
    for (const date of await ledger.watchedDates()) {
      for (const [field, value] of await ledger.counters(date)) loads.push([date, field, value]);
    }
    return loads;
  }
}
