import type { LabelChain, Labels } from './labels';

/** Stands for a label not yet made, in compareNew. */
const NEW = -2;

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
    return this.compareCollected(this.collect(chain, x, 'a'), this.collect(chain, y, 'b'));
  }

  /**
   * As compare, for a label not yet made (the one that would extend label `parent` by
   * `leg`) against label `y` of the same search. Both chains lead back to the labels
   * they share; the legs just after the last of those decide. The chains are climbed
   * (Labels.depth says how far), writing nothing: this is the case of the hot loop.
   */
  compareNew(labels: Labels, parent: number, leg: number, y: number): number {
    const { parent: parents, leg: legs, depth } = labels;
    // x walks the new label's chain; NEW stands for the label not yet made.
    const depthX = depth[parent] + 1;
    const depthY = depth[y];
    let x = NEW;
    for (let d = depthX; d > depthY; d--) x = x === NEW ? parent : parents[x];
    for (let d = depthY; d > depthX; d--) y = parents[y];
    // One chain holds the other: the shorter list of legs comes first.
    if (x === y) return depthX - depthY;
    for (;;) {
      const px = x === NEW ? parent : parents[x];
      const py = parents[y];
      if (px === py) break;
      x = px;
      y = py;
    }
    return this.legRank[x === NEW ? leg : legs[x]] - this.legRank[legs[y]];
  }

  private compareCollected(lengthX: number, lengthY: number): number {
    const { a, b } = this;
    // Collected from the last leg back: the first legs are at the ends.
    for (let i = lengthX - 1, j = lengthY - 1; i >= 0 && j >= 0; i--, j--) {
      if (a[i] !== b[j]) return a[i] - b[j];
    }
    return lengthX - lengthY;
  }

  /** The ranks of the legs of label `id`'s route, last leg first, into scratch array `into`; returns how many. */
  private collect(chain: LabelChain, id: number, into: 'a' | 'b'): number {
    let n = 0;
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
