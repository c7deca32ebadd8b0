/** The greedy thread from the TypeScript sources, for tests: jest's transform does not reach worker threads. */
require('./swc-register');
require('../../src/plans-pool/greedy-worker.ts');
