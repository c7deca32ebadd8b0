/**
 * Tests that need an outside program (Debian's prometheus package: promtool,
 * prometheus). Without it they are skipped, saying why; but never in CI
 * (CI set), where .ci/run installs it: there a missing program fails the test.
 */
import { spawnSync } from 'node:child_process';

export function onPath(binary: string): boolean {
  return spawnSync(binary, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** `describe` when every binary is on the PATH or CI is set; else `describe.skip`, with a line saying why. */
export function describeWith(binaries: readonly string[]): jest.Describe {
  const missing = binaries.filter((binary) => !onPath(binary));
  if (missing.length === 0 || process.env.CI) return describe;
  console.warn(
    `skipped: ${missing.join(', ')} not found (apt-get install prometheus); CI is not set, so this is not a failure`,
  );
  return describe.skip;
}
