/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(ts|mjs)$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // typebox 1.x ships ES modules only; jest on Node 20 cannot require(esm) itself.
  transformIgnorePatterns: ['/node_modules/(?!typebox/)'],
  testTimeout: 30000,
};
