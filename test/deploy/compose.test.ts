/**
 * docker-compose.yml against the app: Debian's docker-compose validates it, and
 * its commands, ports and environment are held to package.json's scripts and to
 * the variables src/config.ts reads.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { loadConfig, type Config } from '../../src/config';
import { configVariables, npmScript, readRepoFile, REPO } from './repo';

interface Service {
  command?: string | string[];
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  deploy?: { replicas?: number };
  container_name?: string;
}

const compose = parse(readRepoFile('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const { api, worker, redis, prometheus, grafana } = compose.services;

test('docker-compose config -q accepts the file', async () => {
  const check = promisify(execFile)('docker-compose', ['-f', join(REPO, 'docker-compose.yml'), 'config', '-q']);
  await expect(check.catch(explainMissingTool)).resolves.toBeDefined();
});

test.each([
  ['api', 'start:api'],
  ['worker', 'start:worker'],
])('%s runs what `npm run %s` runs, from a compiled entry file', (name, script) => {
  const command = commandLine(compose.services[name]);
  expect(command).toBe(npmScript(script));
  const entry = command.match(/^node (dist\/(\S+)\.js)$/);
  expect(entry).not.toBeNull();
  expect(existsSync(join(REPO, `${entry![2]}.ts`))).toBe(true);
});

test.each(['api', 'worker'])('%s sets only variables the config reads, with values it accepts', (name) => {
  const environment = interpolated(compose.services[name].environment ?? {});
  const known = configVariables();
  expect(Object.keys(environment).filter((name) => !known.has(name))).toEqual([]);
  expect(() => loadConfig(environment)).not.toThrow();
});

test('API and workers share the Redis, key prefix and queue shards, so they see the same queues', () => {
  const [apiConfig, workerConfig] = [api, worker].map((service) => loadConfig(interpolated(service.environment ?? {})));
  for (const setting of ['redisUrl', 'redisClusterNodes', 'keyPrefix', 'queueShards'] as const) {
    expect(workerConfig[setting]).toEqual(apiConfig[setting]);
  }
  expect(apiConfig.redisUrl).toBe('redis://redis:6379');
});

test('the API listens on all interfaces, on the port the compose publishes', () => {
  const config = loadConfig(interpolated(api.environment ?? {}));
  expect(config.host).toBe('0.0.0.0');
  expect(api.ports?.map(containerPort)).toEqual([config.port]);
});

test('api and worker scale: replicas, and nothing fixed per container', () => {
  for (const service of [api, worker]) {
    expect(service.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service.container_name).toBeUndefined();
  }
  expect(worker.ports).toBeUndefined();
  expect(api.ports?.every((mapping) => /^"?\d+-\d+:\d+"?$/.test(mapping))).toBe(true);
});

test('the worker serves /metrics on METRICS_PORT and its health check asks there', () => {
  const config = loadConfig(interpolated(worker.environment ?? {}));
  expect(config.host).toBe('0.0.0.0');
  expect(config.metricsPort).toBeGreaterThan(0);
  expect(worker.healthcheck?.test.join(' ')).toMatch(/process\.env\.METRICS_PORT.*\/metrics/);
});

test.each([
  ['api', (config: Config) => config.port],
  ['worker', (config: Config) => config.metricsPort],
])('Prometheus scrapes every %s replica on the port it serves /metrics on', (name, metricsPort) => {
  const config = loadConfig(interpolated(compose.services[name].environment ?? {}));
  const scrape = parse(readRepoFile('deploy/prometheus/prometheus.yml')) as {
    scrape_configs: { job_name: string; dns_sd_configs?: { names: string[]; port: number }[] }[];
  };
  const job = scrape.scrape_configs.find((candidate) => candidate.job_name === name);
  expect(job?.dns_sd_configs).toEqual([
    expect.objectContaining({ names: [name], type: 'A', port: metricsPort(config) }),
  ]);
});

test('Grafana reads the Prometheus service, and both mount their provisioning from deploy/', () => {
  expect(mounts(prometheus).get('/etc/prometheus')).toBe('./deploy/prometheus');
  expect(mounts(grafana).get('/etc/grafana/provisioning')).toBe('./deploy/grafana/provisioning');
  const provider = parse(readRepoFile('deploy/grafana/provisioning/dashboards/parcel-routing.yml')) as {
    providers: { options: { path: string } }[];
  };
  expect(mounts(grafana).get(provider.providers[0].options.path)).toBe('./deploy/grafana/dashboards');
  const datasource = parse(readRepoFile('deploy/grafana/provisioning/datasources/prometheus.yml')) as {
    datasources: { url: string }[];
  };
  expect(datasource.datasources.map((source) => source.url)).toEqual([
    `http://prometheus:${containerPort(prometheus.ports![0])}`,
  ]);
  expect(grafana.environment).toMatchObject({
    GF_AUTH_ANONYMOUS_ENABLED: 'true',
    GF_AUTH_ANONYMOUS_ORG_ROLE: 'Viewer',
  });
});

test('Redis keeps an every-second AOF and never evicts (BullMQ needs noeviction)', () => {
  expect(commandLine(redis)).toMatch(/--appendonly yes/);
  expect(commandLine(redis)).toMatch(/--appendfsync everysec/);
  expect(commandLine(redis)).toMatch(/--maxmemory-policy noeviction/);
});

function commandLine(service: Service): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');
}

/** Container path → host path of a service's bind mounts. */
function mounts(service: Service): Map<string, string> {
  return new Map((service.volumes ?? []).map((volume) => [volume.split(':')[1], volume.split(':')[0]]));
}

/** The container side of a `host:container` port mapping. */
function containerPort(mapping: string): number {
  return Number(mapping.split(':').pop());
}

/** Compose's `${NAME:-default}` with the variable unset, as in CI. */
function interpolated(environment: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, String(value).replace(/\$\{\w+:-([^}]*)\}/g, '$1')]),
  );
}

function explainMissingTool(err: NodeJS.ErrnoException & { stderr?: string }): never {
  if (err.code === 'ENOENT')
    throw new Error('docker-compose is not installed (apt-get install docker-compose; .ci/run does)');
  throw new Error(`docker-compose config -q failed: ${err.stderr ?? err.message}`);
}
