/**
 * The first-run default: with REDIS_URL unset and nothing answering on
 * 127.0.0.1:6379, start a local redis-server (when one is installed) with its
 * data under the project's .redis/ directory, and say so in one line.
 * Otherwise fail with one line naming the ways out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Config } from '../config';
import { stopChild } from '../stop-child';

export interface EmbeddedRedisOptions {
  /** Where REDIS_URL's default points. @defaultValue '127.0.0.1' */
  host?: string;
  /** @defaultValue 6379 */
  port?: number;
  /** The server binary, looked up on PATH. @defaultValue 'redis-server' */
  binary?: string;
}
/** Longest wait for the started server to answer PING. */
const START_TIMEOUT_MS = 5000;

export class RedisMissingError extends Error {
  override readonly name = 'RedisMissingError';
}

export interface EmbeddedRedis {
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Returns the server it started, or undefined when none was needed.
 * Throws RedisMissingError when Redis is needed and cannot be started.
 */
export async function ensureRedis(
  config: Pick<Config, 'redisUrlIsDefault'>,
  projectDir: string,
  notice: (line: string) => void,
  options: EmbeddedRedisOptions = {},
): Promise<EmbeddedRedis | undefined> {
  const { host = '127.0.0.1', port = 6379, binary = 'redis-server' } = options;
  if (!config.redisUrlIsDefault || (await answersPing(host, port))) return undefined;
  const dataDir = join(projectDir, '.redis');
  mkdirSync(dataDir, { recursive: true });
  // AOF, fsynced every second: an acknowledged booking survives a restart, and a crash loses at most the last second or so.
  const child = spawn(
    binary,
    ['--bind', host, '--port', String(port), '--dir', dataDir, '--appendonly', 'yes', '--appendfsync', 'everysec'],
    {
      stdio: 'ignore',
    },
  );
  const started = await Promise.race([
    new Promise<false>((resolve) => child.once('error', () => resolve(false))),
    waitForPing(child, host, port),
  ]);
  if (!started) {
    child.kill();
    throw new RedisMissingError(
      `no Redis answers on ${host}:${port} and ${binary} could not be started: ` +
        'install Redis (e.g. apt install redis-server, brew install redis), run `docker compose up`, or set REDIS_URL',
    );
  }
  notice(
    `no Redis on ${host}:${port}: started redis-server (pid ${child.pid}) with its data in ${dataDir}; set REDIS_URL to use another`,
  );
  return { pid: child.pid, stop: () => stopChild(child) };
}

async function waitForPing(child: ChildProcess, host: string, port: number): Promise<boolean> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && child.exitCode === null) {
    if (await answersPing(host, port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/** True when a Redis server at host:port answers PING within half a second. */
export function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean): void => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
