/**
 * Running one service process: configuration, logger, Redis (embedded on a
 * fresh machine), the live network, then the parts a given entry point starts
 * (the API, the workers). SIGTERM or SIGINT closes the parts in reverse order,
 * then the network and Redis; past SHUTDOWN_TIMEOUT_MS the process exits anyway.
 */
import type { Logger } from 'pino';
import { ConfigError, loadConfig, packageRoot, type Config } from './config';
import { createLogger } from './logger';
import { startNetworkRuntime, type NetworkRuntime } from './network/runtime';
import { ensureRedis, RedisMissingError } from './redis/embedded';

export interface ProcessContext {
  config: Config;
  logger: Logger;
  runtime: NetworkRuntime;
}

/** Something started that must be closed on shutdown. */
export interface Closable {
  close(): Promise<void>;
}

export function runProcess(start: (context: ProcessContext) => Promise<Closable[]>): void {
  run(start).catch((err: unknown) => {
    console.error(startFailure(err));
    process.exit(1);
  });
}

/** What a start that failed prints: one line for what the operator can put right, else the error and its stack. */
function startFailure(err: unknown): unknown {
  if (err instanceof ConfigError || err instanceof RedisMissingError) return err.message;
  const { code, address, port } = err as NodeJS.ErrnoException & { address?: string; port?: number };
  // Only the API listens on a port it must have: a worker's metrics server takes another one.
  if (code === 'EADDRINUSE')
    return `PORT ${port} is in use on ${address}: stop what holds it, or set PORT to a free port`;
  return err;
}

async function run(start: (context: ProcessContext) => Promise<Closable[]>): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const embedded = await ensureRedis(config, packageRoot(), (line) => logger.info(line));
  const runtime = await startNetworkRuntime(config, logger);
  const parts = await start({ config, logger, runtime });

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took longer than %d ms; exiting', config.shutdownTimeoutMs);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    for (const part of [...parts].reverse()) await part.close();
    await runtime.close();
    await embedded?.stop();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
