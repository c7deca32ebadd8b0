/** The process logger: pino at LOG_LEVEL, never writing credentials. */
import pino, { type Logger } from 'pino';
import type { Config } from './config';

const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
];

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: { paths: REDACTED, censor: '[redacted]' } });
}
