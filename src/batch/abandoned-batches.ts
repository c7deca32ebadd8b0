/**
 * Cleaning up after submissions that did not complete (Redis lost, the client
 * gone, too many parcels, a bad body): the batch's keys, its queued chunks and
 * its Idempotency-Key go. When Redis cannot be reached, the cleanup is kept and
 * run again as soon as the client is ready; meanwhile the batch stays invisible
 * and its lease expires it anyway.
 */
import type { RedisClient } from '../redis/connection';

export type Cleanup = () => Promise<void>;

/** Where a failed cleanup is reported: pino's or Fastify's logger. */
export interface WarningLog {
  warn(details: object, message: string): void;
}

export class AbandonedBatches {
  private readonly pending = new Set<Cleanup>();
  private readonly onReady = (): void => void this.retry();

  constructor(
    private readonly redis: RedisClient,
    private readonly logger: WarningLog,
  ) {
    redis.on('ready', this.onReady);
  }

  /** Runs `cleanup` now; if it fails, again each time Redis is back, until it succeeds. */
  async clean(cleanup: Cleanup): Promise<void> {
    try {
      await cleanup();
    } catch (err) {
      this.logger.warn({ err }, 'cannot clean up an abandoned batch yet; retrying when Redis is back');
      this.pending.add(cleanup);
    }
  }

  stop(): void {
    this.redis.off('ready', this.onReady);
  }

  private async retry(): Promise<void> {
    for (const cleanup of [...this.pending]) {
      this.pending.delete(cleanup);
      await this.clean(cleanup);
    }
  }
}
