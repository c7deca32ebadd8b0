/**
 * The logs, through the process logger (src/logger.ts) into a buffer: JSON
 * lines; no line per routing call at the default level; the authorization
 * header and API keys never written, even when a whole request is logged; a
 * batch's request id carried into its workers' lines. And on stdout, in a
 * process of its own: readable lines on a terminal (a pseudo-terminal from
 * util-linux's `script`), JSON lines through a pipe.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startBatchWorkers } from '../../src/batch/worker-pool';
import { buildApp } from '../../src/http/app';
import { ADMIN_TOKEN, startApp, type Harness } from '../support/app-harness';
import { finished } from '../support/batch-harness';
import { bufferLogger } from '../support/buffer-logger';
import { tinyNetwork } from '../support/tiny-network';

const API_KEY = 'test-api-key-9f2c';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PARCEL = { origin: 'HGH', destination: 'SVO', weightKg: 1.5, readyAt: '2026-11-24T08:00:00Z' };

/** A terminal colour sequence: ESC [ … m. */
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

describe('the logs', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('hold no line per routing call at the default level', async () => {
    const log = bufferLogger('info');
    h = await startApp({ network: tinyNetwork(), logger: log.logger, env: { API_KEYS: API_KEY } });
    const headers = { 'x-api-key': API_KEY };
    for (let i = 0; i < 20; i++) {
      expect(
        (await h.app.inject({ method: 'POST', url: '/v1/routes', payload: { ...PARCEL, weightKg: 1 + i }, headers }))
          .statusCode,
      ).toBe(200);
    }
    expect(
      (await h.app.inject({ method: 'POST', url: '/v1/routes', payload: { ...PARCEL, origin: 'NOPE' }, headers }))
        .statusCode,
    ).toBe(422);
    expect((await h.app.inject({ method: 'GET', url: '/v1/hubs/HGH' })).statusCode).toBe(200);
    expect(log.lines()).toEqual([]);
  });

  it('never hold the admin token or an API key, even with a whole request logged', async () => {
    const log = bufferLogger('trace');
    h = await startApp({ network: tinyNetwork(), env: { API_KEYS: API_KEY } });
    const app = await buildApp({
      config: h.config,
      live: h.live,
      redis: h.redis,
      capacity: h.capacity,
      logger: log.logger,
    });
    app.get('/log-me', (request, reply) => {
      request.log.info({ req: request, headers: request.headers }, 'a whole request');
      reply.send({ ok: true });
    });
    await app.ready();
    try {
      const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
      expect(
        (await app.inject({ method: 'GET', url: '/log-me', headers: { ...admin, 'x-api-key': API_KEY } })).statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ method: 'PUT', url: '/v1/network', payload: tinyNetwork('logged'), headers: admin }))
          .statusCode,
      ).toBe(200);
      expect(
        (await app.inject({ method: 'PUT', url: '/v1/network', payload: { hubs: 'x' }, headers: admin })).statusCode,
      ).toBe(400);
      expect(
        (
          await app.inject({
            method: 'POST',
            url: '/v1/routes',
            payload: PARCEL,
            headers: { authorization: `Bearer ${API_KEY}` },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await app.close();
    }
    const logged = log.lines().find((line) => line.msg === 'a whole request');
    expect(logged).toMatchObject({ headers: { authorization: '[redacted]', 'x-api-key': '[redacted]' } });
    expect(logged?.reqId).toMatch(UUID);
    const all = log.text.join('');
    expect(all).not.toContain(ADMIN_TOKEN);
    expect(all).not.toContain(API_KEY);
  });

  it("carry a batch's request id from the API's line into its workers' lines", async () => {
    const api = bufferLogger('info');
    const worker = bufferLogger('debug');
    h = await startApp({ network: tinyNetwork(), logger: api.logger, env: { BATCH_CHUNK_SIZE: '10' } });
    const workers = startBatchWorkers(h.config, h, worker.logger);
    try {
      const parcels = Array.from({ length: 25 }, (_, i) => ({ ...PARCEL, parcelId: `P-${i + 1}`, weightKg: 1 + i }));
      const res = await h.app.inject({ method: 'POST', url: '/v1/batches', payload: { parcels } });
      expect(res.statusCode).toBe(202);
      const { batchId } = res.json<{ batchId: string }>();
      expect((await finished(h, batchId)).state).toBe('completed');

      const accepted = api.lines().filter((line) => line.msg === 'batch accepted');
      expect(accepted).toEqual([
        expect.objectContaining({ level: 30, batchId, total: 25, reqId: expect.stringMatching(UUID) }),
      ]);
      const chunks = worker.lines().filter((line) => line.msg === 'chunk routed');
      expect(chunks).toHaveLength(3);
      for (const line of chunks) expect(line).toMatchObject({ level: 20, batchId, requestId: accepted[0].reqId });
      expect(JSON.stringify(worker.lines())).not.toContain('P-1');
    } finally {
      await workers.close();
    }
  });
});

describe('the logs on stdout', () => {
  const root = join(__dirname, '..', '..');
  const program =
    'require("./src/logger").createLogger({ logLevel: "info" })' +
    '.info({ answer: 42, headers: { authorization: "Bearer s3cret" } }, "hello")';
  const node = [process.execPath, '-r', './test/support/swc-register.js', '-e'];
  const run = promisify(execFile);

  it('are readable lines on a terminal, credentials still redacted', async () => {
    const { stdout } = await run('script', ['-qec', `${node.join(' ')} '${program}'`, '/dev/null'], { cwd: root });
    const text = stdout.replace(ANSI_COLOUR, '').replace(/\r/g, '');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(\d+\): hello\n {4}answer: 42\n/);
    expect(text).toContain('"authorization": "[redacted]"');
    expect(text).not.toContain('s3cret');
  });

  it('are JSON lines through a pipe', async () => {
    const { stdout } = await run(node[0], [...node.slice(1), program], { cwd: root });
    expect(
      stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    ).toEqual([
      expect.objectContaining({ level: 30, msg: 'hello', answer: 42, headers: { authorization: '[redacted]' } }),
    ]);
  });
});
