/**
 * The OpenAPI 3.1 document, built from the route schemas, and its UI at /docs
 * (JSON at /docs/json). 3.1, because its Schema Objects are JSON Schema 2020-12,
 * as TypeBox writes them (`exclusiveMinimum` a number, `type: 'null'`). Every
 * operation has an operationId and a `security` of its own: none for public
 * calls, ADMIN_TOKEN for admin calls, and for routing calls an API key in
 * either header while API_KEYS is set, none while it is not.
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

const ADMIN_TOKEN_SCHEME = { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' } as const;
const API_KEY_SCHEMES = {
  apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'One of API_KEYS' },
  apiKeyBearer: { type: 'http', scheme: 'bearer', description: 'One of API_KEYS, as a bearer token' },
} as const;

export async function registerDocs(app: FastifyInstance, config: Pick<Config, 'apiKeys'>): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Parcel routing service',
        version: '1',
        license: { name: 'MIT', identifier: 'MIT' },
        description:
          'Schedule-aware parcel routing through a hub network. All times are UTC, to the minute. ' +
          'Errors are {"error": CODE, "message": "...", ...}.',
      },
      servers: [{ url: '/', description: 'The service that serves this document' }],
      components: {
        securitySchemes: config.apiKeys.length
          ? { adminToken: ADMIN_TOKEN_SCHEME, ...API_KEY_SCHEMES }
          : { adminToken: ADMIN_TOKEN_SCHEME },
      },
      tags: [
        { name: 'routing', description: 'Routing calls' },
        { name: 'batches', description: 'Many parcels routed by the workers' },
        { name: 'plans', description: "A day's parcels planned together against capacity by the workers (an LP)" },
        { name: 'network', description: 'The active network, read from memory' },
        { name: 'admin', description: 'Changes to the network (Authorization: Bearer ADMIN_TOKEN)' },
        { name: 'health', description: 'For orchestrators and Prometheus' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
