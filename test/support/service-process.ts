/**
 * A real service process (src/worker-main.ts as `npm run start:worker` runs it,
 * src/main.ts as `npm start` does) that a test can kill or stop, as an
 * orchestrator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export class ServiceProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  private signalledAt = 0;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - this.signalledAt }));
    });
  }

  /**
   * Runs `entry` (a path from the project root) with the given environment
   * (REDIS_URL, KEY_PREFIX, …); METRICS_PORT is 0 unless given.
   */
  static start(entry: 'src/worker-main.ts' | 'src/main.ts', env: Record<string, string>): ServiceProcess {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, entry)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', METRICS_PORT: '0', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    return new ServiceProcess(child);
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
