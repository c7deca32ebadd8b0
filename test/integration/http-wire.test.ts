/**
 * What only a real socket can send: requests Node's HTTP parser refuses (bad
 * framing, bad headers, headers over the limit, a request not received in time)
 * and a client that hangs up in the middle of a streamed batch body. Each gets a
 * catalogue error (or, with nobody left to answer, is counted as the 4xx it is),
 * never a 5xx, and nothing is logged as this service's fault.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { ERRORS } from '../../src/errors';
import { answerClientError } from '../../src/http/client-error';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { bufferLogger } from '../support/buffer-logger';
import { tinyNetwork } from '../support/tiny-network';

interface Answer {
  status: number;
  headers: string;
  body: Record<string, unknown>;
}

/** Sends `raw` and reads until the server closes the connection. */
function exchange(port: number, raw: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(raw));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, body] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      try {
        resolve({ status, headers: head, body: body ? (JSON.parse(body) as Record<string, unknown>) : {} });
      } catch {
        reject(new Error(`not one JSON answer: ${text}`));
      }
    });
  });
}

/** The count of http_request_duration_seconds for one route and status class ('4' or '5'). */
async function calls(h: Harness, route: string, statusClass: string): Promise<number> {
  const text = (await h.app.inject({ method: 'GET', url: '/metrics' })).body;
  const pattern = new RegExp(
    `^http_request_duration_seconds_count\\{method="POST",route="${route}",status_code="${statusClass}\\d\\d"\\} (\\d+)$`,
    'gm',
  );
  return [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe('the HTTP wire', () => {
  const log = bufferLogger('info');
  let h: Harness;
  let port: number;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork(), logger: log.logger });
    port = (await h.app.listen({ host: '127.0.0.1', port: 0 }), (h.app.server.address() as AddressInfo).port);
  });
  afterAll(() => h.close());

  it.each([
    [
      'a bad chunk size',
      'POST /v1/routes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
      /chunk size/,
    ],
    ['a space in a header name', 'GET /health HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n', /header/i],
    [
      'both Content-Length and chunked',
      'POST /v1/routes HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      /content-length/i,
    ],
    ['an unknown method', 'BREW /v1/routes HTTP/1.1\r\nHost: x\r\n\r\n', /method/i],
  ])('%s answers 400 VALIDATION naming what is wrong, and closes', async (_name, raw, reason) => {
    const answer = await exchange(port, raw);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('VALIDATION');
    expect(answer.body.message).toMatch(/^the request is not valid HTTP\/1\.1: /);
    expect(answer.body.message).toMatch(reason);
    expect(answer.headers).toMatch(/\r\nconnection: close/i);
    expect(answer.headers).toMatch(/\r\ncontent-type: application\/json/i);
  });

  it('headers over the limit answer 431 HEADERS_TOO_LARGE', async () => {
    const answer = await exchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.status).toBe(ERRORS.HEADERS_TOO_LARGE.status);
    expect(answer.body).toEqual({ error: 'HEADERS_TOO_LARGE', message: ERRORS.HEADERS_TOO_LARGE.message });
  });

  it('a request not received in time answers 408 REQUEST_TIMEOUT', async () => {
    // Node checks request timeouts every connectionsCheckingInterval (30 s by default, and Fastify does not
    // set it): a bare Node server with the same handler, checking every 50 ms, shows the answer.
    const server: Server = createServer({ requestTimeout: 200, connectionsCheckingInterval: 50 }, (req, res) => {
      req.resume().on('end', () => res.end());
    });
    server.on('clientError', answerClientError);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await exchange(
        (server.address() as AddressInfo).port,
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{',
      );
      expect(answer.status).toBe(408);
      expect(answer.body).toEqual({ error: 'REQUEST_TIMEOUT', message: ERRORS.REQUEST_TIMEOUT.message });
    } finally {
      server.close();
    }
  });

  it('a client hanging up in the middle of an NDJSON batch is counted as a 4xx, not a 5xx, and logs no error', async () => {
    const before = await calls(h, '/v1/batches', '4');
    const line = `${JSON.stringify({ origin: 'HGH', destination: 'SVO', weightKg: 1 })}\n`;
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST /v1/batches HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n${line.repeat(5)}`,
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await waitFor(async () => (await calls(h, '/v1/batches', '4')) > before);
    expect(await calls(h, '/v1/batches', '5')).toBe(0);
    expect(log.lines().filter((entry) => Number(entry.level) >= 50)).toEqual([]);
  });

  it('a call arriving while the server closes answers the catalogue 503 UNAVAILABLE, after the call in flight', async () => {
    const line = `${JSON.stringify({ origin: 'HGH', destination: 'SVO', weightKg: 1 })}\n`;
    const body = line.repeat(3);
    const received: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    socket.on('data', (chunk) => received.push(chunk));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // A batch whose body is still arriving when the server starts to close, and a second call behind it.
    socket.write(
      `POST /v1/batches HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: ${body.length}\r\n\r\n${line}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closed = h.app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(`${line.repeat(2)}GET /v1/hubs HTTP/1.1\r\nHost: x\r\n\r\n`);
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await closed;
    const answers = Buffer.concat(received)
      .toString('utf8')
      .split(/(?=HTTP\/1\.1 )/);
    expect(answers.map((answer) => Number(answer.slice(9, 12)))).toEqual([202, 503]);
    const [head, json] = answers[1]!.split('\r\n\r\n');
    expect(head).toMatch(/\r\nretry-after: 1/i);
    expect(head).toMatch(/\r\nconnection: close/i);
    expect(JSON.parse(json!)).toEqual({ error: 'UNAVAILABLE', message: expect.stringContaining('shutting down') });
  });
});
