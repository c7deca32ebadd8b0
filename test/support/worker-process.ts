/**
 * A real worker process (src/worker-main.ts, as `npm run start:worker` runs it)
 * that a test can kill or stop, as an orchestrator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export class WorkerProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  private signalledAt = 0;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - this.signalledAt }));
    });
  }

  /** Starts a worker with the given environment (REDIS_URL, KEY_PREFIX, …); METRICS_PORT is 0 unless given. */
  static start(env: Record<string, string>): WorkerProcess {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'src/worker-main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return new WorkerProcess(child);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends `signal`; exited then tells how long the process took to go. */
  kill(signal: NodeJS.Signals): void {
    this.signalledAt = Date.now();
    this.child.kill(signal);
  }

  /** Kills it unless it has exited already (for afterAll). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.kill('SIGKILL');
    await this.exited;
  }
}
