import type { LabelChain } from './labels';

/**
 * The routing rules' last tie-break (docs/api.md, Ties): of two routes still tied, the one whose list of leg
 * ids is smaller, compared id by id as strings, a prefix first. Two routes from one
 * origin to one hub are both simple, so neither is a prefix of the other, and the
 * order of their prefixes is the order of any common extension: a label that loses
 * on its legs at a hub loses everywhere after it.
 *
 * Compares labels by walking their chains back to the origin, using each leg's rank
 * among the network's leg ids (NetworkIndex.legRank). Not re-entrant: it owns its
 * scratch arrays.
 */
export class PathOrder {
  private a = new Int32Array(32);
  private b = new Int32Array(32);

  constructor(private readonly legRank: Int32Array) {}

  /** Negative when the route of label x comes first, positive when y's does, 0 for the same legs. */
  compare(chain: LabelChain, x: number, y: number): number {
    if (x === y) return 0;
    return this.compareCollected(this.collect(chain, x, 'a', 0), this.collect(chain, y, 'b', 0));
  }

  /** As compare, for a label not yet made: the one that would extend label `parent` by `leg`. */
  compareNew(chain: LabelChain, parent: number, leg: number, y: number): number {
    this.a[0] = this.legRank[leg];
    return this.compareCollected(this.collect(chain, parent, 'a', 1), this.collect(chain, y, 'b', 0));
  }

  private compareCollected(lengthX: number, lengthY: number): number {
    const { a, b } = this;
    // Collected from the last leg back: the first legs are at the ends.
    for (let i = lengthX - 1, j = lengthY - 1; i >= 0 && j >= 0; i--, j--) {
      if (a[i] !== b[j]) return a[i] - b[j];
    }
    return lengthX - lengthY;
  }

  /** The ranks of the legs of label `id`'s route, last leg first, into scratch array `into` from `from`; returns how many in all. */
  private collect(chain: LabelChain, id: number, into: 'a' | 'b', from: number): number {
    let n = from;
    for (let x = id; chain.parent[x] >= 0; x = chain.parent[x]) {
      if (n === this[into].length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(this[into]);
        this[into] = bigger;
      }
      this[into][n++] = this.legRank[chain.leg[x]];
    }
    return n;
  }
}
