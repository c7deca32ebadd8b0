/**
 * The "metrics on" side of bench:metrics, preloaded into the server process
 * (node --require): renders the exposition every 5 s, as a Prometheus scrape
 * would (the compose stack scrapes every 15 s, so this is three times its cost).
 */
import { exposition } from '../../src/metrics/registry';

const SCRAPE_INTERVAL_MS = 5000;

setInterval(() => void exposition(), SCRAPE_INTERVAL_MS).unref();
