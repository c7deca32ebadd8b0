/**
 * The Node versions the service supports: package.json's engines admit the LTS
 * line that .nvmrc names (the image's, and the one .ci/run installs beside the
 * machine's Node) and the Node running this test, and msgpackr's native module
 * loads on it (@swc/core's is loaded by every test file, compiled through
 * @swc/jest). .ci/run runs the suite on both Nodes, so each check holds for each.
 */
import { dirname } from 'node:path';
import { readRepoFile } from './repo';

const { engines } = JSON.parse(readRepoFile('package.json')) as { engines: { node: string } };
/** engines.node as `^major.minor.patch` ranges joined by `||`. */
const ranges = engines.node.split('||').map((range) => {
  const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(range);
  if (!match) throw new Error(`engines.node: expected ^major.minor.patch ranges joined by ||, got '${range}'`);
  return match.slice(1).map(Number);
});

function admitted(version: string): boolean {
  const [major, minor, patch] = version.split('.').map(Number);
  return ranges.some(([m, n, p]) => major === m && (minor > n || (minor === n && patch >= p)));
}

test('engines admit the LTS line of .nvmrc and the Node running the tests', () => {
  const lts = Number(readRepoFile('.nvmrc').trim());
  expect(ranges.map(([major]) => major)).toContain(lts);
  expect(admitted(process.versions.node)).toBe(true);
});

test("msgpackr (BullMQ's job encoding) runs with its native extension on this Node", () => {
  const msgpackr = require(require.resolve('msgpackr', { paths: [dirname(require.resolve('bullmq'))] })) as {
    isNativeAccelerationEnabled: boolean;
  };
  expect(msgpackr.isNativeAccelerationEnabled).toBe(true);
});
