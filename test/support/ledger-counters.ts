/**
 * The capacity ledger's counters, and what booked routes should have added to them, in
 * one shape ("<date> <field>" → value), for the tests that check the one against the other.
 */
import { holdsOf } from '../../src/capacity/holds';
import type { Ledger } from '../../src/capacity/ledger';
import type { NetworkIndex } from '../../src/routing/network/network-index';
import type { RoutePlan } from '../../src/routing/types';

/** A booked route as the answers carry it (ISO departures), and its parcel's weight. */
export interface BookedRoute {
  route?: { legs: readonly { legId: string; departAt: string }[] };
  weightKg: number;
}

/** The ledger's counters of every watched date. */
export async function ledgerCounters(ledger: Ledger): Promise<Map<string, number>> {
  const all = new Map<string, number>();
  for (const date of await ledger.watchedDates()) {
    for (const [field, value] of await ledger.counters(date)) all.set(`${date} ${field}`, value);
  }
  return all;
}

/** What the booked routes hold, summed as the ledger's counters are (parcels, and grams on departures). */
export function heldBy(index: NetworkIndex, booked: readonly BookedRoute[]): Map<string, number> {
  const sums = new Map<string, number>();
  const add = (key: string, amount: number) => sums.set(key, (sums.get(key) ?? 0) + amount);
  for (const { route, weightKg } of booked) {
    const plan = {
      legs: (route?.legs ?? []).map((l) => ({ ...l, departAt: Date.parse(l.departAt) / 60_000 })),
    } as unknown as RoutePlan;
    const holds = holdsOf(index, plan, weightKg);
    for (const { date, fields } of holds.dates) {
      for (const { field } of fields) {
        add(`${date} ${field}`, 1);
        if (field.startsWith('p:')) add(`${date} g${field.slice(1)}`, holds.grams);
      }
    }
  }
  return sums;
}
