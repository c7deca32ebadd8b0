/**
 * The Lua scripts of a booked plan's runs (book=true). The plan's status hash keeps
 * `bookingRun`: a line "<token> <date>,<date>…" for the run that books the plan and the
 * dates it may hold, then the lines of the runs before it (src/capacity/run-chain.ts).
 * A later run (a retry, or a stalled worker's successor) claims the plan and releases
 * what the runs before it held. From then on they can neither reserve (setDates answers
 * 0) nor complete the plan, so every parcel is booked once.
 */

import { RUN_CHAIN_LUA } from '../capacity/run-chain';

/**
 * KEYS[1] the plan's status hash. ARGV[1] the new run's token.
 * Returns { 'completed' } when the plan is completed already, { 'gone' } when it is
 * unknown, else { 'claimed', <the lines of the runs before, or ''> }.
 */
export const CLAIM_PLAN_RUN = `${RUN_CHAIN_LUA}
local s = redis.call('HMGET', KEYS[1], 'state', 'bookingRun')
if not s[1] then return { 'gone' } end
if s[1] == 'completed' then return { 'completed' } end
local entry, before = claim(s[2] or '', ARGV[1])
redis.call('HSET', KEYS[1], 'bookingRun', entry)
return { 'claimed', before }
`;

/**
 * KEYS[1] the plan's status hash, KEYS[2] its parcels. ARGV[1] total, ARGV[2] chunks,
 * ARGV[3] the results' time to live (s). Makes a submission visible as queued, its keys
 * living that long from now; returns 0 (and writes nothing) when its lease ran out.
 */
export const COMMIT_PLAN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'state', 'queued', 'total', ARGV[1], 'chunks', ARGV[2])
for i = 1, 2 do redis.call('EXPIRE', KEYS[i], ARGV[3]) end
return 1
`;

/**
 * KEYS[1] the plan's status hash. ARGV[1] the run's token, ARGV[2] the dates it may hold
 * ("a,b,…"). Records them (the lines of the runs before stay) and returns 1 while the
 * run owns the plan, else 0.
 */
export const SET_PLAN_RUN_DATES = `${RUN_CHAIN_LUA}
local run = redis.call('HGET', KEYS[1], 'bookingRun') or ''
if not ownedBy(run, ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'bookingRun', withDates(run, ARGV[1], ARGV[2]))
return 1
`;

/**
 * KEYS[1] the plan's status hash, KEYS[2] its parcels. ARGV[1] the run's token ('' for a
 * plan that books nothing), ARGV[2] completedAt, ARGV[3] the figures (JSON).
 * Completes the plan and drops its parcels; returns 0 (and changes nothing) when a
 * later run owns a booked plan.
 */
export const COMPLETE_PLAN = `${RUN_CHAIN_LUA}
if ARGV[1] ~= '' and not ownedBy(redis.call('HGET', KEYS[1], 'bookingRun') or '', ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'state', 'completed', 'completedAt', ARGV[2], 'figures', ARGV[3])
redis.call('DEL', KEYS[2])
return 1
`;

/**
 * KEYS[1] the plan's status hash, KEYS[2] its results. ARGV[1] the run's token ('' for a
 * plan that books nothing), ARGV[2] the chunk index, ARGV[3] its result lines (compressed),
 * ARGV[4] the results' time to live (s). Stores them; returns 0 (and changes nothing) when
 * a later run owns a booked plan: its lines would name bookings the ledger does not hold.
 */
export const WRITE_PLAN_RESULTS = `${RUN_CHAIN_LUA}
if ARGV[1] ~= '' and not ownedBy(redis.call('HGET', KEYS[1], 'bookingRun') or '', ARGV[1]) then return 0 end
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[4])
return 1
`;

/**
 * KEYS[1] the plan's status hash, KEYS[2] its results. ARGV[1] completedAt, ARGV[2] the
 * error. Marks the plan failed and, for a booked plan, drops the results a run wrote
 * before it failed (their bookings are given back); returns 0 (and changes nothing) when
 * a run completed it meanwhile.
 */
export const FAIL_PLAN = `
if redis.call('HGET', KEYS[1], 'state') == 'completed' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'failed', 'completedAt', ARGV[1], 'error', ARGV[2])
if redis.call('HGET', KEYS[1], 'book') == '1' then redis.call('DEL', KEYS[2]) end
return 1
`;
