/** The OpenAPI 3 document, built from the route schemas, and its UI at /docs (JSON at /docs/json). */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Parcel routing service',
        version: '1',
        description:
          'Schedule-aware parcel routing through a hub network. All times are UTC, to the minute. ' +
          'Errors are {"error": CODE, "message": "...", ...}.',
      },
      components: {
        securitySchemes: {
          adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'One of API_KEYS, when set' },
        },
      },
      tags: [
        { name: 'routing', description: 'Routing calls' },
        { name: 'network', description: 'The active network, read from memory' },
        { name: 'admin', description: 'Changes to the network (Authorization: Bearer ADMIN_TOKEN)' },
        { name: 'health', description: 'For orchestrators' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
