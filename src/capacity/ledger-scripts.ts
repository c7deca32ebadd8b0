/**
 * The Lua scripts of the capacity ledger: the only code that changes what is booked.
 * Each runs on the keys of one UTC date (keys.capacityDate: one hash tag, so one slot
 * on a Redis Cluster) and is atomic there: a booking takes every departure slot and
 * hub-day it needs on the date, or nothing.
 *
 * Fields of the load hash: `p:<legId>:<slot>` (parcels) and `g:<legId>:<slot>` (grams)
 * of a departure slot, `h:<hubId>` (parcels leaving the hub that day), and `seq`, the
 * number of changes made. A booking's hold on a date is "<run token> <grams> <field>…",
 * naming its p: and h: fields. Every change is appended to the date's log stream as
 * the new values of the fields it changed, with its seq, so that each process's view
 * can follow the date without reading it whole (see loads-view.ts).
 */

/**
 * Writes changed fields back (a field at 0 is deleted), appends them to the log in
 * entries of at most 1,000 fields, each with the next seq, and renews the keys' expiry.
 * Returns the last seq.
 * KEYS[1] load, KEYS[2] holds, KEYS[3] log, KEYS[4] records, KEYS[5] unsettled;
 * `expireAt` (unix s) and `keep` (log entries kept, about) come from ARGV.
 */
const PUBLISH = `
local function publish(names, values, expireAt, keep)
  local seq = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
  local entry = {}
  local function flush()
    if #entry == 0 then return end
    seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
    redis.call('XADD', KEYS[3], 'MAXLEN', '~', keep, '*', 'seq', seq, unpack(entry))
    entry = {}
  end
  for _, n in ipairs(names) do
    local v = values[n]
    if v == 0 then redis.call('HDEL', KEYS[1], n) else redis.call('HSET', KEYS[1], n, v) end
    entry[#entry + 1] = n
    entry[#entry + 1] = v
    if #entry >= 2000 then flush() end
  end
  flush()
  if #names > 0 then
    for k = 1, 5 do redis.call('EXPIREAT', KEYS[k], expireAt) end
  end
  return seq
end
`;

/**
 * Books parcels on one date, each all or nothing, in the order given: a booking is
 * refused when one of its fields has no room for one more parcel (or for its grams),
 * counting the bookings before it in the same call. A booking id already held by the
 * same run token answers "held" and changes nothing; held by another run, "full".
 *
 * KEYS: load, holds, log, records, unsettled (of the date)
 * ARGV[1] expireAt (unix s), ARGV[2] log entries kept, ARGV[3] now (ms), ARGV[4] F,
 * then F triples: field (`p:…` or `h:…`), capacity in parcels, capacity in grams (-1 = none);
 * then per booking six: id, run token, grams, its fields' numbers (1-based, space-separated),
 * its record ('' = none on this date), '1' to mark it unsettled here (a booking of several dates).
 * Returns { outcomes (one of b booked, h held, f full per booking), seq, then for each
 * field its parcels and grams after the call }.
 */
export const RESERVE = `${PUBLISH}
local F = tonumber(ARGV[4])
local names, cap, capg, value = {}, {}, {}, {}
local function read(n)
  if value[n] == nil then value[n] = tonumber(redis.call('HGET', KEYS[1], n) or '0') end
  return value[n]
end
for f = 1, F do
  local a = 4 + (f - 1) * 3
  local n = ARGV[a + 1]
  names[f], cap[f], capg[f] = n, tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
  read(n)
  if string.byte(n, 1) == 112 then read('g' .. string.sub(n, 2)) end
end
local outcomes, dirty, seen = {}, {}, {}
local function touch(n, delta)
  value[n] = value[n] + delta
  if not seen[n] then seen[n] = true; dirty[#dirty + 1] = n end
end
local i = 5 + 3 * F
while i <= #ARGV do
  local id, token, g, list, record, marker = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), ARGV[i + 3], ARGV[i + 4], ARGV[i + 5]
  i = i + 6
  local held = redis.call('HGET', KEYS[2], id)
  if held then
    outcomes[#outcomes + 1] = (string.match(held, '^(%S+)') == token) and 'h' or 'f'
  else
    local fields, room = {}, true
    for f in string.gmatch(list, '%d+') do
      f = tonumber(f)
      fields[#fields + 1] = f
      local n = names[f]
      if cap[f] >= 0 and value[n] + 1 > cap[f] then room = false end
      if capg[f] >= 0 and value['g' .. string.sub(n, 2)] + g > capg[f] then room = false end
    end
    if room then
      local hold = { token, g }
      for _, f in ipairs(fields) do
        local n = names[f]
        touch(n, 1)
        if string.byte(n, 1) == 112 then touch('g' .. string.sub(n, 2), g) end
        hold[#hold + 1] = n
      end
      redis.call('HSET', KEYS[2], id, table.concat(hold, ' '))
      if record ~= '' then redis.call('HSET', KEYS[4], id, record) end
      if marker == '1' then redis.call('ZADD', KEYS[5], ARGV[3], id) end
      outcomes[#outcomes + 1] = 'b'
    else
      outcomes[#outcomes + 1] = 'f'
    end
  end
end
local seq = publish(dirty, value, ARGV[1], ARGV[2])
local reply = { table.concat(outcomes), seq }
for f = 1, F do
  local n = names[f]
  reply[#reply + 1] = value[n]
  reply[#reply + 1] = string.byte(n, 1) == 112 and value['g' .. string.sub(n, 2)] or 0
end
return reply
`;

/**
 * Releases bookings on one date: what each holds is given back, its hold and its
 * unsettled mark go. Idempotent: an id not held here (or held by another run than
 * the token given) answers "n" and changes no counter.
 *
 * KEYS: load, holds, log, records, unsettled (of the date)
 * ARGV[1] expireAt (unix s), ARGV[2] log entries kept, ARGV[3] run token ('' = any run),
 * ARGV[4] what becomes of a record here: 'drop' deletes a pending one (a booking never
 * answered), 'released' marks it released, '' leaves it; ARGV[5…] booking ids.
 * Returns { outcomes (r released, n not held), seq, then field, value pairs of the
 * fields changed }.
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
for i = 5, #ARGV do
  local id = ARGV[i]
  local held = redis.call('HGET', KEYS[2], id)
  local token, g, fields
  if held then token, g, fields = string.match(held, '^(%S+) (%d+) ?(.*)$') end
  if held and (ARGV[3] == '' or token == ARGV[3]) then
    g = tonumber(g)
    for n in string.gmatch(fields, '%S+') do
      touch(n, -1)
      if string.byte(n, 1) == 112 then touch('g' .. string.sub(n, 2), -g) end
    end
    redis.call('HDEL', KEYS[2], id)
    outcomes[#outcomes + 1] = 'r'
  else
    outcomes[#outcomes + 1] = 'n'
  end
  redis.call('ZREM', KEYS[5], id)
  local record = redis.call('HGET', KEYS[4], id)
  if record and ARGV[4] == 'drop' and string.sub(record, 1, 1) == 'P' then
    redis.call('HDEL', KEYS[4], id)
  elseif record and ARGV[4] == 'released' then
    redis.call('HSET', KEYS[4], id, 'X' .. string.sub(record, 2))
  end
end
local seq = publish(dirty, value, ARGV[1], ARGV[2])
local reply = { table.concat(outcomes), seq }
for _, n in ipairs(dirty) do
  reply[#reply + 1] = n
  reply[#reply + 1] = value[n]
end
return reply
`;

/**
 * Settles bookings of several dates once every date has booked them: their unsettled
 * marks on this date go, and a pending record here becomes confirmed.
 * KEYS[1] records, KEYS[2] unsettled (of the date); ARGV booking ids.
 * Returns one character per id: c (its record here is confirmed now, or was), x (its
 * record here is neither pending nor confirmed: a resolver released it), - (no record here).
 */
export const SETTLE = `
local out = {}
for i = 1, #ARGV do
  local id = ARGV[i]
  redis.call('ZREM', KEYS[2], id)
  local record = redis.call('HGET', KEYS[1], id)
  local state = record and string.sub(record, 1, 1)
  if state == 'P' then
    redis.call('HSET', KEYS[1], id, 'C' .. string.sub(record, 2))
    out[i] = 'c'
  elseif state == 'C' then out[i] = 'c'
  elseif state then out[i] = 'x'
  else out[i] = '-' end
end
return table.concat(out)
`;

/**
 * Moves a record from one state to another (its first character), marking the booking
 * unsettled on this date (ARGV[4] = '1') or not.
 * KEYS[1] records, KEYS[2] unsettled; ARGV[1] id, ARGV[2] states it may be in (e.g. 'C'),
 * ARGV[3] the new state, ARGV[4] '1' to mark it unsettled, ARGV[5] now (ms).
 * Returns the record as it was, or false when there is none; it changed only when its
 * state was one of ARGV[2].
 */
export const MOVE_RECORD = `
local record = redis.call('HGET', KEYS[1], ARGV[1])
if not record then return false end
if string.find(ARGV[2], string.sub(record, 1, 1), 1, true) then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3] .. string.sub(record, 2))
  if ARGV[4] == '1' then redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1]) end
end
return record
`;

/**
 * Claims an unsettled mark for resolving: only when it was last touched before ARGV[2]
 * (ms), so that a booking being made or released is left to the process doing it, and
 * two resolvers never take the same mark at once. The claim touches it again.
 * KEYS[1] unsettled; ARGV[1] booking id, ARGV[2] touched before (ms), ARGV[3] now (ms).
 * Returns 1 when claimed, 0 otherwise.
 */
export const CLAIM = `
local touched = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not touched or tonumber(touched) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
`;
