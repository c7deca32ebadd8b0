/** A redis-server of a test's own, on a free port, that the test may stop and start again. */
import { spawn, type ChildProcess } from 'node:child_process';
import { answersPing } from '../../src/redis/embedded';
import { freePort } from './free-port';

export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    /** More redis-server options, e.g. to persist the data across a restart. */
    private readonly extraArgs: readonly string[],
  ) {}

  static async start(extraArgs: readonly string[] = []): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), extraArgs);
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    // A second redis-server on the port would exit at once, while the first kept answering the pings below.
    if (this.child?.exitCode === null && this.child.signalCode === null) {
      throw new Error(`redis-server on port ${this.port} is running already`);
    }
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.extraArgs],
      {
        stdio: 'ignore',
      },
    );
    const deadline = Date.now() + 5000;
    while (!(await answersPing('127.0.0.1', this.port))) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Kills the server (SIGKILL: a crash), or shuts it down (SIGTERM: it writes what it must first). */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
