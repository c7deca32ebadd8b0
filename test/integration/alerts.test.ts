/**
 * deploy/prometheus through Debian's promtool: the config and the alert rules
 * are valid, and the alerts' unit tests (alerts.test.yml) pass and see every
 * alert both firing and not firing.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describeWith } from '../support/binaries';

const DIR = join(__dirname, '..', '..', 'deploy', 'prometheus');
const promtool = (...args: string[]) => promisify(execFile)('promtool', args, { cwd: DIR });

const read = (file: string) => readFileSync(join(DIR, file), 'utf8');

test('every alert is tested both firing and not firing', () => {
  const alerts = [...read('alerts.yml').matchAll(/^\s+- alert: (\w+)$/gm)].map((match) => match[1]);
  const cases = [...read('alerts.test.yml').matchAll(/alertname: (\w+)\n\s+exp_alerts:( \[\])?/g)];
  expect(alerts.length).toBeGreaterThanOrEqual(6);
  for (const alert of alerts) {
    const firing = cases.some(([, name, none]) => name === alert && !none);
    const quiet = cases.some(([, name, none]) => name === alert && none);
    expect({ alert, firing, quiet }).toEqual({ alert, firing: true, quiet: true });
  }
});

describeWith(['promtool'])('deploy/prometheus', () => {
  it('prometheus.yml is a valid config, with the alert rules', async () => {
    const { stdout } = await promtool('check', 'config', 'prometheus.yml');
    expect(stdout).toContain('SUCCESS: prometheus.yml is valid prometheus config file syntax');
    expect(stdout).toContain('SUCCESS: 1 rule files found');
  });

  it('alerts.yml holds valid rules', async () => {
    const { stdout } = await promtool('check', 'rules', 'alerts.yml');
    expect(stdout).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('the alerts pass their unit tests', async () => {
    const { stdout } = await promtool('test', 'rules', 'alerts.test.yml');
    expect(stdout).toContain('SUCCESS');
  });
});
