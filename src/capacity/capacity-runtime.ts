/**
 * The capacity parts every API and worker process runs: the ledger, this process's view
 * of it (which the live network gives its Routers), the group commit of single bookings,
 * and the resolver of bookings a stopped process left unsettled.
 */
import type { Config } from '../config';
import type { RedisClient } from '../redis/connection';
import { keys } from '../redis/keys';
import { Ledger } from './ledger';
import { LedgerGroups } from './ledger-groups';
import { LoadsView, type ViewLog } from './loads-view';
import { UnsettledResolver, type ResolverLog } from './unsettled-resolver';

export type CapacitySettings = Pick<Config, 'keyPrefix' | 'capacityRefreshMs' | 'capacityRetentionDays'>;

export interface Capacity {
  readonly ledger: Ledger;
  readonly view: LoadsView;
  readonly groups: LedgerGroups;
  readonly resolver: UnsettledResolver;
  /** Reads the watched dates once (when Redis answers), then keeps the view fresh and resolves stale bookings. */
  start(): Promise<void>;
  /** Once the grouped calls asked for have been answered (the marks of bookings made taken off). */
  stop(): Promise<void>;
}

/** @param redis a request-path client, not closed here. */
export function createCapacity(settings: CapacitySettings, redis: RedisClient, log?: ViewLog & ResolverLog): Capacity {
  const k = keys(settings.keyPrefix);
  const ledger = new Ledger(redis, k, settings.capacityRetentionDays);
  const view = new LoadsView(ledger, settings.capacityRefreshMs, log);
  const resolver = new UnsettledResolver(ledger, view, redis, k, log);
  const groups = new LedgerGroups(ledger, view);
  return {
    ledger,
    view,
    groups,
    resolver,
    async start() {
      await view.start();
      resolver.start();
    },
    async stop() {
      await groups.drain();
      await resolver.stop();
      await view.stop();
    },
  };
}
