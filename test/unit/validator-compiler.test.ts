import Fastify from 'fastify';
import { Type } from 'typebox';
import { handleError } from '../../src/http/error-handler';
import { validatorCompiler } from '../../src/http/validator-compiler';

/** A route with a header schema, a query schema and a body schema, compiled as the app compiles them. */
async function app() {
  const server = Fastify();
  server.setValidatorCompiler(validatorCompiler);
  server.setErrorHandler(handleError);
  server.post(
    '/t',
    {
      schema: {
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 8 })) }),
        querystring: Type.Object({ n: Type.Optional(Type.Integer({ minimum: 1 })) }),
        body: Type.Object({ a: Type.String() }),
      },
    },
    (request) => ({
      sameHeaders: request.headers === request.raw.headers,
      key: request.headers['idempotency-key'] ?? null,
      n: (request.query as { n?: number }).n ?? null,
    }),
  );
  await server.ready();
  return server;
}

describe('the app’s schema compiler', () => {
  it('checks headers as they came and leaves request.headers as Node gave them', async () => {
    const server = await app();
    try {
      const ok = await server.inject({
        method: 'POST',
        url: '/t',
        headers: { 'idempotency-key': 'k1' },
        payload: { a: 'x' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ sameHeaders: true, key: 'k1', n: null });
    } finally {
      await server.close();
    }
  });

  it('refuses a header that breaks its schema with a 400 naming it', async () => {
    const server = await app();
    try {
      for (const key of ['', 'k'.repeat(9)]) {
        const bad = await server.inject({
          method: 'POST',
          url: '/t',
          headers: { 'idempotency-key': key },
          payload: { a: 'x' },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error).toBe('VALIDATION');
        expect(bad.json().message).toContain('idempotency-key');
      }
    } finally {
      await server.close();
    }
  });

  it('still converts the query string, and checks the body as before', async () => {
    const server = await app();
    try {
      const ok = await server.inject({ method: 'POST', url: '/t?n=3', payload: { a: 'x' } });
      expect(ok.json()).toEqual({ sameHeaders: true, key: null, n: 3 });
      const badQuery = await server.inject({ method: 'POST', url: '/t?n=0', payload: { a: 'x' } });
      expect(badQuery.statusCode).toBe(400);
      expect(badQuery.json().message).toContain('n');
      const badBody = await server.inject({ method: 'POST', url: '/t', payload: { a: 1 } });
      expect(badBody.statusCode).toBe(400);
      expect(badBody.json().message).toContain('a');
    } finally {
      await server.close();
    }
  });
});
