/**
 * What GET / and the static prefixes serve, through inject (the page itself is
 * tried in a browser by explorer-browser.test.ts): the page, its modules, every
 * library file its import map names, and nothing else of node_modules.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/config';
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';

describe('the explorer’s files', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({ network: tinyNetwork() });
  });
  afterAll(() => h.close());

  const get = (url: string) => h.app.inject({ method: 'GET', url });

  it('serves the page at GET /, and every library its import map names, as JavaScript', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const importMap = JSON.parse(/<script type="importmap">([\s\S]*?)<\/script>/.exec(page.body)![1]) as {
      imports: Record<string, string>;
    };
    expect(Object.keys(importMap.imports).sort()).toEqual(['d3-array', 'd3-geo', 'topojson-client']);
    for (const url of Object.values(importMap.imports)) {
      const res = await get(url);
      expect([url, res.statusCode, res.headers['content-type']]).toEqual([
        url,
        200,
        'application/javascript; charset=utf-8',
      ]);
    }
    expect((await get('/vendor/world-atlas/countries-110m.json')).json().type).toBe('Topology');
  });

  it('serves every module of the page under /explorer/', async () => {
    const files = readdirSync(join(packageRoot(), 'public', 'explorer'));
    expect(files).toEqual(expect.arrayContaining(['main.js', 'map.js', 'style.css']));
    for (const file of files) expect([file, (await get(`/explorer/${file}`)).statusCode]).toEqual([file, 200]);
  });

  it('serves nothing else of node_modules, however the path is written', async () => {
    const refused = [
      '/vendor/bullmq/package.json',
      '/vendor/d3-geo/package.json',
      '/vendor/d3-geo/dist/../../bullmq/package.json',
      '/vendor/d3-geo/dist/%2e%2e/%2e%2e/bullmq/package.json',
      '/vendor/d3-geo/dist/..%2f..%2fbullmq%2fpackage.json',
      '/vendor/world-atlas/../.package-lock.json',
      '/explorer/../src/config.ts',
      '/explorer/',
    ];
    for (const url of refused) {
      const res = await get(url);
      expect([url, res.statusCode >= 400 && res.statusCode < 500]).toEqual([url, true]);
      expect(res.json()).toHaveProperty('error');
    }
  });

  it('keeps the page out of the OpenAPI document', async () => {
    const { paths } = (await get('/docs/json')).json();
    expect(
      Object.keys(paths).filter((path) => path === '/' || path.startsWith('/explorer') || path.startsWith('/vendor')),
    ).toEqual([]);
  });
});
