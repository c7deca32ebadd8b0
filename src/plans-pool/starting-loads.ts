/** The starting loads of a plan: what the ledger holds on its dates, as the core's LoadTable of one network version. */
import { dayOfDate } from '../capacity/dates';
import { parseField } from '../capacity/holds';
import { LoadTable } from '../routing/capacity/loads';
import type { NetworkIndex } from '../routing/network/network-index';
import type { LoadEntry } from './task';

/** A factory of fresh tables holding the entries (fields of legs or hubs this version lacks are left out). */
export function startingLoadsOf(ix: NetworkIndex, entries: readonly LoadEntry[]): () => LoadTable {
  const slots = new Map<string, { leg: number; slot: number; parcels: number; grams: number }>();
  const hubs: { hub: number; day: number; parcels: number }[] = [];
  for (const [date, field, value] of entries) {
    const parsed = parseField(field);
    if (parsed.kind === 'hub') {
      const hub = ix.hubByCode.get(parsed.hubId);
      const day = dayOfDate(date);
      if (hub !== undefined && day !== undefined) hubs.push({ hub, day, parcels: value });
    } else if (parsed.kind === 'parcels' || parsed.kind === 'grams') {
      const leg = ix.legByCode.get(parsed.legId);
      if (leg === undefined) continue;
      const key = `${leg}:${parsed.slot}`;
      let s = slots.get(key);
      if (!s) slots.set(key, (s = { leg, slot: parsed.slot, parcels: 0, grams: 0 }));
      if (parsed.kind === 'parcels') s.parcels = value;
      else s.grams = value;
    }
  }
  return () => {
    const table = new LoadTable(ix);
    for (const s of slots.values()) table.setSlot(s.leg, s.slot, s.parcels, s.grams);
    for (const h of hubs) table.setHubDay(h.hub, h.day, h.parcels);
    return table;
  };
}
