/**
 * The API in a process: the app with the process logger and timeouts, listening
 * on HOST:PORT. close() stops accepting connections, lets in-flight calls finish
 * (new ones on kept-alive connections get 503), then resolves.
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { NetworkRuntime } from '../network/runtime';
import { buildApp } from './app';

/** Timeouts of the HTTP server, in ms (a whole request's: REQUEST_TIMEOUT_MS). */
const TIMEOUTS = {
  /** Idle kept-alive connections, longer than common load balancers' 60 s. */
  keepAliveTimeout: 72_000,
  /** Headers must arrive within this after the connection opens. */
  connectionTimeout: 30_000,
};

export interface RunningApi {
  readonly url: string;
  close(): Promise<void>;
}

export async function startApi(config: Config, runtime: NetworkRuntime, logger: Logger): Promise<RunningApi> {
  const serverOptions = { ...TIMEOUTS, requestTimeout: config.requestTimeoutMs };
  const app = await buildApp({
    config,
    live: runtime.live,
    redis: runtime.redis,
    capacity: runtime.capacity,
    logger,
    serverOptions,
  });
  const url = await app.listen({ host: config.host, port: config.port });
  logger.info({ url, docs: `${url}/docs` }, 'API listening on %s', url);
  return { url, close: () => app.close() };
}
