/**
 * Calls that need Redis fail fast with 503 UNAVAILABLE when it cannot answer:
 * not connected, connection lost mid-call, or a command timed out. Errors that
 * Redis itself replied with (a bug, not an outage) pass through unchanged.
 */
import { ReplyError } from 'ioredis';
import { AppError } from '../errors';
import type { RedisClient } from './connection';

export async function needRedis<T>(redis: RedisClient, call: () => Promise<T>): Promise<T> {
  if (redis.status !== 'ready') throw redisUnavailable();
  try {
    return await call();
  } catch (err) {
    if (err instanceof ReplyError || err instanceof AppError) throw err;
    throw redisUnavailable();
  }
}

function redisUnavailable(): AppError {
  return new AppError('UNAVAILABLE', 'Redis is unreachable; try again shortly');
}
