/**
 * Now, in ms, by Redis's clock, for Lua scripts (`nowMs()`, from TIME): what is judged
 * stale after a time (an unsettled mark, an Idempotency-Key whose request stopped) is
 * timed and judged by one clock, whatever the clocks of the processes that wrote it.
 */
export const NOW_MS = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;
