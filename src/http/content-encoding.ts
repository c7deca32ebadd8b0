/**
 * Request bodies are read as sent: a body with a Content-Encoding (gzip, br, …)
 * answers 415 with `Accept-Encoding: identity` (RFC 9110 §15.5.16) instead of being
 * read as if it were plain, which for an NDJSON batch would have queued a batch of
 * error lines, and for a plain body so labelled would have read it anyway.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

export function refuseEncodedBodies(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    const coding = request.headers['content-encoding'];
    if (coding === undefined || coding.trim().toLowerCase() === 'identity') return done();
    void reply.header('accept-encoding', 'identity');
    done(
      new AppError('UNSUPPORTED_MEDIA_TYPE', `the body must be sent without a content-encoding (got '${coding}')`, {
        field: 'content-encoding',
      }),
    );
  });
}
