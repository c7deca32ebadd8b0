import type { NetworkIndex } from './network-index';
import type { Closure } from '../types';

/**
 * Closures resolved against one network version: for each leg and hub, its closed
 * windows [from, until) as a flat list. Closures naming ids this version does not
 * have are ignored (they may belong to another version).
 */
export class ClosureTable {
  static readonly NONE = new ClosureTable(null, []);

  readonly isEmpty: boolean;
  private readonly legWindows = new Map<number, number[]>();
  private readonly hubWindows = new Map<number, number[]>();

  constructor(ix: NetworkIndex | null, closures: readonly Closure[]) {
    for (const c of closures) {
      if (!ix || c.until <= c.from) continue;
      if (c.legId !== undefined) add(this.legWindows, ix.legByCode.get(c.legId), c);
      if (c.hubId !== undefined) add(this.hubWindows, ix.hubByCode.get(c.hubId), c);
    }
    this.isEmpty = this.legWindows.size === 0 && this.hubWindows.size === 0;
  }

  /** When a departure of `leg` from `hub` at minute t is closed: the minute it reopens; else -1. */
  reopensAt(leg: number, hub: number, t: number): number {
    return Math.max(coveringEnd(this.legWindows.get(leg), t), coveringEnd(this.hubWindows.get(hub), t));
  }
}

function add(windows: Map<number, number[]>, key: number | undefined, c: Closure): void {
  if (key === undefined) return;
  const list = windows.get(key) ?? [];
  list.push(c.from, c.until);
  windows.set(key, list);
}

function coveringEnd(list: number[] | undefined, t: number): number {
  let end = -1;
  if (list) {
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] <= t && t < list[i + 1] && list[i + 1] > end) end = list[i + 1];
    }
  }
  return end;
}
