/**
 * Now, in ms, by Redis's clock, for Lua scripts (`nowMs()`, from TIME): what is judged
 * stale after a time (an unsettled mark, an Idempotency-Key whose request stopped) is
 * timed and judged by one clock, whatever the clocks of the processes that wrote it.
 */
import type { RedisClient } from './connection';

export const NOW_MS = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;

/** Now, in ms, by Redis's clock, for what compares with times the scripts wrote (TIME). */
export async function redisNowMs(redis: RedisClient): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}
