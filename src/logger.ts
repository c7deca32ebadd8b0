/**
 * The process logger: pino at LOG_LEVEL, never writing credentials. On a
 * terminal (stdout a TTY, as under `npm start` in a shell) lines are made
 * readable by pino-pretty; anywhere else (a pipe, a file, a container's log
 * collector) they are JSON, one object a line.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config';

const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

/** @param destination where JSON lines go. @defaultValue stdout, made readable when it is a terminal */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACTED, censor: '[redacted]' } };
  if (destination) return pino(options, destination);
  // Synchronous, as pino's own stdout is: no line is lost when the process exits.
  return process.stdout.isTTY ? pino(options, pretty({ sync: true })) : pino(options);
}
