/** A process logger (src/logger.ts) writing into memory, its lines parsed back (each must be JSON). */
import { Writable } from 'node:stream';
import type { LogLevel } from '../../src/config';
import { createLogger } from '../../src/logger';

export function bufferLogger(level: LogLevel) {
  const text: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text.push(String(chunk));
      done();
    },
  });
  const lines = () =>
    text
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger: createLogger({ logLevel: level }, sink), text, lines };
}
