/** The plans' search helper thread from the TypeScript sources, for tests: jest's transform does not reach worker threads. */
require('./swc-register');
require('../../src/plans-pool/search-thread.ts');
