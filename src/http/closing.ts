/**
 * A call that arrives while the server closes (SIGTERM: the calls in flight finish,
 * new ones on kept-alive connections are refused) answers the catalogue's 503
 * UNAVAILABLE with Retry-After and `Connection: close`, like every other error,
 * instead of Fastify's own 503 body (return503OnClosing is off for this).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

export function refuseWhileClosing(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    void reply.header('connection', 'close');
    done(new AppError('UNAVAILABLE', 'the server is shutting down: send the call again (to another instance)'));
  });
}
