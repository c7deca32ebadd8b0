/**
 * The OpenAPI document at /docs/json, taken from the real app, is one tools can
 * use. Redocly's CLI finds no error in it under its `recommended` rules (the
 * warnings left are listed in NO_4XX, with why). A client generated from it by
 * openapi-typescript, used through openapi-fetch (test/fixtures/openapi-client),
 * type-checks, refuses wrong calls at compile time, and routes a parcel against
 * a listening app: the answer it prints is the one the app gives.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

const ROOT = join(__dirname, '..', '..');
const REDOCLY = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const OPENAPI_TS = join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
const CLIENT = join(ROOT, 'test', 'fixtures', 'openapi-client', 'route-call.ts');
const API_KEY = 'openapi-client-key';
const run = promisify(execFile);

/**
 * Redocly's `operation-4xx-response` warnings left, by design: these calls have no
 * 4xx answer of their own, only 200 (or 503 while Redis or the network is missing).
 */
const NO_4XX = [
  'GET /metrics',
  'GET /health/live',
  'GET /health/ready',
  'GET /v1/network',
  'GET /v1/network/closures',
  'GET /v1/network/document',
  'GET /v1/network/versions',
  'GET /v1/hubs',
];

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parcel-route-openapi-'));
  // The generated client resolves openapi-fetch and @types/node as the project does.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function documentOf(h: Harness): Promise<string> {
  const res = await h.app.inject({ method: 'GET', url: '/docs/json' });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe.each([
  ['set', { API_KEYS: API_KEY }],
  ['unset', {}],
])('the OpenAPI document, API_KEYS %s', (name, env) => {
  it("has no error under Redocly's recommended rules, and no warning but the calls without a 4xx answer", async () => {
    const h = await startApp({ network: tinyNetwork(), env });
    const file = join(dir, `keys-${name}.json`);
    try {
      writeFileSync(file, await documentOf(h));
    } finally {
      await h.close();
    }
    const lint = [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'json', file];
    const quiet = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // Redocly exits 1 when it finds an error; its report is on stdout either way.
    const { stdout } = await run(process.execPath, lint, { cwd: dir, env: quiet }).catch(
      (err: { stdout: string }) => err,
    );
    const { problems } = JSON.parse(stdout) as { problems: Problem[] };
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const warnings = problems.map((problem) => `${problem.ruleId} ${operationAt(problem.location[0].pointer)}`);
    expect(warnings.sort()).toEqual(NO_4XX.map((operation) => `operation-4xx-response ${operation}`).sort());
  });
});

describe('a client generated from the document (openapi-typescript, openapi-fetch)', () => {
  let h: Harness;
  let url: string;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork(), env: { API_KEYS: API_KEY } });
    url = await h.app.listen({ host: '127.0.0.1', port: 0 });
    writeFileSync(join(dir, 'openapi.json'), await documentOf(h));
    await run(process.execPath, [OPENAPI_TS, 'openapi.json', '--output', 'api.ts'], { cwd: dir });
  });
  afterAll(() => h.close());

  it('type-checks, and routes a parcel against the listening app with the answer the app gives', async () => {
    copyFileSync(CLIENT, join(dir, 'route-call.ts'));
    expect(compile(['route-call.ts'], true)).toEqual([]);
    const { stdout } = await run(process.execPath, [join(dir, 'route-call.js'), url, API_KEY]);
    const printed = JSON.parse(stdout) as {
      answer: { route: { cost: number } };
      cost: number;
      meetsDeadline: boolean;
      origin: string;
    };
    const direct = await h.app.inject({
      method: 'POST',
      url: '/v1/routes',
      headers: { 'x-api-key': API_KEY },
      payload: {
        parcelId: 'P-1',
        origin: 'HGH',
        destination: 'SVO',
        weightKg: 1.5,
        readyAt: '2026-11-24T08:00:00Z',
        serviceLevel: 'express',
      },
    });
    expect(direct.statusCode).toBe(200);
    expect(printed.answer).toEqual(direct.json());
    expect(printed).toMatchObject({ cost: printed.answer.route.cost, meetsDeadline: true, origin: 'Hangzhou Gateway' });
  });

  it('refuses, at compile time, a wrong body, a wrong path parameter and an unknown path', () => {
    const wrong = [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from './api';",
      "const client = createClient<paths>({ baseUrl: 'http://127.0.0.1' });",
      "void client.POST('/v1/routes', { body: { origin: 'HGH', destination: 'SVO', weightKg: '1.5' } });",
      "void client.GET('/v1/hubs/{id}', { params: { path: { hub: 'HGH' } } });",
      "void client.POST('/v1/route', { body: {} });",
    ];
    writeFileSync(join(dir, 'wrong-calls.ts'), wrong.join('\n'));
    const lines = compile(['wrong-calls.ts'], false).map((diagnostic) => Number(diagnostic.split(':')[1]));
    expect([...new Set(lines)]).toEqual([4, 5, 6]);
  });
});

/** `#/paths/~1v1~1hubs/get/responses` → `GET /v1/hubs`. */
function operationAt(pointer: string): string {
  const [, , path, method] = pointer.split('/');
  return `${method.toUpperCase()} ${path.replace(/~1/g, '/').replace(/~0/g, '~')}`;
}

/** Type-checks (and with `emit`, compiles to CommonJS beside them) files of the client's folder: `file:line: message` per problem. */
function compile(files: string[], emit: boolean): string[] {
  const program = ts.createProgram(
    files.map((file) => join(dir, file)),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
      noEmit: !emit,
    },
  );
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...(emit ? program.emit().diagnostics : [])];
  return diagnostics.map((diagnostic) => {
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : undefined;
    return `${diagnostic.file?.fileName ?? ''}:${where ? where.line + 1 : 0}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}
