/**
 * GET /metrics on a port of its own (METRICS_PORT), for the processes that
 * have no API to serve it: the batch workers. Anything else answers 404. The
 * network gauges read the process's live network while the server runs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { observeUtilisation, type UtilisationSource } from './capacity-gauges';
import { observeNetwork, type NetworkHolder } from './network-gauges';
import { exposition } from './registry';

export interface MetricsServer {
  /** The port listened on (the one given, or the one picked for 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A worker's metrics server on METRICS_PORT, or, when another process holds that
 * port (a second worker on the same host), on a free port the OS picks: a worker
 * routes without its metrics being scraped, so the clash is worth a warning, not
 * an exit. One line says where GET /metrics is served, either way. The gauges read the
 * worker's network and its view of the loads.
 */
export async function startWorkerMetrics(
  config: Pick<Config, 'metricsPort' | 'host'>,
  live: NetworkHolder,
  utilisation: UtilisationSource,
  logger: Logger,
): Promise<MetricsServer> {
  const { metricsPort, host } = config;
  try {
    const server = await startMetricsServer(metricsPort, host, live, utilisation);
    logger.info({ metricsPort: server.port }, 'serving GET /metrics on http://%s:%d/metrics', host, server.port);
    return server;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    const server = await startMetricsServer(0, host, live, utilisation);
    logger.warn(
      { metricsPort: server.port, portInUse: metricsPort },
      'METRICS_PORT %d is in use on %s (another worker on this host?): serving GET /metrics on http://%s:%d/metrics instead',
      metricsPort,
      host,
      host,
      server.port,
    );
    return server;
  }
}

export async function startMetricsServer(
  port: number,
  host: string,
  live: NetworkHolder,
  utilisation?: UtilisationSource,
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: only GET /metrics is served here\n');
      return;
    }
    exposition().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
      (err: unknown) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${String(err)}\n`),
    );
  });
  await listen(server, port, host);
  const unobserve = [observeNetwork(live), utilisation ? observeUtilisation(utilisation) : () => undefined];
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        unobserve.forEach((undo) => undo());
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
