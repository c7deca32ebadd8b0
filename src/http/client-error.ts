/**
 * Requests Node's HTTP parser refuses before Fastify sees them (bad framing, a
 * bad header, headers over the limit, a request not received in time) answer
 * with the catalogue's `{error, message}` too, instead of Fastify's own body;
 * the connection is then closed, as Node and Fastify do, since the parser cannot
 * tell where the next request would start.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError } from '../errors';

interface ParserError extends Error {
  code?: string;
  /** llhttp's words for what it refused, e.g. "Invalid character in chunk size". */
  reason?: string;
}

export function answerClientError(error: ParserError, socket: Duplex): void {
  // A connection reset has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = appErrorOf(error);
  const body = JSON.stringify(answer.toJSON());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function appErrorOf(error: ParserError): AppError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError('REQUEST_TIMEOUT');
  if (error.code === 'HPE_HEADER_OVERFLOW') return new AppError('HEADERS_TOO_LARGE');
  const why = error.reason ?? error.message;
  return new AppError('VALIDATION', `the request is not valid HTTP/1.1: ${why}${error.code ? ` (${error.code})` : ''}`);
}
