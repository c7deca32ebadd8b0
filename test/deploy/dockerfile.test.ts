/**
 * The image, read as text (there is no Docker engine to build it here): two
 * stages on the Node LTS line that .nvmrc names, production dependencies only
 * at run time, a non-root user, a health check, the npm start command — and every package the service imports is a
 * production dependency, so that `npm ci --omit=dev` leaves nothing out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { npmScript, readRepoFile, REPO } from './repo';

const dockerfile = readRepoFile('Dockerfile');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .filter((line) => line.trim() && !line.trim().startsWith('#'));
const stages = splitStages(instructions);
const runtime = stages[stages.length - 1];

test('builds with dev dependencies in one stage and runs with production ones in another', () => {
  expect(stages).toHaveLength(2);
  expect(stages[0].join('\n')).toMatch(/RUN npm ci\b(?!.*--omit=dev)/);
  expect(stages[0].join('\n')).toMatch(/RUN npm run build\b/);
  expect(runtime.join('\n')).toMatch(/RUN npm ci --omit=dev\b/);
  expect(runtime.join('\n')).toMatch(/COPY --from=build \/app\/dist\/src \.\/dist\/src/);
  expect(runtime.join('\n')).toMatch(/COPY data \.\/data/);
  expect(runtime.join('\n')).toMatch(/COPY public \.\/public/);
});

test("both stages run on the Node LTS line that .nvmrc names (the one CI tests beside the machine's)", () => {
  const lts = readRepoFile('.nvmrc').trim();
  expect(lts).toMatch(/^\d+$/);
  expect(stages.map((stage) => stage[0].split(/\s+/)[1])).toEqual([
    expect.stringMatching(new RegExp(`^node:${lts}-`)),
    expect.stringMatching(new RegExp(`^node:${lts}-`)),
  ]);
});

test('runs as a non-root user', () => {
  const user = runtime.filter((line) => line.startsWith('USER ')).pop();
  expect(user).toBeDefined();
  expect(user!.slice(5).trim()).not.toMatch(/^(root|0)(:|$)/);
});

test('checks its health on /health/live of the port it listens on', () => {
  const healthcheck = runtime.find((line) => line.startsWith('HEALTHCHECK '));
  expect(healthcheck).toMatch(/CMD \["node", "-e", ".*process\.env\.PORT.*\/health\/live/);
  expect(runtime.join('\n')).toMatch(/ENV .*\bHOST=0\.0\.0\.0\b/);
});

test('runs what `npm start` runs by default', () => {
  const cmd = runtime.find((line) => line.startsWith('CMD '));
  expect(JSON.parse(cmd!.slice(4)).join(' ')).toBe(npmScript('start'));
});

test('every package the service imports is a production dependency', () => {
  const { dependencies } = JSON.parse(readRepoFile('package.json')) as { dependencies: Record<string, string> };
  const imported = new Set(
    sourceFiles(join(REPO, 'src')).flatMap((file) => importedPackages(readFileSync(file, 'utf8'))),
  );
  const missing = [...imported].filter((name) => !(name in dependencies));
  expect(missing).toEqual([]);
});

function splitStages(lines: string[]): string[][] {
  const result: string[][] = [];
  for (const line of lines) {
    if (line.startsWith('FROM ')) result.push([]);
    result[result.length - 1]?.push(line.trim());
  }
  return result;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Package names of the run-time imports of one file (type-only imports are erased). */
function importedPackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gms),
    ...source.matchAll(/^import '([^']+)'/gm),
    ...source.matchAll(/\b(?:import|require)\('([^']+)'\)/g),
  ].map((match) => match[1]);
  return specifiers
    .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !builtinModules.includes(spec))
    .map((spec) =>
      spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}
