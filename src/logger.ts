/** The process logger: pino at LOG_LEVEL, never writing credentials. */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

/** @param destination where lines go. @defaultValue stdout */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACTED, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
