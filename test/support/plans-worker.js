/** The plans pool's worker from the TypeScript sources, for tests: jest's transform does not reach worker threads. */
require('./swc-register');
module.exports = require('../../src/plans-pool/worker.ts');
