/**
 * The "metrics off" side of bench:metrics, preloaded into the server process
 * (node --require) before the app is loaded: the metrics modules the app uses
 * are replaced in Node's module cache by ones that record nothing and register
 * no hook, so no Registry, default metrics, hook or label child exists at all.
 */

function stub(path: string, exports: Record<string, unknown>): void {
  const filename = require.resolve(path);
  require.cache[filename] = {
    id: filename,
    filename,
    loaded: true,
    exports,
    children: [],
    paths: [],
  } as unknown as NodeModule;
}

const nothing = (): void => undefined;

stub('../../src/metrics/recorder', {
  recordRoute: nothing,
  recordBatch: nothing,
  recordBatchParcels: nothing,
});
stub('../../src/metrics/http-metrics', { registerMetrics: nothing });
