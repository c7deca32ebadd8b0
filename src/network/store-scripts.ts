/**
 * Lua scripts of the network store. Each runs atomically, so a version is never
 * active without its document, and the announcement goes out with the change.
 * Versions falling off the history are deleted by key names built from a prefix
 * passed in ARGV; on a Redis Cluster they share the declared keys' hash slot
 * (src/redis/keys.ts), so the script may touch them.
 */

/**
 * Stores a version, makes it active, trims the history, announces the change.
 * KEYS[1] networkVersion(id)   KEYS[2] activeNetwork   KEYS[3] networkHistory
 * KEYS[4] networkActivations
 * ARGV[1] version id           ARGV[2] document JSON   ARGV[3] activatedAt (ISO)
 * ARGV[4] versions kept        ARGV[5] networkVersionPrefix
 * ARGV[6] networkChanges channel
 * ARGV[7] '1' = only when no version is active (first-run seeding), else '0'
 * Returns 1 when activated, 0 when skipped because a version was already active.
 */
export const ACTIVATE = `
if ARGV[7] == '1' and redis.call('EXISTS', KEYS[2]) == 1 then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('LREM', KEYS[3], 0, ARGV[1])
redis.call('LPUSH', KEYS[3], ARGV[1])
local kept = tonumber(ARGV[4])
for _, dropped in ipairs(redis.call('LRANGE', KEYS[3], kept, -1)) do
  redis.call('DEL', ARGV[5] .. dropped)
  redis.call('HDEL', KEYS[4], dropped)
end
redis.call('LTRIM', KEYS[3], 0, kept - 1)
redis.call('HSET', KEYS[2], 'version', ARGV[1], 'activatedAt', ARGV[3])
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
redis.call('PUBLISH', ARGV[6], 'network')
return 1
`;

/**
 * Drops the active version and re-activates the one before it.
 * KEYS[1] networkHistory   KEYS[2] activeNetwork   KEYS[3] networkActivations
 * ARGV[1] activatedAt (ISO)   ARGV[2] networkVersionPrefix   ARGV[3] networkChanges channel
 * Returns the re-activated version id, or false when there is no previous version.
 */
export const ROLLBACK = `
if redis.call('LLEN', KEYS[1]) < 2 then return false end
local dropped = redis.call('LPOP', KEYS[1])
redis.call('DEL', ARGV[2] .. dropped)
redis.call('HDEL', KEYS[3], dropped)
local previous = redis.call('LINDEX', KEYS[1], 0)
redis.call('HSET', KEYS[2], 'version', previous, 'activatedAt', ARGV[1])
redis.call('HSET', KEYS[3], previous, ARGV[1])
redis.call('PUBLISH', ARGV[3], 'network')
return previous
`;
