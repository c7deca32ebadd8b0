/** The scripts of the plans' threads from the TypeScript sources, for tests (jest's transform does not reach worker threads). */
import { join } from 'node:path';

/** The plans thread (src/plans-pool/worker.ts). */
export const PLANS_WORKER = join(__dirname, 'plans-worker.js');
/** The plan's search helper thread (src/plans-pool/search-thread.ts). */
export const SEARCH_THREAD = join(__dirname, 'search-thread.js');
