/**
 * Runs tests one at a time, each in a jest of its own filtered to its full name
 * (`jest <file> -t '^<full name>$'`), and lists those that fail alone: a test that
 * leans on state an earlier test of its file left behind passes in the suite and
 * fails here. Run with `CI=true npm run test:alone`, or `… -- <path patterns>` for
 * some files only, `-- --all` to run every test instead of a sample.
 *
 * Which tests: every test of test/integration and test/deploy, and every test of a
 * unit file with fewer than 30. In a bigger unit file, every hand-written test, and
 * of each generated group (the rows of one it.each, which share a source location)
 * with 30 rows or more: the first row, the last and every 25th.
 * One jest at a time (--runInBand), never in parallel: the tests start servers and
 * browsers of their own, and the machine is shared.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A file with this many tests or more, and a generated group with this many rows or more, is sampled. */
const SAMPLE_FROM = 30;
const EVERY = 25;
/** A jest still running after this long is stopped and its test counted as failed (a hang, or a handle left open). */
const RUN_TIMEOUT_MS = 5 * 60_000;
const JEST = require.resolve('jest/bin/jest');
const ROOT = process.cwd();
/** The statuses of a test that ran (the others are skipped, filtered out or todo). */
const RAN = ['passed', 'failed'];

interface TestResult {
  fullName: string;
  status: string;
  failureMessages: string[];
  location?: { line: number; column: number } | null;
}
interface FileResult {
  name: string;
  message: string;
  assertionResults: TestResult[];
}
interface JestReport {
  testResults: FileResult[];
}
interface Test {
  file: string;
  name: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const stripColours = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

interface JestRun {
  /** Its JSON report; undefined when it wrote none. */
  report?: JestReport;
  code: number | null;
  timedOut: boolean;
  /** The end of what it wrote. */
  output: string;
}

async function jest(args: string[]): Promise<JestRun> {
  const dir = mkdtempSync(join(tmpdir(), 'tests-alone-'));
  const file = join(dir, 'report.json');
  // A process group of its own, so that a timeout stops jest and whatever its tests started.
  const child = spawn(process.execPath, [JEST, '--runInBand', '--json', `--outputFile=${file}`, ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, RUN_TIMEOUT_MS);
  const code = await new Promise<number | null>((done) => child.on('close', done));
  clearTimeout(timer);
  try {
    return { report: JSON.parse(readFileSync(file, 'utf8')) as JestReport, code, timedOut, output };
  } catch {
    return { code, timedOut, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every test of the suite (or of the files `patterns` match), collected but not run: a -t that matches nothing. */
async function listTests(patterns: string[]): Promise<FileResult[]> {
  const { report, output } = await jest(['--testLocationInResults', '-t', '(?!)', ...patterns]);
  if (!report) throw new Error(`listing the tests failed:\n${output}`);
  return report.testResults.sort((a, b) => a.name.localeCompare(b.name));
}

/** The tests of one file to run alone: all of them, or the sample described at the top. */
function choose(file: FileResult, all: boolean): TestResult[] {
  const tests = file.assertionResults;
  if (all || !relative(ROOT, file.name).startsWith('test/unit/') || tests.length < SAMPLE_FROM) return tests;
  const groups = new Map<string, TestResult[]>();
  for (const test of tests) {
    if (!test.location) throw new Error(`no location for ${test.fullName} in ${file.name}`);
    const at = `${test.location.line}:${test.location.column}`;
    groups.set(at, [...(groups.get(at) ?? []), test]);
  }
  return [...groups.values()].flatMap((rows) =>
    rows.length < SAMPLE_FROM ? rows : rows.filter((_, i) => i === 0 || i === rows.length - 1 || (i + 1) % EVERY === 0),
  );
}

/** Why the test fails alone, or '' when it passes. */
async function failureAlone({ file, name }: Test): Promise<string> {
  const run = await jest([`^${escapeRegExp(file)}$`, '-t', `^${escapeRegExp(name)}$`]);
  if (run.timedOut) return `stopped after ${RUN_TIMEOUT_MS / 1000} s (a hang, or a handle left open):\n${run.output}`;
  if (!run.report) return `jest wrote no report:\n${run.output}`;
  const ran = run.report.testResults.flatMap((f) => f.assertionResults).filter((t) => RAN.includes(t.status));
  const errors = [
    ...ran.flatMap((t) => t.failureMessages),
    ...run.report.testResults.map((f) => f.message).filter(Boolean),
  ];
  if (errors.length > 0) return errors.join('\n');
  if (ran.length === 0) return 'no test ran: the -t filter matched none, or the test was skipped';
  return run.code === 0 ? '' : `jest exited with ${run.code}:\n${run.output}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const files = await listTests(args.filter((arg) => arg !== '--all'));
  const listed = files.reduce((n, f) => n + f.assertionResults.length, 0);
  const tests = files.flatMap((f) => choose(f, all).map((t) => ({ file: f.name, name: t.fullName })));
  console.log(`${listed} tests in ${files.length} files; running ${tests.length} of them alone, one jest at a time`);
  const failed: Array<Test & { why: string }> = [];
  for (const [i, test] of tests.entries()) {
    const started = Date.now();
    const why = await failureAlone(test);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `[${i + 1}/${tests.length}] ${why ? 'FAIL' : 'ok  '} ${seconds}s ${relative(ROOT, test.file)} › ${test.name}`,
    );
    if (why) failed.push({ ...test, why });
  }
  console.log(`\n${tests.length} tests run alone: ${tests.length - failed.length} passed, ${failed.length} failed`);
  for (const { file, name, why } of failed) {
    const excerpt = stripColours(why).split('\n').slice(0, 20).join('\n    ');
    console.log(`\nFAIL ${relative(ROOT, file)} › ${name}\n    ${excerpt}`);
  }
  process.exitCode = failed.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
