/**
 * The Lua scripts that change a batch's status together with its results, so
 * that counters and results can never disagree. Every key of one batch shares
 * the {b:<batchId>} hash tag (src/redis/keys.ts), so they run on Redis Cluster.
 *
 * The status hash: state (submitting | queued | running | completed | failed),
 * total, chunks, recorded (chunks with results), routed, failed (parcels),
 * failedChunks (chunks that failed their last attempt), createdAt, completedAt.
 */

import { RUN_CHAIN_LUA } from '../capacity/run-chain';

/**
 * settle(status, now): the state the counters call for, once the submission is
 * committed: completed (or failed, when a chunk failed its last attempt) when
 * every chunk is recorded, running once one is, else queued. Sets completedAt
 * the first time the batch finishes. Returns { state, 1 when it changed else 0 }.
 */
const SETTLE = `
local function settle(status, now)
  local s = redis.call('HMGET', status, 'state', 'chunks', 'recorded', 'failedChunks')
  local state = s[1]
  if state == 'submitting' then return { state, 0 } end
  local chunks, recorded = tonumber(s[2]), tonumber(s[3])
  local next = 'queued'
  if recorded >= chunks then
    next = tonumber(s[4]) > 0 and 'failed' or 'completed'
    redis.call('HSETNX', status, 'completedAt', now)
  elseif recorded > 0 then
    next = 'running'
  end
  if next == state then return { state, 0 } end
  redis.call('HSET', status, 'state', next)
  return { next, 1 }
end
`;

/**
 * Records one chunk's result lines, replacing whatever that chunk recorded
 * before, and moves the counters by the difference: a retried or duplicated
 * chunk overwrites and never counts twice. The results take the status's
 * remaining time to live, so a batch's keys all expire together (but its chunks'
 * runs, kept for RESULTS_TTL from each claim: CLAIM_BOOKING_RUN).
 *
 * KEYS[1] status hash, KEYS[2] chunk counts hash, KEYS[3] results hash, KEYS[4] booking runs hash
 * ARGV[1] chunk index, ARGV[2] parcels routed, ARGV[3] parcels failed,
 * ARGV[4] 1 when the chunk failed its last attempt (its lines are INTERNAL errors) else 0,
 * ARGV[5] the chunk's result lines (compressed), ARGV[6] now (ISO time),
 * ARGV[7] the run token of a booked chunk ('' when the chunk books nothing)
 * Returns { state, changed } (see settle), or false when the batch is unknown
 * (its submission was abandoned, or it expired), or 'superseded' when a later run
 * of the booked chunk has claimed it (see CLAIM_BOOKING_RUN): then nothing is written.
 */
export const RECORD_CHUNK = `${SETTLE}${RUN_CHAIN_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if ARGV[7] ~= '' and not ownedBy(redis.call('HGET', KEYS[4], ARGV[1]) or '', ARGV[7]) then
  return 'superseded'
end
local chunk, routed, failed, lost = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local before = redis.call('HGET', KEYS[2], chunk)
local r, f, l, fresh = 0, 0, 0, 1
if before then
  local a, b, c = string.match(before, '^(%d+):(%d+):(%d+)$')
  r, f, l, fresh = tonumber(a), tonumber(b), tonumber(c), 0
end
redis.call('HSET', KEYS[2], chunk, routed .. ':' .. failed .. ':' .. lost)
redis.call('HSET', KEYS[3], chunk, ARGV[5])
local ttl = redis.call('PTTL', KEYS[1])
if ttl > 0 then
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[3], ttl)
end
redis.call('HINCRBY', KEYS[1], 'routed', routed - r)
redis.call('HINCRBY', KEYS[1], 'failed', failed - f)
redis.call('HINCRBY', KEYS[1], 'failedChunks', lost - l)
redis.call('HINCRBY', KEYS[1], 'recorded', fresh)
return settle(KEYS[1], ARGV[6])
`;

/** The field of a batch's booking runs hash that says the batch was committed (not a chunk's index). */
export const COMMITTED_FIELD = '#committed';

/**
 * Commits a fully queued submission: the batch becomes visible with its total,
 * in the state its already recorded chunks call for, and all its keys live for
 * the results' time to live from now. A commit sent again (its reply lost) finds the
 * batch committed already, by itself: only its submitter commits it. The booking runs
 * hash is marked committed (field COMMITTED_FIELD), for as long as the runs are kept:
 * their holds are the batch's bookings, released by no sweep once its status expires.
 *
 * KEYS[1] status hash, KEYS[2] chunk counts hash, KEYS[3] results hash, KEYS[4] booking runs hash
 * ARGV[1] total parcels, ARGV[2] chunks, ARGV[3] now (ISO time), ARGV[4] time to live (s)
 * Returns { state, changed } (see settle; changed is against 'queued'), or false
 * when the submission is no longer there to commit (its lease ran out).
 */
export const COMMIT = `${SETTLE}
local state = redis.call('HGET', KEYS[1], 'state')
if not state then return false end
if state ~= 'submitting' then return { state, 0 } end
redis.call('HSET', KEYS[1], 'total', ARGV[1], 'chunks', ARGV[2], 'state', 'queued')
redis.call('HSET', KEYS[4], '${COMMITTED_FIELD}', '1')
for i = 1, 4 do redis.call('EXPIRE', KEYS[i], ARGV[4]) end
return settle(KEYS[1], ARGV[3])
`;

/**
 * Removes a submission's keys while it is still being submitted (or is gone), and a
 * committed batch's only with ARGV[1] = '1': a commit whose reply was lost may have made
 * it visible, and an Idempotency-Key that names it lets its client find it. The booking
 * runs stay, to release what they hold, unmarked as committed.
 * KEYS[1] status hash, KEYS[2] chunk counts hash, KEYS[3] results hash, KEYS[4] booking runs hash.
 * Returns 1 when removed (or gone already), 0 when the batch is committed and stays.
 */
export const DISCARD = `
local state = redis.call('HGET', KEYS[1], 'state')
if state and state ~= 'submitting' and ARGV[1] ~= '1' then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('HDEL', KEYS[4], '${COMMITTED_FIELD}')
return 1
`;

/**
 * Extends a submission's lease, only while it is being submitted (a renewal that
 * arrives after the commit must not cut the batch's time to live).
 *
 * KEYS[1] status hash, then every other key the submission has written (a batch's chunk
 * counts and results; a plan's parcels and results)
 * ARGV[1] the lease (s). Returns 1 when renewed, 0 otherwise.
 */
export const RENEW_LEASE = `
if redis.call('HGET', KEYS[1], 'state') ~= 'submitting' then return 0 end
for i = 1, #KEYS do redis.call('EXPIRE', KEYS[i], ARGV[1]) end
return 1
`;

/**
 * A run of a booked chunk (book=true) claims the chunk: unless its results are recorded
 * already (a recorded booked chunk is final: a retry changes nothing), the run's line
 * goes in front of the runs before it (src/capacity/run-chain.ts), whose holds the new
 * run then releases. The runs are kept for ARGV[3] (RESULTS_TTL) from the claim, longer
 * than a submission's lease: a submission abandoned when Redis was out of reach for
 * longer still finds what its chunks booked, to release it.
 * KEYS[1] status hash, KEYS[2] results hash, KEYS[3] booking runs hash
 * ARGV[1] chunk index, ARGV[2] the new run's token, ARGV[3] time to keep the runs (s)
 * Returns { 'abandoned', the chunk's runs' lines, or '' } when the batch is unknown (its
 * submission was abandoned: what they hold is released), { 'recorded' } when the chunk
 * has results or its batch was committed and has expired (it is over, its holds kept), else { 'claimed', the lines "<token> <date>,<date>…" of the runs before, or '' }.
 */
export const CLAIM_BOOKING_RUN = `${RUN_CHAIN_LUA}
if redis.call('EXISTS', KEYS[1]) == 0 then
  if redis.call('HEXISTS', KEYS[3], '${COMMITTED_FIELD}') == 1 then return { 'recorded' } end
  return { 'abandoned', redis.call('HGET', KEYS[3], ARGV[1]) or '' }
end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return { 'recorded' } end
local entry, before = claim(redis.call('HGET', KEYS[3], ARGV[1]) or '', ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], entry)
redis.call('EXPIRE', KEYS[3], ARGV[3])
return { 'claimed', before }
`;

/**
 * Records the dates a booked chunk's run may hold, before it reserves on them: a run
 * after it releases there. Only while the run still owns the chunk; the lines of the
 * runs before it stay.
 * KEYS[1] booking runs hash; ARGV[1] chunk index, ARGV[2] run token, ARGV[3] "<date>,<date>…"
 * Returns 1 when recorded, 0 when a later run has claimed the chunk.
 */
export const SET_RUN_DATES = `${RUN_CHAIN_LUA}
local run = redis.call('HGET', KEYS[1], ARGV[1]) or ''
if not ownedBy(run, ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], withDates(run, ARGV[2], ARGV[3]))
return 1
`;
