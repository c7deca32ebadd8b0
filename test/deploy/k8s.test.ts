/**
 * The Kubernetes manifests of deploy/k8s: every object valid against the
 * Kubernetes API schemas (kubernetes-models), and held to the app like the
 * compose file — commands, variables, ports, probes, selectors and autoscalers.
 */
import { readdirSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config';
import { configVariables, npmScript, readRepoFile } from './repo';

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  /** Its shape depends on the kind; the schema test checks it. */
  spec?: any;
  data?: Record<string, string>;
}

interface Container {
  name: string;
  command: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef: { name: string } }[];
  ports: { name: string; containerPort: number }[];
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
}

const objects: K8sObject[] = readdirSync(`${__dirname}/../../deploy/k8s`)
  .filter((file) => file.endsWith('.yaml'))
  .flatMap((file) => parseAllDocuments(readRepoFile(`deploy/k8s/${file}`)).map((doc) => doc.toJSON() as K8sObject));
const find = (kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);
const configMap = find('ConfigMap', 'parcel-route')!;

test.each(objects.map((object) => [`${object.kind} ${object.metadata.name}`, object] as const))(
  '%s is valid against the Kubernetes API schema',
  (_name, object) => {
    const path = `kubernetes-models/${object.apiVersion}/${object.kind}`;
    // The model's module is chosen by the object's apiVersion and kind.
    const Model = (require(path) as Record<string, new (data: unknown) => { validate(): void }>)[object.kind];
    expect(() => new Model(object).validate()).not.toThrow();
  },
);

describe.each([
  ['parcel-route-api', 'start:api'],
  ['parcel-route-worker', 'start:worker'],
])('Deployment %s', (name, script) => {
  const deployment = find('Deployment', name)!;
  const pod = deployment.spec.template;
  const [container] = pod.spec.containers as Container[];
  const environment = (): Record<string, string> => ({
    ...configMap.data,
    ...Object.fromEntries(
      (container.env ?? []).filter((item) => item.value !== undefined).map((item) => [item.name, item.value!]),
    ),
  });

  it(`runs what \`npm run ${script}\` runs, as a non-root user`, () => {
    expect(container.command.join(' ')).toBe(npmScript(script));
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true });
  });

  it('sets only variables the config reads, with values it accepts, from the shared ConfigMap', () => {
    expect(container.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }]);
    const names = [...Object.keys(configMap.data ?? {}), ...(container.env ?? []).map((item) => item.name)];
    const known = configVariables();
    expect(names.filter((variable) => !known.has(variable))).toEqual([]);
    expect(() => loadConfig(environment())).not.toThrow();
  });

  it('serves on the ports the config gives, probes them, and tells Prometheus where /metrics is', () => {
    const config = loadConfig(environment());
    expect(config.host).toBe('0.0.0.0');
    const metricsPort = script === 'start:api' ? config.port : config.metricsPort;
    expect(container.ports.map((port) => port.containerPort)).toEqual([metricsPort]);
    expect(pod.metadata.annotations).toMatchObject({
      'prometheus.io/port': String(metricsPort),
      'prometheus.io/path': '/metrics',
    });
    for (const probe of [container.readinessProbe, container.livenessProbe].filter(Boolean)) {
      expect(probe!.httpGet.port).toBe(container.ports[0].name);
    }
  });

  it('gives a stopping pod longer than the shutdown timeout', () => {
    expect(pod.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(loadConfig(environment()).shutdownTimeoutMs);
  });

  it('selects its own pods and is scaled by an autoscaler of its own', () => {
    expect(pod.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
    const autoscaler = find('HorizontalPodAutoscaler', name)!;
    expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect(autoscaler.spec.minReplicas).toBe(deployment.spec.replicas);
  });
});

test('the API Service sends to the API pods on their http port', () => {
  const service = find('Service', 'parcel-route-api')!;
  const pod = find('Deployment', 'parcel-route-api')!.spec.template;
  expect(service.spec.selector).toEqual(pod.metadata.labels);
  expect(service.spec.ports).toEqual([expect.objectContaining({ targetPort: pod.spec.containers[0].ports[0].name })]);
});
