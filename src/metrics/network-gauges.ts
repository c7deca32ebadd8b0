/**
 * The network gauges, read at scrape time from the network this process
 * serves: parcel_network_info{version} (1 for the active version, no series
 * while none is active), parcel_network_hubs and parcel_network_legs (0 while
 * none is active).
 */
import type { Gauge } from 'prom-client';
import type { LiveNetwork, NetworkSnapshot } from '../network/live-network';

/** Whatever holds the network being served: the LiveNetwork of this process. */
export type NetworkHolder = Pick<LiveNetwork, 'current'>;

let holder: NetworkHolder | undefined;

/** Has the metrics read `live` from now on; returns the undo, for shutdown. */
export function observeNetwork(live: NetworkHolder): () => void {
  holder = live;
  return () => {
    if (holder === live) holder = undefined;
  };
}

/** The snapshot being served, if any. */
export function observedSnapshot(): NetworkSnapshot | undefined {
  return holder?.current;
}

export function collectNetworkInfo(this: Gauge<'version'>): void {
  this.reset();
  const snapshot = observedSnapshot();
  if (snapshot) this.set({ version: snapshot.version }, 1);
}

export function collectNetworkHubs(this: Gauge): void {
  this.set(observedSnapshot()?.doc.hubs.length ?? 0);
}

export function collectNetworkLegs(this: Gauge): void {
  this.set(observedSnapshot()?.doc.legs.length ?? 0);
}
