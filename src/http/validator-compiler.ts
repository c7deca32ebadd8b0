/**
 * The app's schema compiler: @fastify/type-provider-typebox's, except for headers.
 *
 * That compiler runs TypeBox's `Value.Convert` on every part but the body before checking
 * it (the query and the path arrive as text). On headers it costs a call twice over, and
 * changes nothing: every header schema here is of strings, which headers already are.
 * `Convert` walks the request's headers against a RegExp made per property per request,
 * and the compiler hands the headers back as "converted", which Fastify then keeps as
 * `additionalHeaders`: from then on, each read of `request.headers` (the API key, the
 * Idempotency-Key, the content type) copies every header into a new object. Headers are
 * checked here as they came, and left as they are.
 */
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type { FastifySchemaCompiler } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

export const validatorCompiler: FastifySchemaCompiler<TSchema> = (route) => {
  if (route.httpPart !== 'headers') return TypeBoxValidatorCompiler(route);
  const check = Compile(route.schema);
  // true: valid, and Fastify keeps request.headers as Node gave them.
  return (headers: unknown) => check.Check(headers) || { error: check.Errors(headers) };
};
