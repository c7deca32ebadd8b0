/**
 * Every Redis key and channel name this service uses, built in one place.
 * `keys(prefix)` scopes them all: production uses KEY_PREFIX, each test a
 * prefix of its own so that tests never see each other's data.
 *
 * On a Redis Cluster, keys that one script or MULTI touches together must sit
 * in one hash slot: the `{network}` hash tag puts every network key in the same
 * slot (the store's scripts and the closures' MULTI use several at once).
 */
export function keys(prefix: string) {
  const network = `${prefix}:{network}`;
  return {
    /** String: the JSON document of one immutable network version. */
    networkVersion: (version: string) => `${network}:version:${version}`,
    /** What networkVersion(id) starts with, for Lua scripts that drop old versions. */
    networkVersionPrefix: `${network}:version:`,
    /** Hash { version, activatedAt }: the version every process serves. */
    activeNetwork: `${network}:active`,
    /** List of version ids, the active one first; the rest are rollback targets. */
    networkHistory: `${network}:history`,
    /** Hash version id → ISO time it last became active, for the versions in networkHistory. */
    networkActivations: `${network}:activations`,
    /** Hash closure id → closure JSON. */
    closures: `${network}:closures`,
    /** Counter bumped on every closure change. */
    closuresRevision: `${network}:closures:revision`,
    /** Pub/sub channel announcing a change of active version or of closures. */
    networkChanges: `${network}:changes`,
    /**
     * BullMQ key prefix of chunk-queue shard n. A hash tag of its own per shard, so
     * that a Redis Cluster spreads the shards over its nodes.
     */
    chunkQueuePrefix: (shard: number) => `${prefix}:{q${shard}}`,
    /**
     * The keys of one batch. They share the hash tag {b:<batchId>}, so that one Lua
     * script can update them together on a Redis Cluster too.
     */
    batch: (batchId: string) => {
      const base = `${prefix}:batch:{b:${batchId}}`;
      return {
        /** Hash { state, total, chunks, recorded, routed, failed, failedChunks, createdAt, completedAt }. */
        status: `${base}:status`,
        /** Hash chunk index → "routed:failed:lost" as last recorded for that chunk. */
        chunkCounts: `${base}:counts`,
        /** Hash chunk index → the chunk's result lines, compressed. */
        results: `${base}:results`,
      };
    },
    /** String: the batch id an Idempotency-Key (hashed with its client) was given. */
    batchIdempotency: (keyHash: string) => `${prefix}:batch-idem:${keyHash}`,
  };
}

export type Keys = ReturnType<typeof keys>;
