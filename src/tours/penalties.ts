/**
 * What a route's excesses cost the search while it may be infeasible (Vidal's
 * penalised objective): per unit of load over capacity, per second of time warp
 * or of travel over the limit, per metre over the range, per task over the limit.
 */
export class PenaltyWeights {
  constructor(
    public load: number,
    public time: number,
    public distance: number,
    public tasks: number,
  ) {}

  scaled(factor: number): PenaltyWeights {
    return new PenaltyWeights(this.load * factor, this.time * factor, this.distance * factor, this.tasks * factor);
  }
}

/** A route's (or a solution's) cost and its excess over each constraint. */
export class Excess {
  cost = 0;
  load = 0;
  time = 0;
  distance = 0;
  tasks = 0;
  /** Prizes of the jobs left unassigned (solutions only). */
  unassigned = 0;

  feasible(): boolean {
    return this.load === 0 && this.time === 0 && this.distance === 0 && this.tasks === 0;
  }

  penalised(w: PenaltyWeights): number {
    return (
      this.cost +
      this.unassigned +
      w.load * this.load +
      w.time * this.time +
      w.distance * this.distance +
      w.tasks * this.tasks
    );
  }
}
