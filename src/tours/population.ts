/**
 * HGS's population (Vidal et al. 2012; HGS-CVRP 2022 §3): a feasible and an
 * infeasible subpopulation. Each individual is ranked by its penalised cost and by
 * its diversity contribution (mean broken-pairs distance to its `nbClose` closest),
 * and its biased fitness is fitRank + (1 − nbElite / size) · diversityRank. When a
 * subpopulation reaches μ + λ, clones and then the worst biased fitness go until μ
 * remain. Parents are chosen by binary tournament on biased fitness.
 */
import type { Rng } from '../synthetic/prng';
import type { Individual } from './individual';
import type { PenaltyWeights } from './penalties';

export interface PopulationParams {
  /** μ: the size a subpopulation is cut down to. @defaultValue 25 */
  minSize: number;
  /** λ: how many it grows by before survivors are selected. @defaultValue 40 */
  generationSize: number;
  /** @defaultValue 4 */
  nbElite: number;
  /** @defaultValue 5 */
  nbClose: number;
}

export const DEFAULT_POPULATION: PopulationParams = { minSize: 25, generationSize: 40, nbElite: 4, nbClose: 5 };

class SubPopulation {
  readonly members: Individual[] = [];
  /** For each member, the distances to the others, ascending. */
  readonly proximity = new Map<Individual, { distance: number; other: Individual }[]>();
  readonly fitness = new Map<Individual, number>();

  constructor(private readonly params: PopulationParams) {}

  add(individual: Individual): void {
    const mine: { distance: number; other: Individual }[] = [];
    for (const other of this.members) {
      const distance = individual.distanceTo(other);
      insertSorted(mine, { distance, other });
      insertSorted(this.proximity.get(other) as { distance: number; other: Individual }[], {
        distance,
        other: individual,
      });
    }
    this.proximity.set(individual, mine);
    this.members.push(individual);
    this.members.sort((a, b) => a.penalised - b.penalised);
    if (this.members.length >= this.params.minSize + this.params.generationSize) {
      while (this.members.length > this.params.minSize) this.removeWorst();
    }
  }

  resort(): void {
    this.members.sort((a, b) => a.penalised - b.penalised);
  }

  updateFitness(): void {
    const size = this.members.length;
    if (size === 1) {
      this.fitness.set(this.members[0], 0);
      return;
    }
    const diversity = this.members.map((member, rank) => ({
      member,
      rank,
      contribution: this.averageCloseness(member),
    }));
    diversity.sort((a, b) => b.contribution - a.contribution);
    const eliteFactor = 1 - this.params.nbElite / size;
    diversity.forEach((entry, divRank) => {
      this.fitness.set(entry.member, entry.rank / (size - 1) + eliteFactor * (divRank / (size - 1)));
    });
  }

  private averageCloseness(member: Individual): number {
    const list = this.proximity.get(member) as { distance: number }[];
    const count = Math.min(this.params.nbClose, list.length);
    let sum = 0;
    for (let i = 0; i < count; i++) sum += list[i].distance;
    return count ? sum / count : 0;
  }

  private removeWorst(): void {
    this.updateFitness();
    let worst = -1;
    let worstClone = false;
    let worstFitness = -Infinity;
    // The best one (rank 0) always stays.
    for (let i = 1; i < this.members.length; i++) {
      const member = this.members[i];
      const list = this.proximity.get(member) as { distance: number }[];
      const clone = list.length > 0 && list[0].distance === 0;
      const fitness = this.fitness.get(member) as number;
      if ((clone && !worstClone) || (clone === worstClone && fitness > worstFitness)) {
        worst = i;
        worstClone = clone;
        worstFitness = fitness;
      }
    }
    const [gone] = this.members.splice(worst, 1);
    this.proximity.delete(gone);
    this.fitness.delete(gone);
    for (const list of this.proximity.values()) {
      const at = list.findIndex((entry) => entry.other === gone);
      if (at >= 0) list.splice(at, 1);
    }
  }
}

function insertSorted(
  list: { distance: number; other: Individual }[],
  entry: { distance: number; other: Individual },
): void {
  let at = list.length;
  while (at > 0 && list[at - 1].distance > entry.distance) at--;
  list.splice(at, 0, entry);
}

export class Population {
  readonly feasible: SubPopulation;
  readonly infeasible: SubPopulation;

  constructor(params: PopulationParams = DEFAULT_POPULATION) {
    this.feasible = new SubPopulation(params);
    this.infeasible = new SubPopulation(params);
  }

  get size(): number {
    return this.feasible.members.length + this.infeasible.members.length;
  }

  add(individual: Individual): void {
    (individual.feasible ? this.feasible : this.infeasible).add(individual);
  }

  /** New penalty weights change the infeasible individuals' costs and order. */
  reweigh(weights: PenaltyWeights): void {
    for (const member of this.infeasible.members) member.reweigh(weights);
    this.infeasible.resort();
  }

  /** Binary tournament on biased fitness over both subpopulations. */
  select(rng: Rng): Individual {
    this.feasible.updateFitness();
    this.infeasible.updateFitness();
    const pick = (): [Individual, number] => {
      const i = rng.int(0, this.size - 1);
      const sub = i < this.feasible.members.length ? this.feasible : this.infeasible;
      const member = sub.members[i < this.feasible.members.length ? i : i - this.feasible.members.length];
      return [member, sub.fitness.get(member) as number];
    };
    const [a, fa] = pick();
    const [b, fb] = pick();
    return fa <= fb ? a : b;
  }

  clear(): void {
    for (const sub of [this.feasible, this.infeasible]) {
      sub.members.length = 0;
      sub.proximity.clear();
      sub.fitness.clear();
    }
  }
}
