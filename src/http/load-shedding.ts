/**
 * Load shedding: while the event loop lags past a threshold, calls in the scope
 * answer 503 UNAVAILABLE (with Retry-After) at once instead of queueing behind
 * work this process cannot finish in time. The lag is how late a timer armed
 * every SAMPLE_MS fires; the last measurement holds until the next one.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

const SAMPLE_MS = 100;

class EventLoopLag {
  /** How late the last sample fired, in ms. */
  lagMs = 0;
  private timer: NodeJS.Timeout;

  constructor() {
    this.timer = this.arm();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private arm(): NodeJS.Timeout {
    const due = performance.now() + SAMPLE_MS;
    const timer = setTimeout(() => {
      this.lagMs = Math.max(0, performance.now() - due);
      this.timer = this.arm();
    }, SAMPLE_MS);
    timer.unref();
    return timer;
  }
}

/** Sheds the calls of `scope` while the lag is over `thresholdMs` (0 = never, and nothing is measured). */
export function shedLoad(scope: FastifyInstance, thresholdMs: number): void {
  if (thresholdMs <= 0) return;
  const lag = new EventLoopLag();
  scope.addHook('onClose', async () => lag.stop());
  scope.addHook('onRequest', (_request, _reply, done) => {
    if (lag.lagMs <= thresholdMs) return done();
    done(new AppError('UNAVAILABLE', `overloaded: the event loop lags ${Math.round(lag.lagMs)} ms; try again shortly`));
  });
}
