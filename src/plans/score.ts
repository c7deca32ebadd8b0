/** The objective of a plan's parcels (docs/plans.md): Σ cost + latePenalty × late + unplannedPenalty × unplanned. */
import type { ParcelPlan, PlanPenalties, Score } from './types';

export function scorePlans(plans: readonly ParcelPlan[], penalties: PlanPenalties): Score {
  let cost = 0;
  let planned = 0;
  let late = 0;
  let unplanned = 0;
  for (const p of plans) {
    if (p.kind === 'planned') {
      planned++;
      cost += p.answer.route.cost;
      if (!p.answer.meetsDeadline) late++;
    } else if (p.kind === 'unplanned') unplanned++;
  }
  return {
    objective: cost + penalties.latePenalty * late + penalties.unplannedPenalty * unplanned,
    cost,
    planned,
    late,
    unplanned,
  };
}
