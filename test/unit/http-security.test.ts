import { Writable } from 'node:stream';
import { secretMatcher } from '../../src/http/auth/secret-matcher';
import { createLogger } from '../../src/logger';

describe('secretMatcher', () => {
  it('matches only a configured secret, of any length', () => {
    const matches = secretMatcher(['alpha', 'a-much-longer-secret']);
    expect(matches('alpha')).toBe(true);
    expect(matches('a-much-longer-secret')).toBe(true);
    expect(matches('alph')).toBe(false);
    expect(matches('')).toBe(false);
    expect(matches(undefined)).toBe(false);
    expect(secretMatcher([])('anything')).toBe(false);
  });
});

describe('the process logger', () => {
  it('never writes the authorization header or an API key', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ logLevel: 'info' }, sink);
    logger.info({ req: { headers: { authorization: 'Bearer s3cret', 'x-api-key': 'k3y', host: 'h' } } }, 'call');
    logger.info({ headers: { authorization: 'Bearer s3cret' } }, 'call');
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toMatch(/s3cret|k3y/);
  });
});
