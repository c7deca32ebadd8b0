/**
 * An independent check of a plan, written apart from the planner and from the routing
 * core: from the network document alone it replays every planned route (legs that
 * chain from origin to destination, sort times, departures on the timetable, cut-offs,
 * no hub twice), recomputes each parcel's cost and lateness, adds up what every
 * departure slot and hub-day carries (the bookings made before included) and compares
 * it with the capacities of CONTRACT §5, and recomputes the objective.
 */
import type { Leg, NetworkDocument, RouteQuery } from '../routing/types';
import type { ParcelPlan, PlanPenalties, Score } from './types';

/** A booking made before the plan: the departures it holds and its weight. */
export interface PriorBooking {
  legs: { legId: string; departAt: number }[];
  weightKg: number;
}

export interface PlanCheck extends Score {
  /** Everything wrong, in words; empty when the plan is sound. */
  problems: string[];
}

const DAY = 1440;
const FOURTEEN_DAYS = 14 * DAY;

/** Grams as capacity counts them (§5): each parcel's weight rounded up to the gram, after rounding to the milligram. */
function parcelGrams(kg: number): number {
  return Math.ceil(Math.round(kg * 1_000_000) / 1000);
}

function isoWeekday(minute: number): number {
  const d = new Date(minute * 60_000).getUTCDay();
  return d === 0 ? 7 : d;
}

function clock(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function checkPlan(
  doc: NetworkDocument,
  queries: readonly RouteQuery[],
  plans: readonly ParcelPlan[],
  penalties: PlanPenalties,
  prior: readonly PriorBooking[] = [],
): PlanCheck {
  const problems: string[] = [];
  const hubs = new Map(doc.hubs.map((h) => [h.id, h]));
  const legs = new Map(doc.legs.map((l) => [l.id, l]));
  const slotParcels = new Map<string, number>();
  const slotGrams = new Map<string, number>();
  const hubDayParcels = new Map<string, number>();
  const take = (leg: Leg, departAt: number, grams: number) => {
    const continuous = !leg.departures || leg.departures.length === 0;
    const slotKey = `${leg.id}@${continuous ? departAt - (departAt % 60) : departAt}`;
    slotParcels.set(slotKey, (slotParcels.get(slotKey) ?? 0) + 1);
    slotGrams.set(slotKey, (slotGrams.get(slotKey) ?? 0) + grams);
    const hubKey = `${leg.from}@${Math.floor(departAt / DAY)}`;
    hubDayParcels.set(hubKey, (hubDayParcels.get(hubKey) ?? 0) + 1);
  };
  for (const booking of prior) {
    for (const { legId, departAt } of booking.legs)
      take(legs.get(legId) as Leg, departAt, parcelGrams(booking.weightKg));
  }

  let cost = 0;
  let planned = 0;
  let late = 0;
  let unplanned = 0;
  plans.forEach((plan, i) => {
    if (plan.kind === 'unplanned') unplanned++;
    if (plan.kind !== 'planned') return;
    planned++;
    const q = queries[i];
    const where = `parcel ${i}`;
    const route = plan.answer.route;
    const origin = hubs.get(q.origin);
    const destination = hubs.get(q.destination);
    if (!origin || !destination) {
      problems.push(`${where}: planned, but its hubs are not in the network`);
      return;
    }
    let at = q.origin;
    let arrived = q.readyAt;
    let parcelCost = 0;
    const visited = new Set([q.origin]);
    for (const step of route.legs) {
      const leg = legs.get(step.legId);
      if (!leg) {
        problems.push(`${where}: leg ${step.legId} is not in the network`);
        return;
      }
      if (leg.from !== at) problems.push(`${where}: leg ${leg.id} leaves ${leg.from}, but the parcel is at ${at}`);
      if (visited.has(leg.to)) problems.push(`${where}: visits ${leg.to} twice`);
      visited.add(leg.to);
      const fromHub = hubs.get(leg.from);
      const available = arrived + (fromHub?.sortMinutes ?? 0);
      const d = step.departAt;
      const scheduled = !!leg.departures && leg.departures.length > 0;
      if (leg.days && !leg.days.includes(isoWeekday(d)))
        problems.push(`${where}: ${leg.id} does not run on the weekday of ${d}`);
      if (scheduled) {
        if (!leg.departures!.some((t) => clock(t) === d % DAY))
          problems.push(`${where}: ${leg.id} has no departure at minute ${d % DAY} of the day`);
        if (d - (leg.cutoffMinutes ?? 0) < available)
          problems.push(`${where}: ${leg.id} at ${d} misses its cut-off (available ${available})`);
      } else if (d < available)
        problems.push(`${where}: ${leg.id} leaves at ${d}, before the parcel is available at ${available}`);
      if (step.arriveAt !== d + leg.durationMinutes)
        problems.push(`${where}: ${leg.id} arrives at ${step.arriveAt}, not ${d + leg.durationMinutes}`);
      parcelCost += (fromHub?.handlingCost ?? 0) + leg.costPerParcel + leg.costPerKg * q.weightKg;
      take(leg, d, parcelGrams(q.weightKg));
      at = leg.to;
      arrived = step.arriveAt;
    }
    if (at !== q.destination) problems.push(`${where}: the route ends at ${at}, not ${q.destination}`);
    if (arrived > q.readyAt + FOURTEEN_DAYS) problems.push(`${where}: arrives more than 14 days after readyAt`);
    if (arrived !== route.arriveAt)
      problems.push(`${where}: arriveAt ${route.arriveAt} is not the last leg's arrival ${arrived}`);
    if (Math.abs(parcelCost - route.cost) > 1e-6 * Math.max(1, parcelCost))
      problems.push(`${where}: cost ${route.cost}, recomputed ${parcelCost}`);
    const deadline = q.deadline ?? q.readyAt + (origin.country === destination.country ? DAY : 3 * DAY);
    if (plan.answer.deadline !== deadline)
      problems.push(`${where}: deadline ${plan.answer.deadline}, recomputed ${deadline}`);
    const isLate = arrived > deadline;
    if (isLate === plan.answer.meetsDeadline)
      problems.push(`${where}: meetsDeadline says ${plan.answer.meetsDeadline}`);
    if (isLate) late++;
    cost += parcelCost;
  });

  for (const [key, parcels] of slotParcels) {
    const leg = legs.get(key.slice(0, key.lastIndexOf('@'))) as Leg;
    if (leg.capacityPerDeparture !== undefined && parcels > leg.capacityPerDeparture) {
      problems.push(`departure ${key}: ${parcels} parcels over its capacity of ${leg.capacityPerDeparture}`);
    }
    const grams = slotGrams.get(key) as number;
    const capacityGrams =
      leg.capacityKgPerDeparture === undefined
        ? Infinity
        : Math.floor(Math.round(leg.capacityKgPerDeparture * 1e6) / 1000);
    if (grams > capacityGrams) problems.push(`departure ${key}: ${grams} g over its capacity of ${capacityGrams} g`);
  }
  for (const [key, parcels] of hubDayParcels) {
    const hub = hubs.get(key.slice(0, key.lastIndexOf('@')));
    if (hub?.capacityPerDay !== undefined && parcels > hub.capacityPerDay) {
      problems.push(`hub-day ${key}: ${parcels} parcels leave, over its capacity of ${hub.capacityPerDay}`);
    }
  }
  const objective = cost + penalties.latePenalty * late + penalties.unplannedPenalty * unplanned;
  return { problems, objective, cost, planned, late, unplanned };
}
