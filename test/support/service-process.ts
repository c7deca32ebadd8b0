/**
 * A real service process (src/worker-main.ts as `npm run start:worker` runs it,
 * src/main.ts as `npm start` does, src/api-main.ts as `npm run start:api`) that
 * a test can kill or stop, as an orchestrator would, and whose output it may read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export class ServiceProcess {
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
  /** What it wrote, when started with `capture` (else its output goes to the test's). */
  stdout = '';
  stderr = '';
  private signalledAt = 0;

  private constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - this.signalledAt }));
    });
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (this.stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
  }

  /**
   * Runs `entry` (a path from the project root) with the given environment
   * (REDIS_URL, KEY_PREFIX, …); METRICS_PORT is 0 unless given.
   */
  static start(
    entry: 'src/worker-main.ts' | 'src/main.ts' | 'src/api-main.ts',
    env: Record<string, string>,
    output: 'inherit' | 'capture' = 'inherit',
  ): ServiceProcess {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'test/support/swc-register.js'), join(ROOT, entry)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', METRICS_PORT: '0', ...env },
      stdio: output === 'capture' ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    });
    return new ServiceProcess(child);
  }

  /** The JSON log lines it wrote to stdout (with `capture`). */
  logLines(): Record<string, unknown>[] {
    return this.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
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
