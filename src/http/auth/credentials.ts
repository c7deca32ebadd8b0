import type { FastifyRequest } from 'fastify';

/** The token of an `Authorization: Bearer <token>` header, if any. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** A routing client's API key: the `x-api-key` header, else the bearer token. */
export function apiKeyOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-api-key'];
  return (typeof header === 'string' ? header : undefined) ?? bearerToken(request);
}
