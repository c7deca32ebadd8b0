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

  /** @param clients the clients a cleanup uses: it is run again when any of them is ready again. */
  constructor(
    private readonly clients: readonly RedisClient[],
    private readonly logger: WarningLog,
  ) {
    for (const client of clients) client.on('ready', this.onReady);
  }

  /** Runs `cleanup` now; if it fails, again each time a client is back, until it succeeds. */
  async clean(cleanup: Cleanup): Promise<void> {
    try {
      await cleanup();
    } catch (err) {
      this.logger.warn({ err }, 'cannot clean up an abandoned batch yet; retrying when Redis is back');
      this.pending.add(cleanup);
    }
  }

  stop(): void {
    for (const client of this.clients) client.off('ready', this.onReady);
  }

  private async retry(): Promise<void> {
    for (const cleanup of [...this.pending]) {
      this.pending.delete(cleanup);
      await this.clean(cleanup);
    }
  }
}
