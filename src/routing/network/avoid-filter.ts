import type { NetworkIndex } from './network-index';
import { MODES, type Avoid, type Mode } from '../types';

/**
 * A query's `avoid` resolved to the index: hubs barred as intermediate stops, and
 * modes and carriers whose legs are barred. Unknown ids bar nothing.
 */
export class AvoidFilter {
  static readonly NONE = new AvoidFilter(null, undefined);

  /** What identifies an `avoid` (the same lists in any order give the same key), without resolving it. */
  static keyOf(avoid: Avoid | undefined): string {
    return [avoid?.hubs ?? [], avoid?.modes ?? [], avoid?.carriers ?? []]
      .map((list) => [...list].sort().join(','))
      .join('|');
  }

  readonly isEmpty: boolean;
  private readonly hubs: Uint8Array | null = null;
  private readonly carriers: Uint8Array | null = null;
  private readonly modeMask: number = 0;

  constructor(ix: NetworkIndex | null, avoid: Avoid | undefined) {
    const hubIds = avoid?.hubs ?? [];
    const modes = avoid?.modes ?? [];
    const carrierNames = avoid?.carriers ?? [];
    if (ix && hubIds.length > 0) {
      this.hubs = new Uint8Array(ix.hubCount);
      for (const id of hubIds) {
        const h = ix.hubByCode.get(id);
        if (h !== undefined) this.hubs[h] = 1;
      }
    }
    if (ix && carrierNames.length > 0) {
      this.carriers = new Uint8Array(ix.carriers.length);
      for (const name of carrierNames) {
        const c = ix.carrierByName.get(name);
        if (c !== undefined) this.carriers[c] = 1;
      }
    }
    for (const mode of modes) {
      const m = MODES.indexOf(mode as Mode);
      if (m >= 0) this.modeMask |= 1 << m;
    }
    this.isEmpty = this.hubs === null && this.carriers === null && this.modeMask === 0;
  }

  /** Whether the search may take `leg` to hub `to` (the destination is never barred). */
  allows(ix: NetworkIndex, leg: number, to: number, destination: number): boolean {
    if (this.hubs !== null && this.hubs[to] === 1 && to !== destination) return false;
    if (this.carriers !== null && this.carriers[ix.legCarrier[leg]] === 1) return false;
    return (this.modeMask & (1 << ix.legMode[leg])) === 0;
  }
}
