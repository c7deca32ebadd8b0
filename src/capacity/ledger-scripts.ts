/**
 * The Lua scripts of the capacity ledger: the only code that changes what is booked.
 * Each runs on the keys of one UTC date (keys.capacityDate: one hash tag, so one slot
 * on a Redis Cluster) and is atomic there: a booking takes every departure slot and
 * hub-day it needs on the date, or nothing.
 *
 * Fields of the load hash: `p:<legId>:<slot>` (parcels) and `g:<legId>:<slot>` (grams)
 * of a departure slot, `h:<hubId>` (parcels leaving the hub that day), and `seq`, the
 * number of changes made. A booking's hold on a date is "<run token> <grams> <field>…",
 * naming its p: and h: fields (a batch chunk's parcels hold together: see RESERVE).
 * Every change is appended to the date's log stream as the new values of the fields it
 * changed ("<field> <value> <field> <value>…" in one entry field `c`, one string to read
 * rather than two a field), with its `seq`, so that each process's view can follow the
 * date without reading it whole (see loads-view.ts).
 */

import { NOW_MS } from '../redis/redis-time';

/**
 * Reads fields of the load hash into `value` (0 when absent), in HMGETs of 500.
 * Writes changed fields back in bulk (a field at 0 is deleted), appends them to the log
 * in entries of at most 1,000 fields, each with the next seq, and renews the keys'
 * expiry (whether or not a field changed); returns the last seq and each changed
 * field's value as text. (A number turned into text costs Redis's Lua about 0.3 µs,
 * more than anything else here: each changed value is turned once, for the hash, the
 * log and the reply.)
 * KEYS[1] load, KEYS[2] holds, KEYS[3] log, KEYS[4] records, KEYS[5] unsettled;
 * `expireAt` (unix s) and `keep` (log entries kept, about) come from ARGV.
 */
const PUBLISH = `
local function slices(list, size, call)
  for i = 1, #list, size do call(unpack(list, i, math.min(i + size - 1, #list))) end
end
local function load(names, value)
  slices(names, 500, function(...)
    local got = redis.call('HMGET', KEYS[1], ...)
    local asked = { ... }
    for j = 1, #asked do value[asked[j]] = tonumber(got[j] or '0') end
  end)
end
local function publish(names, values, expireAt, keep)
  local text = {}
  local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
  local sets, dels, entry = {}, {}, {}
  for _, n in ipairs(names) do
    local v = values[n]
    local t = tostring(v)
    text[n] = t
    if v == 0 then dels[#dels + 1] = n else sets[#sets + 1] = n; sets[#sets + 1] = t end
  end
  slices(sets, 1000, function(...) redis.call('HSET', KEYS[1], ...) end)
  slices(dels, 500, function(...) redis.call('HDEL', KEYS[1], ...) end)
  for i = 1, #names, 1000 do
    for j = i, math.min(i + 999, #names) do
      entry[#entry + 1] = names[j]
      entry[#entry + 1] = text[names[j]]
    end
    seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', keep, '*', 'seq', seq, 'c', table.concat(entry, ' '))
    entry = {}
  end
  -- Also when no counter changed: a booking of no leg still writes its hold and its record.
  for k = 1, 5 do redis.call('EXPIREAT', KEYS[k], expireAt) end
  return seq, text
end
`;

/**
 * Books parcels on one date, each all or nothing, in the order given: a booking is
 * refused when one of its fields has no room for one more parcel (or for its grams),
 * counting the bookings before it in the same call. A booking already held by the same
 * run answers "held" and changes nothing; held by another run, "full".
 *
 * A booking made one at a time holds under its own id. The parcels of a batch chunk
 * hold together, under the chunk's key (`<batchId>.<chunk>`): "<run token>", a line
 * "\n#<field> <field>…" naming the fields, then a line "\n<i> <grams> <field>…" a parcel,
 * each field by its number in the names line or by its name. When everything a chunk
 * asks of a date fits (the usual case), the call checks and adds each field's total once
 * and writes the parcels' lines as they came: a chunk's cost does not grow with its
 * parcels. Else the parcels are taken one by one.
 *
 * KEYS: load, holds, log, records, unsettled (of the date)
 * ARGV[1] expireAt (unix s), ARGV[2] log entries kept, ARGV[3] the run token of every
 * booking of the call, ARGV[4] the chunk's key ('' for bookings made one at a time);
 * ARGV[5] the fields, "<field> <capacity in parcels> <capacity in grams> <parcels asked>
 * <grams asked> …" (`p:…` or `h:…`; -1 = no capacity; asked = the sum over the bookings);
 * ARGV[6] the bookings: made one at a time, "<id>:<grams>:<field numbers, 1-based,
 * comma-separated>:<extra> …", extra being what else is written with it: 'm' its
 * unsettled mark, 'r<k>' its record, ARGV[6 + k] (kept on this date), both ('mr<k>') or
 * neither (''); of a chunk, "\n<i> <grams> <field number>…" a parcel, i its place in the chunk.
 * (Long strings rather than an argument a value: fewer arguments cost both ends less.)
 * Returns { outcomes (one of b booked, h held, f full per booking, and x given up: its
 * record is here already, but not its hold, because a resolver gave it up), seq, and for
 * each field its parcels and grams after the call, as one string "<parcels> <grams> …" }.
 */
export const RESERVE = `${PUBLISH}${NOW_MS}
local token, chunk = ARGV[3], ARGV[4]
local prefix = token .. ' '
local names, gnames, cap, capg, wantp, wantg, value, asked = {}, {}, {}, {}, {}, {}, {}, {}
local F = 0
for n, c, cg, wp, wg in string.gmatch(ARGV[5], '(%S+) (%-?%d+) (%-?%d+) (%d+) (%d+)') do
  F = F + 1
  names[F], cap[F], capg[F], wantp[F], wantg[F] = n, tonumber(c), tonumber(cg), tonumber(wp), tonumber(wg)
  asked[#asked + 1] = n
  if string.byte(n, 1) == 112 then
    gnames[F] = 'g' .. string.sub(n, 2)
    asked[#asked + 1] = gnames[F]
  end
end
load(asked, value)
local outcomes, dirty, seen = {}, {}, {}
local function touch(n, delta)
  value[n] = value[n] + delta
  if not seen[n] then seen[n] = true; dirty[#dirty + 1] = n end
end
local function reply()
  local seq, text = publish(dirty, value, ARGV[1], ARGV[2])
  local after = {}
  for f = 1, F do
    after[#after + 1] = text[names[f]] or value[names[f]]
    after[#after + 1] = gnames[f] and (text[gnames[f]] or value[gnames[f]]) or '0'
  end
  return { table.concat(outcomes), seq, table.concat(after, ' ') }
end
-- A chunk's hold as it is: held by this run (its parcels' places), or by another.
local entry, heldHere, otherRun = nil, {}, false
if chunk ~= '' then
  local held = redis.call('HGET', KEYS[2], chunk)
  if held and string.sub(held .. '\\n', 1, #token + 1) ~= token .. '\\n' then otherRun = true
  elseif held then
    entry = { held }
    for i in string.gmatch(held, '\\n(%d+) ') do heldHere[i] = true end
  end
  if not held then
    local fits = true
    for f = 1, F do
      if cap[f] >= 0 and value[names[f]] + wantp[f] > cap[f] then fits = false end
      if capg[f] >= 0 and value[gnames[f]] + wantg[f] > capg[f] then fits = false end
    end
    if fits then
      for f = 1, F do
        touch(names[f], wantp[f])
        if gnames[f] then touch(gnames[f], wantg[f]) end
      end
      local _, parcels = string.gsub(ARGV[6], '\\n', '')
      outcomes[1] = string.rep('b', parcels)
      redis.call('HSET', KEYS[2], chunk, token .. '\\n#' .. table.concat(names, ' ') .. ARGV[6])
      return reply()
    end
    entry = { token }
  end
end
local function heldBy(id)
  local held = redis.call('HGET', KEYS[2], id)
  if not held then return nil end
  return (string.sub(held, 1, #prefix) == prefix) and 'h' or 'f'
end
-- One by one: "<id>:<grams>:<fields>:<extra>" (made one at a time), "\\n<i> <grams> <fields>" (of a chunk).
-- The time of this call's marks: read once, on the first.
local markedAt
local pattern = chunk ~= '' and '\\n(%d+) (%d+) ?([^\\n]*)' or '([^:%s]+):(%d+):([%d,]*):(%w*)'
for id, g, list, extra in string.gmatch(ARGV[6], pattern) do
  g = tonumber(g)
  local fields, room = {}, true
  for f in string.gmatch(list, '%d+') do
    f = tonumber(f)
    fields[#fields + 1] = f
    if cap[f] >= 0 and value[names[f]] + 1 > cap[f] then room = false end
    if capg[f] >= 0 and value[gnames[f]] + g > capg[f] then room = false end
  end
  local outcome = 'f'
  if chunk ~= '' then
    if heldHere[id] then outcome = 'h' elseif room and not otherRun then outcome = 'b' end
    if outcome == 'b' then
      local line = { '\\n' .. id, g }
      for _, f in ipairs(fields) do line[#line + 1] = names[f] end
      entry[#entry + 1] = table.concat(line, ' ')
      heldHere[id] = true
    end
  elseif room then
    local hold = { token, g }
    for _, f in ipairs(fields) do hold[#hold + 1] = names[f] end
    -- Held already (a replay, or another run): HSETNX writes nothing, and it is told below.
    if redis.call('HSETNX', KEYS[2], id, table.concat(hold, ' ')) == 1 then
      outcome = 'b'
      local k = string.match(extra, 'r(%d+)')
      if k then
        -- The record: its state line under the id, the answer beside it (scripts change only the state).
        local record = ARGV[6 + tonumber(k)]
        local nl = string.find(record, '\\n', 1, true)
        -- A record here already, with no hold: a resolver gave the booking up before this call came.
        if redis.call('HSETNX', KEYS[4], id, string.sub(record, 1, nl - 1)) == 0 then
          redis.call('HDEL', KEYS[2], id)
          outcome = 'x'
        else
          redis.call('HSET', KEYS[4], id .. ':a', string.sub(record, nl + 1))
        end
      end
      if outcome == 'b' and string.byte(extra, 1) == 109 then
        markedAt = markedAt or nowMs()
        redis.call('ZADD', KEYS[5], markedAt, id)
      end
    end
  end
  if outcome == 'b' then
    for _, f in ipairs(fields) do
      touch(names[f], 1)
      if gnames[f] then touch(gnames[f], g) end
    end
  elseif outcome == 'f' and chunk == '' then
    outcome = heldBy(id) or 'f'
  end
  outcomes[#outcomes + 1] = outcome
end
if entry and #entry > 1 then redis.call('HSET', KEYS[2], chunk, table.concat(entry)) end
return reply()
`;

/**
 * Releases bookings on one date: what each holds is given back, its hold and (when no
 * run token is given) its unsettled mark go. Idempotent: an id not held here (or held by
 * another run than the token given) answers "n" and changes no counter. A run's own
 * release leaves marks alone: a run parcel is marked only while DELETE releases it, and
 * that mark is the DELETE's (or its resolver's) to take off. A batch parcel's id
 * (`<batchId>.<chunk>.<i>`) is looked for in its chunk's hold, which is written back
 * once, without the parcels released.
 *
 * KEYS: load, holds, log, records, unsettled (of the date)
 * ARGV[1] expireAt (unix s), ARGV[2] log entries kept, ARGV[3] run token ('' = any run),
 * ARGV[4] what becomes of a record here (its state line under the id, its answer under
 * '<id>:a'): 'drop' deletes a confirmed one, as a booking never answered (confirmed by the
 * call that reserved its last date, before its process failed or stopped), 'released' marks
 * it released, '' leaves it; ARGV[5…] booking ids.
 * Returns { outcomes (r released, n not held), seq, and the fields changed with their
 * values, as one string "<field> <value> …" }.
 */
export const RELEASE = `${PUBLISH}
local value = {}
local function read(n)
  if value[n] == nil then value[n] = tonumber(redis.call('HGET', KEYS[1], n) or '0') end
  return value[n]
end
local outcomes, dirty, seen = {}, {}, {}
local function touch(n, delta)
  value[n] = read(n) + delta
  if not seen[n] then seen[n] = true; dirty[#dirty + 1] = n end
end
-- Gives back a parcel's fields, each by its name or by its number in \`named\`.
local function give(g, fields, named)
  for n in string.gmatch(fields, '%S+') do
    if string.find(n, '^%d+$') then n = named[tonumber(n)] end
    touch(n, -1)
    if string.byte(n, 1) == 112 then touch('g' .. string.sub(n, 2), -g) end
  end
end
local chunks, order = {}, {}
for i = 5, #ARGV do
  local id = ARGV[i]
  outcomes[i - 4] = 'n'
  local key, place = string.match(id, '^(.+)%.(%d+)$')
  if key then
    if not chunks[key] then chunks[key] = {}; order[#order + 1] = key end
    chunks[key][place] = i - 4
  else
    local held = redis.call('HGET', KEYS[2], id)
    local token, g, fields
    if held then token, g, fields = string.match(held, '^(%S+) (%d+) ?(.*)$') end
    if held and (ARGV[3] == '' or token == ARGV[3]) then
      give(tonumber(g), fields, {})
      redis.call('HDEL', KEYS[2], id)
      outcomes[i - 4] = 'r'
    end
    local record = redis.call('HGET', KEYS[4], id)
    local state = record and string.sub(record, 1, 1)
    if ARGV[4] == 'drop' and state == 'C' then
      redis.call('HDEL', KEYS[4], id, id .. ':a', id .. ':m')
    elseif record and ARGV[4] == 'released' then
      redis.call('HSET', KEYS[4], id, 'X' .. string.sub(record, 2))
    end
  end
  if ARGV[3] == '' then redis.call('ZREM', KEYS[5], id) end
end
for _, key in ipairs(order) do
  local held = redis.call('HGET', KEYS[2], key)
  local token = held and string.match(held, '^([^\\n]*)')
  if held and (ARGV[3] == '' or token == ARGV[3]) then
    local head, named, parcels, wanted = { token }, {}, 0, chunks[key]
    for line in string.gmatch(held, '\\n([^\\n]+)') do
      if string.byte(line, 1) == 35 then
        head[#head + 1] = line
        for n in string.gmatch(line, '[^#%s]+') do named[#named + 1] = n end
      else
        local place, g, list = string.match(line, '^(%d+) (%d+) ?(.*)$')
        if wanted[place] then
          give(tonumber(g), list, named)
          outcomes[wanted[place]] = 'r'
        else
          head[#head + 1] = line
          parcels = parcels + 1
        end
      end
    end
    if parcels == 0 then redis.call('HDEL', KEYS[2], key) else redis.call('HSET', KEYS[2], key, table.concat(head, '\\n')) end
  end
end
local seq, text = publish(dirty, value, ARGV[1], ARGV[2])
local changes = {}
for _, n in ipairs(dirty) do
  changes[#changes + 1] = n
  changes[#changes + 1] = text[n]
end
return { table.concat(outcomes), seq, table.concat(changes, ' ') }
`;

/**
 * Takes the unsettled marks of bookings off this date: those of a booking of several
 * dates once its last date has confirmed it (see booking-service.ts), or a mark a
 * resolver found on a confirmed booking. KEYS[1] unsettled (of the date); ARGV booking ids.
 */
export const UNMARK = `redis.call('ZREM', KEYS[1], unpack(ARGV))`;

/**
 * Moves a record from one state to another (its first character), marking the booking
 * unsettled on this date (ARGV[4] = '1') or not, and noting who moved it (ARGV[5], under
 * '<id>:m'): the same call sent again after its reply was lost (the client resends what
 * a dropped connection left unanswered) finds its own move, and answers as the first did.
 * With ARGV[6], a booking with no record here gets ARGV[6] as its record's state line
 * (the hash then expires at ARGV[7], unix s): a resolver's tombstone, which the same
 * call sent again finds as its own, answering as the first did (no record).
 * KEYS[1] records, KEYS[2] unsettled; ARGV[1] id, ARGV[2] states it may be in (e.g. 'C'),
 * ARGV[3] the new state, ARGV[4] '1' to mark it unsettled (at Redis's time), ARGV[5] the
 * mover's nonce.
 * Returns the record as it was (before this mover's move), or false when there is none;
 * it changed only when its state was one of ARGV[2].
 */
export const MOVE_RECORD = `${NOW_MS}
local record = redis.call('HGET', KEYS[1], ARGV[1])
local mover = ARGV[1] .. ':m'
if not record then
  if ARGV[6] then
    redis.call('HSET', KEYS[1], ARGV[1], ARGV[6], mover, ARGV[5])
    redis.call('EXPIREAT', KEYS[1], ARGV[7])
  end
  return false
end
if string.sub(record, 1, 1) == ARGV[3] and redis.call('HGET', KEYS[1], mover) == ARGV[5] then
  if record == ARGV[6] then return false end
  return string.sub(ARGV[2], 1, 1) .. string.sub(record, 2)
end
if string.find(ARGV[2], string.sub(record, 1, 1), 1, true) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3] .. string.sub(record, 2), mover, ARGV[5])
  if ARGV[4] == '1' then redis.call('ZADD', KEYS[2], nowMs(), ARGV[1]) end
end
return record
`;

/**
 * Claims an unsettled mark for resolving: only when it was last touched ARGV[2] ms ago
 * or more, by Redis's clock, so that a booking being made or released is left to the
 * process doing it, and two resolvers never take the same mark at once. The claim
 * touches it again.
 * KEYS[1] unsettled; ARGV[1] booking id, ARGV[2] the age (ms) that makes a mark stale.
 * Returns 1 when claimed, 0 otherwise.
 */
export const CLAIM = `${NOW_MS}
local touched = redis.call('ZSCORE', KEYS[1], ARGV[1])
local now = nowMs()
if not touched or tonumber(touched) > now - tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[1])
return 1
`;

/**
 * Marks a booking unsettled on this date, at Redis's time (before a change that spans
 * several dates). KEYS[1] unsettled; ARGV[1] booking id.
 */
export const MARK = `${NOW_MS}
redis.call('ZADD', KEYS[1], nowMs(), ARGV[1])
`;
