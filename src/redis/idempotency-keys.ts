/**
 * Idempotency-Key → what the first request with it made (a batch id, a plan id, a booking), kept
 * for a time to live. A key is stored as a hash of the client (its API key, when API
 * keys are in use) and the header, so one client's keys never meet another's and no
 * raw header lands in Redis.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import type { RedisClient } from './connection';
import { NOW_MS } from './redis-time';

/**
 * Replaces (or with an empty ARGV[2], deletes) the value a key names, only if it
 * still names ARGV[1].
 * KEYS[1] the idempotency key; ARGV[1] the value expected, ARGV[2] the new value
 * or '', ARGV[3] time to live (s). Returns 1 when done, 0 otherwise.
 */
const SWAP = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end
return 1
`;

/**
 * The value a key names, when it is ARGV[at] stamped: this very call ran before (a call
 * sent again after its reply was lost), as values name a request's own booking id.
 */
const STAMPED_BY_ME = `
local function stampedBy(value, at)
  return value and string.find(value, '^' .. string.gsub(ARGV[at], '%p', '%%%0') .. ' %d+$') ~= nil
end
`;

/**
 * Binds a key to "<ARGV[1]> <Redis's time in ms>" unless it names something already.
 * KEYS[1] the idempotency key; ARGV[1] the value, ARGV[2] time to live (s).
 * Returns { 1, the value bound } (also when this call ran before: its reply was lost and
 * it was sent again) or { 0, the value it names (false if it just expired) }.
 */
const BIND_STAMPED = `${NOW_MS}${STAMPED_BY_ME}
local value = ARGV[1] .. ' ' .. nowMs()
if redis.call('SET', KEYS[1], value, 'EX', ARGV[2], 'NX') then return { 1, value } end
local now = redis.call('GET', KEYS[1])
if stampedBy(now, 1) then return { 1, now } end
return { 0, now }
`;

/**
 * Rebinds a key from ARGV[1] to "<ARGV[2]> <Redis's time in ms>", only if it still names
 * ARGV[1] (or names ARGV[2] stamped already: this call ran before, its reply lost).
 * KEYS[1] the idempotency key; ARGV[3] time to live (s). Returns the new value, or false.
 */
const REBIND_STAMPED = `${NOW_MS}${STAMPED_BY_ME}
local now = redis.call('GET', KEYS[1])
if now ~= ARGV[1] then return stampedBy(now, 2) and now end
local value = ARGV[2] .. ' ' .. nowMs()
redis.call('SET', KEYS[1], value, 'EX', ARGV[3])
return value
`;

/**
 * Judges a key that still names ARGV[1] stale once its stamp (its last word) is ARGV[2]
 * ms old by Redis's clock, the clock of the key's own node; frees it then when ARGV[3] is
 * '1'. KEYS[1] the idempotency key.
 * Returns 1 when stale (and freed, if asked), 0 when it names something else now, -1
 * when it is not that old yet.
 */
const STALE = `${NOW_MS}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if nowMs() - tonumber(string.match(ARGV[1], '(%d+)$')) < tonumber(ARGV[2]) then return -1 end
if ARGV[3] == '1' then redis.call('DEL', KEYS[1]) end
return 1
`;

/** A stamped value's age, judged by the key: 'stale', 'changed' (the key names another value now) or 'fresh'. */
export type KeyAge = 'stale' | 'changed' | 'fresh';

/** The runs of one kind that a key can name (batches, plans): what a run submitted before is, and whether one is still being submitted. */
export interface IdempotentRuns {
  /** 'batch' or 'plan', for the 409's message. */
  noun: string;
  /** The run's total, once it is submitted; undefined while it is being submitted, or when it is gone. */
  total(id: string): Promise<number | undefined>;
  /** Whether the run exists, being submitted or submitted. */
  exists(id: string): Promise<boolean>;
}

export function idempotencyHash(client: string, key: string): string {
  return createHash('sha256').update(client).update('\n').update(key).digest('hex');
}

/**
 * A request body's hash, for a replayed key to be judged "the same body": of its JSON
 * value, whatever order its objects' keys came in (a client that serialises its retry
 * anew may order them otherwise).
 */
export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const object = value as Record<string, unknown>;
  const fields = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${fields.join(',')}}`;
}

export class IdempotencyKeys {
  constructor(
    private readonly redis: RedisClient,
    /** The Redis key of a hashed Idempotency-Key (src/redis/keys.ts). */
    private readonly keyOf: (hash: string) => string,
    private readonly ttlSeconds: number,
  ) {}

  /** Binds the key to `value` unless it is bound already; returns the value it names now. */
  async bind(hash: string, value: string): Promise<string> {
    const key = this.keyOf(hash);
    if ((await this.redis.set(key, value, 'EX', this.ttlSeconds, 'NX')) === 'OK') return value;
    return (await this.redis.get(key)) ?? (await this.bind(hash, value));
  }

  /**
   * Binds the key to `value` stamped with Redis's time ("<value> <ms>"), unless it names
   * something already; returns what it names now, and whether that is this binding.
   */
  async bindStamped(hash: string, value: string): Promise<{ bound: boolean; value: string }> {
    const [bound, now] = (await this.redis.eval(BIND_STAMPED, 1, this.keyOf(hash), value, this.ttlSeconds)) as [
      number,
      string | null,
    ];
    if (now === null) return this.bindStamped(hash, value);
    return { bound: bound === 1, value: now };
  }

  /** Rebinds the key from `from` to `to` stamped with Redis's time; the new value, or undefined when it no longer names `from`. */
  async rebindStamped(hash: string, from: string, to: string): Promise<string | undefined> {
    const value = await this.redis.eval(REBIND_STAMPED, 1, this.keyOf(hash), from, to, this.ttlSeconds);
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * Whether the key still names `value`, a stamped value `staleMs` old or more by Redis's
   * clock; with `free`, a stale key is freed ('stale' then means freed).
   */
  async ageOf(hash: string, value: string, staleMs: number, free = false): Promise<KeyAge> {
    const age = await this.redis.eval(STALE, 1, this.keyOf(hash), value, staleMs, free ? '1' : '0');
    return age === 1 ? 'stale' : age === 0 ? 'changed' : 'fresh';
  }

  /** What the key names, if anything. */
  async current(hash: string): Promise<string | undefined> {
    return (await this.redis.get(this.keyOf(hash))) ?? undefined;
  }

  /** Rebinds the key from `from` to `to`; false when it no longer names `from`. */
  async rebind(hash: string, from: string, to: string): Promise<boolean> {
    return (await this.redis.eval(SWAP, 1, this.keyOf(hash), from, to, this.ttlSeconds)) === 1;
  }

  /** Deletes the key if it still names `value`. */
  async release(hash: string, value: string): Promise<void> {
    await this.redis.eval(SWAP, 1, this.keyOf(hash), value, '', this.ttlSeconds);
  }

  /**
   * Binds the key to `id`, the run (a batch, a plan) this request is submitting, which
   * exists already (begun before the key is claimed, so that a concurrent request with the
   * same key sees it being submitted). Undefined when the key is now bound to `id`; the run
   * the key named before, with its total, when it was submitted; CONFLICT while that run is
   * still being submitted. A key naming a run whose submission failed and is gone is taken over.
   */
  async claimRun(hash: string, id: string, runs: IdempotentRuns): Promise<{ id: string; total: number } | undefined> {
    const bound = await this.bind(hash, id);
    if (bound === id) return undefined;
    const total = await runs.total(bound);
    if (total !== undefined) return { id: bound, total };
    if (await runs.exists(bound)) {
      throw new AppError(
        'CONFLICT',
        `a ${runs.noun} with this Idempotency-Key is still being submitted; retry when that request has answered`,
        { field: 'idempotency-key' },
      );
    }
    if (await this.rebind(hash, bound, id)) return undefined;
    return this.claimRun(hash, id, runs);
  }
}
