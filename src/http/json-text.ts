import type { FastifyReply } from 'fastify';

const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * Sends JSON text as it is: Fastify neither serialises nor re-encodes a string whose
 * content type is JSON (a route's answer made by routeJson, a booking's stored answer, a
 * tour plan from its thread). The route's response schema documents the body.
 */
export function sendJsonText(reply: FastifyReply, json: string): FastifyReply {
  return reply.type(JSON_UTF8).send(json);
}
