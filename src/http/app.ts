/**
 * The Fastify app, built from explicit parts: no autoload, the order of
 * registration is the order read here. Tests build it and call `inject`;
 * src/http/server.ts adds the logger, timeouts and listening.
 */
import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import type { Capacity } from '../capacity/capacity-runtime';
import { utilisationOf } from '../capacity/utilisation';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { LiveNetwork } from '../network/live-network';
import { registerMetrics } from '../metrics/http-metrics';
import { closeRedis, connectRedis, type RedisClient } from '../redis/connection';
import { routingClients } from './auth/routing-clients';
import { answerClientError } from './client-error';
import { refuseWhileClosing } from './closing';
import { refuseEncodedBodies } from './content-encoding';
import { registerDocs } from './docs';
import { handleError, MAX_PARAM_LENGTH } from './error-handler';
import { registerExplorer } from './explorer';
import { shedLoad } from './load-shedding';
import { batchRoutes } from './routes/batches';
import { bookingRoutes } from './routes/bookings';
import { capacityRoutes } from './routes/capacity';
import { closureRoutes } from './routes/closures';
import { healthRoutes } from './routes/health';
import { hubRoutes } from './routes/hubs';
import { legRoutes } from './routes/legs';
import { nearestHubRoutes } from './routes/nearest-hubs';
import { networkRoutes } from './routes/network';
import { networkVersionRoutes } from './routes/network-versions';
import { planRoutes } from './routes/plans';
import { promiseRoutes } from './routes/promises';
import { routeRoutes } from './routes/routes';
import { tourRoutes } from './routes/tours';
import { createServices } from './services';
import { validatorCompiler } from './validator-compiler';
import { ToursPool } from '../tours-pool/tours-pool';

export interface AppDeps {
  config: Config;
  /** The network served from memory; started by the caller. */
  live: LiveNetwork;
  /** A connected request-path client (createRedis(url, 'command')); closed by the caller. */
  redis: RedisClient;
  /** The capacity ledger's parts, started by the caller (their view is the live network's loads). */
  capacity: Capacity;
  /** @defaultValue no logging */
  logger?: FastifyBaseLogger;
  /** The tours pool's worker script. @defaultValue the built one beside the pool */
  toursWorkerFile?: string;
  /** Set by the process bootstrap. */
  serverOptions?: Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'>;
}

export async function buildApp(deps: AppDeps) {
  const { config } = deps;
  const app = Fastify({
    ...deps.serverOptions,
    loggerInstance: deps.logger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    clientErrorHandler: answerClientError,
    // A call arriving while the server closes answers the catalogue's 503 (refuseWhileClosing).
    return503OnClosing: false,
    // Unique across processes and restarts: batch jobs carry it into the workers' logs.
    genReqId: () => randomUUID(),
    // Path parameters this long reach the routes' schemas, which name them and their own limits
    // (Fastify's 100 answered a 101-character booking id with a 414 of its own format).
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // The router's own refusals (a longer parameter, a malformed URL) answer in the catalogue's words.
    frameworkErrors: handleError,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw new AppError('NOT_FOUND', `no such call: ${request.method} ${request.url.split('?')[0]}`);
  });
  // First, so that the document holds every route registered after it (GET /metrics too).
  await registerDocs(app, config);
  registerMetrics(app, deps.live, utilisationOf(deps.capacity.view, deps.live));
  refuseEncodedBodies(app);
  refuseWhileClosing(app);

  const producer = await connectRedis(config, app.log, 'parcel-route:producer');
  app.addHook('onClose', () => closeRedis(producer));
  const services = createServices(config, deps.live, deps.redis, producer, deps.capacity);
  const tours = new ToursPool({
    threads: config.toursThreads,
    queue: config.toursQueue,
    limits: { defaultSeconds: config.toursDefaultSeconds, maxSeconds: config.toursMaxSeconds },
    workerFile: deps.toursWorkerFile,
  });
  app.addHook('onClose', () => tours.close());

  await registerExplorer(app);
  await app.register(healthRoutes, services);
  await app.register(async (api) => {
    shedLoad(api, config.eventLoopLagMs);
    await api.register(async (routing) => {
      // Routing calls (single parcels, batches, tours): an API key when API_KEYS is set, and a per-client rate limit.
      routingClients(routing, { apiKeys: config.apiKeys, perMinute: config.rateLimitPerMinute });
      await routing.register(routeRoutes, services);
      await routing.register(batchRoutes, services);
      await routing.register(promiseRoutes, services);
      await routing.register(tourRoutes, { ...services, tours });
      await routing.register(bookingRoutes, services);
      await routing.register(planRoutes, services);
    });
    await api.register(capacityRoutes, services);
    await api.register(networkRoutes, services);
    await api.register(closureRoutes, services);
    await api.register(hubRoutes, services);
    await api.register(nearestHubRoutes, services);
    await api.register(legRoutes, services);
    await api.register(networkVersionRoutes, services);
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
