/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|mjs|js)$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // ES-module-only packages (typebox 1.x; content-disposition and cookie, reached
  // through @fastify/static and light-my-request): jest on Node 20 cannot require(esm).
  transformIgnorePatterns: ['/node_modules/(?!(typebox|content-disposition|cookie)/)'],
  testTimeout: 30000,
  // Two suites at a time (jest's default is one less than the cores: one, on the 2-core
  // machines this runs on). Every suite has its own Redis keys, ports and processes
  // (npm run test:alone checks each passes on its own), so they run side by side: the
  // suite takes about half the time.
  maxWorkers: 2,
};
