/** The first-run default: a local redis-server when nothing answers and REDIS_URL is unset. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { answersPing, ensureRedis, RedisMissingError } from '../../src/redis/embedded';
import { freePort } from '../support/free-port';

describe('ensureRedis', () => {
  let project: string;
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'parcel-project-'));
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('does nothing when REDIS_URL is set, or when Redis already answers', async () => {
    const notices: string[] = [];
    const port = await freePort();
    expect(
      await ensureRedis({ redisUrlIsDefault: false }, project, (l) => notices.push(l), { host: '127.0.0.1', port }),
    ).toBeUndefined();
    expect(await ensureRedis({ redisUrlIsDefault: true }, project, (l) => notices.push(l))).toBeUndefined();
    expect(notices).toEqual([]);
  });

  it('starts redis-server with its data under the project, says so in one line, and stops it', async () => {
    const port = await freePort();
    const notices: string[] = [];
    const embedded = await ensureRedis({ redisUrlIsDefault: true }, project, (l) => notices.push(l), {
      host: '127.0.0.1',
      port,
    });
    try {
      expect(embedded?.pid).toEqual(expect.any(Number));
      expect(await answersPing('127.0.0.1', port)).toBe(true);
      expect(existsSync(join(project, '.redis'))).toBe(true);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain(`started redis-server (pid ${embedded?.pid})`);
      // Bookings must survive a restart: the append-only file, fsynced every second.
      const client = new Redis({ host: '127.0.0.1', port });
      try {
        expect(await client.config('GET', 'append*')).toEqual(
          expect.arrayContaining(['appendonly', 'yes', 'appendfsync', 'everysec']),
        );
      } finally {
        client.disconnect();
      }
    } finally {
      await embedded?.stop();
    }
    expect(await answersPing('127.0.0.1', port)).toBe(false);
  });

  it('fails with one line naming the ways out when redis-server is not installed', async () => {
    const port = await freePort();
    const options = { host: '127.0.0.1', port, binary: 'redis-server-not-installed' };
    const error = await ensureRedis({ redisUrlIsDefault: true }, project, () => undefined, options).catch(
      (err: Error) => err,
    );
    expect(error).toBeInstanceOf(RedisMissingError);
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).toMatch(/install Redis.*docker compose up.*REDIS_URL/);
  });
});
