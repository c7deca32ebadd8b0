/**
 * The hybrid genetic search (Vidal et al. 2012, "A hybrid genetic algorithm for
 * multidepot and periodic vehicle routing problems"; HGS-CVRP, Vidal 2022):
 * μ random solutions are educated by local search to seed the population (as
 * PyVRP does; HGS-CVRP seeds 4μ, which on a 10 s budget costs most of it); then,
 * each iteration, two parents chosen by binary tournament give one offspring by
 * SREX, the local search educates it, and it joins the population. An infeasible
 * offspring is, half of the time, educated again with penalties ten times higher,
 * and joins too if that makes it feasible. Penalty weights adapt every 100
 * offspring. After `restartAfter` iterations without a better solution, the
 * population starts afresh (the best solution is kept aside).
 */
import { createRng, type Rng } from '../synthetic/prng';
import { Individual } from './individual';
import { randomRoutes } from './initial';
import type { PenaltyWeights } from './penalties';
import { PenaltyManager } from './penalty-manager';
import { DEFAULT_POPULATION, Population, type PopulationParams } from './population';
import type { TourProblem } from './problem';
import { LocalSearch, type Deadline } from './search/local-search';
import { Srex } from './srex';
import { sweepRoutes } from './sweep';

export interface GeneticParams {
  population: PopulationParams;
  /** @defaultValue 20000 (HGS-CVRP) */
  restartAfter: number;
  /** @defaultValue 0.5 */
  repairProbability: number;
  /** After `restartAfter` iterations without a better solution, stop instead of restarting. @defaultValue false */
  stopWhenStuck: boolean;
}

const FINISH_CANDIDATES = 3;

export const DEFAULT_GENETIC: GeneticParams = {
  population: DEFAULT_POPULATION,
  restartAfter: 20_000,
  repairProbability: 0.5,
  stopWhenStuck: false,
};

export interface GeneticRun {
  /** The best feasible solution found, else the best by penalised cost. */
  best: Individual | undefined;
  iterations: number;
}

export class GeneticSearch {
  private readonly rng: Rng;
  private readonly manager: PenaltyManager;
  private readonly search: LocalSearch;
  private readonly population: Population;
  private readonly srex: Srex;
  private bestFeasible: Individual | undefined;
  private bestAny: Individual | undefined;

  constructor(
    private readonly problem: TourProblem,
    neighbours: readonly Int32Array[],
    private readonly planar: Float64Array,
    seed: number,
    private readonly params: GeneticParams = DEFAULT_GENETIC,
  ) {
    this.rng = createRng(seed);
    this.manager = new PenaltyManager(problem);
    this.search = new LocalSearch(problem, neighbours, planar, this.manager.weights);
    this.population = new Population(params.population);
    this.srex = new Srex(problem, planar, neighbours);
  }

  get pricer() {
    return this.search.pricer;
  }

  /**
   * Runs until `iterations` offspring or the search deadline, whichever comes first;
   * then a last repair, until the finish deadline. Seeding stops early at the seed
   * deadline (one solution at least), so that a large problem still breeds.
   */
  run(iterations: number, deadlines: { search: Deadline; seed: Deadline; finish: Deadline }): GeneticRun {
    const deadline = deadlines.search;
    this.seed(deadlines.seed);
    let done = 0;
    let sinceBetter = 0;
    while (done < iterations && !deadline()) {
      const child = this.srex.cross(this.population.select(this.rng), this.population.select(this.rng), this.rng);
      const improved = this.educate(child, deadline);
      done++;
      sinceBetter = improved ? 0 : sinceBetter + 1;
      if (sinceBetter >= this.params.restartAfter) {
        if (this.params.stopWhenStuck) break;
        this.population.clear();
        this.seed(deadline);
        sinceBetter = 0;
      }
    }
    this.finish(deadlines.finish);
    return { best: this.bestFeasible ?? this.bestAny, iterations: done };
  }

  /**
   * The infeasible solutions that serve more (by prize) than the best feasible one
   * are run again with penalties 10, 100, 1,000… times higher until feasible (or until
   * the lowest weight is ten times the highest prize, when the excess must go): on
   * short budgets the weights have not adapted yet, and prizes of high priorities
   * outweigh any adapted weight, so the search may hold jobs that no feasible
   * solution found so far serves. The best three are tried.
   */
  private finish(deadline: Deadline): void {
    const served = (x: Individual) => x.excess.unassigned;
    const limit = this.bestFeasible ? served(this.bestFeasible) : Infinity;
    const candidates = [
      ...this.population.infeasible.members,
      ...(this.bestAny && !this.bestAny.feasible ? [this.bestAny] : []),
    ]
      .filter((x) => served(x) < limit)
      .sort((a, b) => served(a) - served(b) || a.penalised - b.penalised)
      .slice(0, FINISH_CANDIDATES);
    const enough = 10 * Math.max(...this.problem.jobPrize);
    for (const start of candidates) {
      for (let factor = 10; ; factor *= 10) {
        if (deadline()) return;
        const repaired = this.individual(
          this.search.run(start.routes, this.manager.weights.scaled(factor), this.rng, deadline),
        );
        if (repaired.feasible) {
          this.consider(repaired);
          break;
        }
        if (Math.min(...weightsOf(this.manager.weights)) * factor > enough) break;
      }
    }
  }

  /** μ solutions: the sweep's, then random ones (the first is always educated, whatever the time). */
  private seed(deadline: Deadline): void {
    const count = this.params.population.minSize;
    for (let i = 0; i < count && !(i > 0 && deadline()); i++) {
      const routes =
        i === 0 ? sweepRoutes(this.problem, this.planar, this.search.pricer) : randomRoutes(this.problem, this.rng);
      this.educate(routes, deadline);
    }
  }

  /** Local search, then into the population (and a repair attempt); true if it is a new best feasible solution. */
  private educate(routes: Int32Array[], deadline: Deadline): boolean {
    const weights = this.manager.weights;
    const individual = this.individual(this.search.run(routes, weights, this.rng, deadline));
    if (this.manager.record(individual.excess)) this.population.reweigh(this.manager.weights);
    this.population.add(individual);
    let improved = this.consider(individual);
    if (!individual.feasible && this.rng.next() < this.params.repairProbability && !deadline()) {
      const repaired = this.individual(this.search.run(individual.routes, weights.scaled(10), this.rng, deadline));
      if (repaired.feasible) {
        this.population.add(repaired);
        improved = this.consider(repaired) || improved;
      }
    }
    return improved;
  }

  private individual(routes: Int32Array[]): Individual {
    return new Individual(this.problem, routes, this.search.pricer, this.manager.weights);
  }

  private consider(individual: Individual): boolean {
    if (!this.bestAny || individual.penalised < this.bestAny.penalised) this.bestAny = individual;
    if (!individual.feasible) return false;
    const cost = individual.excess.cost + individual.excess.unassigned;
    if (this.bestFeasible && cost >= this.bestFeasible.excess.cost + this.bestFeasible.excess.unassigned - 1e-9)
      return false;
    this.bestFeasible = individual;
    return true;
  }
}

function weightsOf(w: PenaltyWeights): number[] {
  return [w.load, w.time, w.distance, w.tasks];
}
