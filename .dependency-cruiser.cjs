/**
 * Which folder may import which (npm run deps; part of npm test). Dependencies run one
 * way: HTTP or queue → request (src/api) → core (src/routing) → response, over the wire
 * format (src/wire). Type-only imports count too.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two modules that cannot be understood apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'The routing core does no I/O and knows nothing of the service around it: it imports only itself.',
      from: { path: '^src/routing/' },
      to: { pathNot: '^src/routing/' },
    },
    {
      name: 'tour-solver-is-pure',
      severity: 'error',
      comment:
        'The tour solver takes a problem and returns a solution: no I/O, no threads; it imports only itself and the seeded PRNG.',
      from: { path: '^src/tours/' },
      to: { pathNot: ['^src/tours/', '^src/synthetic/prng\\.ts$'] },
    },
    {
      name: 'planner-is-pure',
      comment:
        'The flow planner takes parcels, loads and a solver and returns a plan: no I/O; it imports only itself and the routing core (HiGHS is handed to it).',
      severity: 'error',
      from: { path: '^src/plans/' },
      to: { path: '^src/', pathNot: ['^src/plans/', '^src/routing/'] },
    },
    {
      name: 'only-the-bootstrap-imports-http',
      severity: 'error',
      comment: 'src/http is the edge: the process entry points start it, nothing else depends on it.',
      from: { path: '^src/', pathNot: ['^src/http/', '^src/main\\.ts$', '^src/api-main\\.ts$'] },
      to: { path: '^src/http/' },
    },
    {
      name: 'wire-is-a-leaf',
      severity: 'error',
      comment: 'The wire format (schemas, ISO times) depends on the core vocabulary and the error catalogue only.',
      from: { path: '^src/wire/' },
      to: { path: '^src/', pathNot: ['^src/wire/', '^src/routing/types\\.ts$', '^src/errors\\.ts$'] },
    },
    {
      name: 'requests-and-responses-do-no-io',
      severity: 'error',
      comment:
        'src/api turns wire requests into core queries and answers back; queues, stores and Redis are not its business.',
      from: { path: '^src/api/' },
      to: { path: '^src/(batch|network|redis|cli)/' },
    },
    {
      name: 'metrics-count-they-do-not-route',
      severity: 'error',
      comment: 'Metrics are told what happened; they call neither the router nor the request layer.',
      from: { path: '^src/metrics/' },
      to: { path: ['^src/api/', '^src/routing/(router|search|sweep)/'] },
    },
    {
      name: 'the-network-store-serves-the-edges',
      severity: 'error',
      comment: 'src/network loads and stores networks for the edges (http, batch); it does not call them.',
      from: { path: '^src/network/' },
      to: { path: '^src/(api|batch|cli)/' },
    },
    {
      name: 'the-cli-talks-http',
      severity: 'error',
      comment: 'The ops CLI is a client of the running service: it shares the wire format and nothing else.',
      from: { path: '^src/cli/' },
      to: { path: '^src/', pathNot: ['^src/cli/', '^src/wire/', '^src/routing/types\\.ts$', '^src/errors\\.ts$'] },
    },
    {
      name: 'no-dev-dependencies-in-src',
      severity: 'error',
      comment: 'What the service runs must be in dependencies, not devDependencies.',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
