import type { ChildProcess } from 'node:child_process';

/** SIGTERM to a child process, resolved once it has exited (at once if it already has, by code or by signal). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
