/**
 * A plan in Redis, from its submission to its expiry (RESULTS_TTL): its status hash,
 * its parcels as submitted (in chunks, compressed) and its result lines (in chunks,
 * compressed). A plan is invisible (404) while `submitting`.
 */
import { RENEW_LEASE } from '../batch/batch-scripts';
import { SUBMISSION_LEASE_SECONDS } from '../batch/batch-status';
import { decodeLines, encodeLines } from '../batch/result-codec';
import type { ChunkEntry } from '../batch/chunk-job';
import { runsOf, type EarlierRun } from '../capacity/run-chain';
import type { RedisClient } from '../redis/connection';
import type { Keys } from '../redis/keys';
import { LuaScript } from '../redis/lua-script';
import type { PlanFigures, PlanPenalties } from '../plans/types';
import {
  CLAIM_PLAN_RUN,
  COMMIT_PLAN,
  COMPLETE_PLAN,
  FAIL_PLAN,
  SET_PLAN_RUN_DATES,
  WRITE_PLAN_RESULTS,
} from './plan-scripts';

const claimRun = new LuaScript(CLAIM_PLAN_RUN);
const commitPlan = new LuaScript(COMMIT_PLAN);
const setRunDates = new LuaScript(SET_PLAN_RUN_DATES);
const completePlan = new LuaScript(COMPLETE_PLAN);
const failPlan = new LuaScript(FAIL_PLAN);
const writeResults = new LuaScript(WRITE_PLAN_RESULTS);

/** A booking run's claim on a plan: see plan-scripts.ts. */
export type PlanRunClaim = { kind: 'completed' | 'gone' } | { kind: 'claimed'; earlier: EarlierRun[] };

export type PlanState = 'queued' | 'running' | 'completed' | 'failed';

/** What the plan job adds to the planner's figures. */
export interface PlanRunFigures extends PlanFigures {
  /** Parcels whose result line is an error other than NO_CAPACITY: invalid, unknown hub, no route. */
  failed: number;
  /** With book=true: parcels booked, and those whose planned route had been taken meanwhile and were routed again. */
  booked?: number;
  rerouted?: number;
}

export interface PlanStatus {
  planId: string;
  state: PlanState;
  total: number;
  chunks: number;
  book: boolean;
  penalties: PlanPenalties;
  createdAt: string;
  completedAt: string | null;
  figures: PlanRunFigures | null;
  error: string | null;
}

export class PlanStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly ttlSeconds: number,
  ) {}

  /**
   * Creates the plan, invisible until commit(), held by a lease that the submitter renews:
   * a submission whose process died expires within SUBMISSION_LEASE_SECONDS, and its
   * Idempotency-Key can then be taken over.
   */
  async begin(planId: string, createdAt: string, book: boolean, penalties: PlanPenalties): Promise<void> {
    const k = this.keys.plan(planId);
    await this.redis
      .multi()
      .hset(k.status, {
        state: 'submitting',
        createdAt,
        book: book ? 1 : 0,
        latePenalty: penalties.latePenalty,
        unplannedPenalty: penalties.unplannedPenalty,
      })
      .expire(k.status, SUBMISSION_LEASE_SECONDS)
      .exec();
  }

  /** Extends the lease of a submission still running (its parcels written so far follow it). */
  async renew(planId: string): Promise<void> {
    const k = this.keys.plan(planId);
    await this.redis.eval(RENEW_LEASE, 3, k.status, k.parcels, k.results, SUBMISSION_LEASE_SECONDS);
  }

  async writeParcels(planId: string, chunk: number, entries: readonly ChunkEntry[]): Promise<void> {
    const k = this.keys.plan(planId);
    const stored = await encodeLines(JSON.stringify(entries));
    await this.redis.multi().hset(k.parcels, String(chunk), stored).expire(k.parcels, SUBMISSION_LEASE_SECONDS).exec();
  }

  /** Makes the plan visible as queued, its keys living RESULTS_TTL from now; false when its lease ran out. */
  async commit(planId: string, total: number, chunks: number): Promise<boolean> {
    const k = this.keys.plan(planId);
    return (await commitPlan.run(this.redis, [k.status, k.parcels], [total, chunks, this.ttlSeconds])) === 1;
  }

  async discard(planId: string): Promise<void> {
    const k = this.keys.plan(planId);
    await this.redis.del(k.status, k.parcels, k.results);
  }

  async read(planId: string): Promise<PlanStatus | undefined> {
    const f = await this.redis.hgetall(this.keys.plan(planId).status);
    if (!f.state || f.state === 'submitting') return undefined;
    return {
      planId,
      state: f.state as PlanState,
      total: Number(f.total),
      chunks: Number(f.chunks),
      book: f.book === '1',
      penalties: { latePenalty: Number(f.latePenalty), unplannedPenalty: Number(f.unplannedPenalty) },
      createdAt: f.createdAt,
      completedAt: f.completedAt ?? null,
      figures: f.figures ? (JSON.parse(f.figures) as PlanRunFigures) : null,
      error: f.error ?? null,
    };
  }

  /** True while the plan exists, being submitted or submitted. */
  async exists(planId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.plan(planId).status)) === 1;
  }

  /** Marks a queued plan running; false when the plan is gone or finished already. */
  async start(planId: string): Promise<boolean> {
    const k = this.keys.plan(planId).status;
    const state = await this.redis.hget(k, 'state');
    if (state !== 'queued' && state !== 'running') return false;
    await this.redis.hset(k, 'state', 'running');
    return true;
  }

  async readParcels(planId: string, chunk: number): Promise<ChunkEntry[]> {
    const stored = await this.redis.hgetBuffer(this.keys.plan(planId).parcels, String(chunk));
    if (!stored) throw new Error(`the parcels of chunk ${chunk} of plan ${planId} are gone (expired?)`);
    return JSON.parse((await decodeLines(stored)).toString('utf8')) as ChunkEntry[];
  }

  /**
   * Stores one chunk of result lines; false (nothing stored) when `runToken` names a
   * booking run that a later run has superseded.
   */
  async writeResults(planId: string, chunk: number, lines: string, runToken = ''): Promise<boolean> {
    const k = this.keys.plan(planId);
    const stored = await encodeLines(lines);
    const args = [runToken, chunk, stored, this.ttlSeconds];
    return (await writeResults.run(this.redis, [k.status, k.results], args)) === 1;
  }

  /**
   * Completes the plan with its figures and drops its parcels; false (nothing changed)
   * when `runToken` names a booking run that a later run has superseded.
   */
  async complete(planId: string, figures: PlanRunFigures, runToken = ''): Promise<boolean> {
    const k = this.keys.plan(planId);
    const done = await completePlan.run(
      this.redis,
      [k.status, k.parcels],
      [runToken, new Date().toISOString(), JSON.stringify(figures)],
    );
    return done === 1;
  }

  /** Claims a booked plan for a run (plan-scripts.ts). */
  async claimRun(planId: string, token: string): Promise<PlanRunClaim> {
    const [kind, before] = (await claimRun.run(this.redis, [this.keys.plan(planId).status], [token])) as [
      PlanRunClaim['kind'],
      string?,
    ];
    return kind === 'claimed' ? { kind, earlier: runsOf(before ?? '') } : { kind };
  }

  /** Records the dates a run may hold; false when a later run owns the plan. */
  async setRunDates(planId: string, token: string, dates: readonly string[]): Promise<boolean> {
    return (await setRunDates.run(this.redis, [this.keys.plan(planId).status], [token, dates.join(',')])) === 1;
  }

  /** Marks the plan failed; false (and nothing changed) when a run completed it meanwhile. */
  async fail(planId: string, error: string): Promise<boolean> {
    const k = this.keys.plan(planId);
    return (await failPlan.run(this.redis, [k.status, k.results], [new Date().toISOString(), error])) === 1;
  }

  async readResults(planId: string, chunk: number): Promise<Buffer | undefined> {
    const stored = await this.redis.hgetBuffer(this.keys.plan(planId).results, String(chunk));
    return stored ? decodeLines(stored) : undefined;
  }
}
