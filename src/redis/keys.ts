/**
 * Every Redis key and channel name this service uses, built in one place.
 * `keys(prefix)` scopes them all: production uses KEY_PREFIX, each test a
 * prefix of its own so that tests never see each other's data.
 *
 * On a Redis Cluster, keys that one script or MULTI touches together must sit
 * in one hash slot: the `{network}` hash tag puts every network key in the same
 * slot (the store's scripts and the closures' MULTI use several at once), and
 * the capacity ledger keeps every key of one UTC date under one tag of its own.
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
        /** Hash chunk index → "<run token> <date>,<date>…": the run that books a chunk (book=true), and the dates it may hold. */
        bookingRuns: `${base}:booking-runs`,
        /** Hash "<chunk>.<i>" → "R <dates>" while the booking is being released, "X" once it is. */
        releasedBookings: `${base}:released`,
      };
    },
    /**
     * Hash batch id → its chunk size: the booked submissions (book=true) being made, until
     * committed or cleaned up, so that one whose submitting process died is released.
     */
    bookedSubmissions: `${prefix}:booked-submissions`,
    /** BullMQ key prefix of the plans queue (POST /v1/plans: one job per plan). */
    planQueuePrefix: `${prefix}:{plans}`,
    /** The keys of one flow plan, under the hash tag {p:<planId>}. */
    plan: (planId: string) => {
      const base = `${prefix}:plan:{p:${planId}}`;
      return {
        /** Hash { state, total, chunks, book, latePenalty, unplannedPenalty, createdAt, completedAt, figures (JSON), error }. */
        status: `${base}:status`,
        /** Hash chunk index → the chunk's parcels as submitted (ChunkEntry JSON), compressed. */
        parcels: `${base}:parcels`,
        /** Hash chunk index → the chunk's result lines, compressed. */
        results: `${base}:results`,
        /** Hash "<chunk>.<i>" → "R <dates>" while a booked parcel is released, then "X" (DELETE /v1/bookings/:id). */
        releasedBookings: `${base}:released`,
      };
    },
    /** String: the batch id an Idempotency-Key (hashed with its client) was given. */
    batchIdempotency: (keyHash: string) => `${prefix}:batch-idem:${keyHash}`,
    /** String: the plan id an Idempotency-Key (hashed with its client) was given. */
    planIdempotency: (keyHash: string) => `${prefix}:plan-idem:${keyHash}`,
    /**
     * The capacity ledger of one UTC date (YYYY-MM-DD): every departure slot and hub-day
     * of the date. The keys share the hash tag {<prefix>:cap:<date>}, so that one Lua
     * script changes them together on a Redis Cluster too, and dates spread over its nodes.
     */
    capacityDate: (date: string) => {
      const base = `${prefix}:{${prefix}:cap:${date}}`;
      return {
        /** Hash: `p:<legId>:<slot>` parcels and `g:<legId>:<slot>` grams per departure slot, `h:<hubId>` parcels per hub, `seq` changes made. */
        load: `${base}:load`,
        /** Hash booking id → "<run token> <grams> <field> <field>…": what the booking holds on this date. */
        holds: `${base}:holds`,
        /** Stream: each change of `load`, as the new values of the fields it changed and its `seq`. */
        log: `${base}:log`,
        /** Hash booking id → its record, for the bookings whose last date this is (see src/capacity/booking-record.ts). */
        records: `${base}:bookings`,
        /** Sorted set booking id → ms since it was marked: bookings being made or released on this date. */
        unsettled: `${base}:unsettled`,
      };
    },
    /** Sorted set date → the unix time its ledger expires: the dates every process watches. */
    capacityDates: `${prefix}:cap:dates`,
    /** String "<bookingId> <body hash> <ms>": the booking an Idempotency-Key (hashed with its client) made. */
    bookingIdempotency: (keyHash: string) => `${prefix}:booking-idem:${keyHash}`,
  };
}

export type Keys = ReturnType<typeof keys>;
