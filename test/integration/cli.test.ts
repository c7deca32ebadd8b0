/**
 * The ops CLI (`parcel-route`, run as a real process) against a listening app
 * with batch workers: a file in, results out with a progress line; one route
 * printed readably; errors worded as the service words them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parcelMix } from '../../src/synthetic/parcel-mix';
import { demoNetwork, ndjson, startBatchApp, type BatchHarness } from '../support/batch-harness';

const ROOT = join(__dirname, '..', '..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('parcel-route', () => {
  let h: BatchHarness;
  let url: string;
  let dir: string;
  beforeAll(async () => {
    h = await startBatchApp({ workers: true });
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    dir = mkdtempSync(join(tmpdir(), 'parcel-cli-'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(...args: string[]): Promise<Run> {
    const argv = [
      '-r',
      join(ROOT, 'test/support/swc-register.js'),
      join(ROOT, 'src/cli/main.ts'),
      ...args,
      '--url',
      url,
    ];
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, argv, { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const { code, stdout, stderr } = err as Run;
      return { code, stdout, stderr };
    }
  }

  it('batch: submits a file, shows the progress, writes one result line per parcel in order', async () => {
    const parcels = [...parcelMix(await demoNetwork(), 3000, { seed: 11 })];
    const input = join(dir, 'parcels.ndjson');
    const output = join(dir, 'results.ndjson');
    writeFileSync(input, `${ndjson([...parcels, 'not json'])}\n`);

    const run = await cli('batch', input, '--out', output);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^batch [0-9a-f-]+: 3,001 parcels queued$/m);
    expect(run.stderr).toMatch(/\[#{30}\] 100% 3,001\/3,001 parcels · [\d,]+ routed · [\d,]+ failed · [\d,]+\/s/);
    expect(run.stderr).toMatch(/completed: results in .*results\.ndjson/);
    const lines = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { parcelId: string; error?: unknown });
    expect(lines).toHaveLength(3001);
    expect(lines.slice(0, 3000).map((line) => line.parcelId)).toEqual(parcels.map((p) => p.parcelId));
    expect(lines[3000].error).toMatchObject({ code: 'VALIDATION' });
  });

  it('route: prints one route readably', async () => {
    const run = await cli(
      'route',
      'HGH',
      'SVO',
      '--level',
      'express',
      '--weight',
      '2',
      '--ready',
      '2026-11-24T08:00:00Z',
    );
    expect(run.code).toBe(0);
    const [title, depart, deadline, cost, ...legs] = run.stdout.trim().split('\n');
    expect(title).toMatch(/^HGH → SVO · express · network \w+$/);
    expect(depart).toMatch(
      /^ {2}depart 2026-11-2\d \d\d:\d\dZ {3}arrive 2026-11-2\d \d\d:\d\dZ {3}\(\d+ h \d\d min after hand-in\)$/,
    );
    expect(deadline).toMatch(/^ {2}deadline 2026-11-27 08:00Z: (met|missed)/);
    expect(cost).toMatch(/^ {2}cost \d+\.\d\d · CO2 \d+\.\d\d kg · \d+ legs? via HGH( → \S+)* → SVO$/);
    expect(legs.length).toBeGreaterThan(0);
    expect(legs[0]).toMatch(/^ {2}1\. \S+ {2}HGH → \S+ {2}\w+, .+ {2}dep .+ {2}arr .+ {2}cost \d+\.\d\d$/);
  });

  it('tours: sends a request file and prints the tours, the plan in list order and why jobs were left out', async () => {
    const run = await cli('tours', join(ROOT, 'docs/examples/tours-rural.json'));
    expect(run.code).toBe(0);
    const [summary, naive, ...rest] = run.stdout.trim().split('\n');
    expect(summary).toMatch(
      /^\d+ routes? · [\d.]+ km · \d+ h \d\d min driving · [\d.]+ kg CO2 \([\d.]+ kg CO2 with diesel vans\) · \d+ unassigned$/,
    );
    expect(naive).toMatch(/^ {2}in list order instead: [\d.]+ km · /);
    expect(rest.some((line) => /^ {2}vehicle ev-\d \(ev\): [\d.]+ km, .*: \d+( → \d+)*$/.test(line))).toBe(true);
    expect(rest.some((line) => /^ {2}job \d+ unassigned: max_distance \(/.test(line))).toBe(true);
    const json = await cli('tours', join(ROOT, 'docs/examples/tours-rural.json'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ code: 0, summary: { iterations: expect.any(Number) } });
  });

  it('says what went wrong, with the exit code', async () => {
    const unknown = await cli('route', 'HGH', 'XXX');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe("parcel-route: UNKNOWN_HUB: unknown hub 'XXX'\n");
    expect((await cli('route', 'HGH', 'SVO', '--weight', 'heavy')).stderr).toMatch(/--weight must be a number/);
    expect((await cli('fly', 'HGH')).stderr).toMatch(/unknown command 'fly'/);
    const missing = await cli('batch', join(dir, 'nope.ndjson'), '--out', join(dir, 'x'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^parcel-route: cannot read .*nope\.ndjson: ENOENT/);
  });
});
