/**
 * Min-cost flow by cost scaling (Goldberg's push-relabel with epsilon scaling,
 * as in CS2) on the restricted transportation network. Nodes: groups (supply =
 * members), capacity slots (facility x sex), one "unplaced" node and the sink.
 * Arcs: group -> slot (an ArcStore arc), group -> unplaced (only when beds are
 * short), slot -> sink (capacity = beds), unplaced -> sink (capacity = people -
 * maxPlaceable, so exactly that many stay unplaced in every feasible flow; the
 * unplaced arcs cost 0, a constant shift).
 *
 * Costs are integers: round(cost x 100) (hundredths of a km-weight), times the
 * node count n, so a flow that is 1-optimal in these units is exactly optimal for
 * the rounded costs. No per-unit shortest paths: each scaling phase moves whole
 * excesses along admissible arcs, which is why this scales where successive
 * shortest paths did not. Prices survive between rounds (warm start): after new
 * arcs are added, scaling restarts from the largest violation only.
 */
import type { ArcStore, Duals } from "./arcs.js";
import { groupCount, groupSupply, type Prepared } from "./prepare.js";

const ALPHA = 10;
export const COST_UNITS = 100;
const EXACT_NODES = 20_000;

export class CostScalingFlow {
  private readonly groups: number;
  private readonly slots: number;
  private readonly unplacedNode: number;
  private readonly sink: number;
  private readonly nodes: number;
  private readonly scale: number;
  /** Structural arcs: group -> unplaced (if any), slot -> sink, unplaced -> sink; then one per ArcStore arc. */
  private tail = new Int32Array(0);
  private head = new Int32Array(0);
  private capacity = new Int32Array(0);
  private cost = new Float64Array(0);
  private flow = new Int32Array(0);
  private structural = 0;
  private synced = 0;
  // Residual graph in CSR, rebuilt when arcs are added.
  private first = new Int32Array(0);
  private to = new Int32Array(0);
  private residual = new Int32Array(0);
  private rcost = new Float64Array(0);
  private partner = new Int32Array(0);
  /** Residual entry -> structural/original arc index (forward entries only; -1 for reverse). */
  private origin = new Int32Array(0);
  readonly price: Float64Array;
  private readonly excess: Float64Array;
  private cold = true;
  pushes = 0;
  relabels = 0;

  constructor(
    private readonly p: Prepared,
    private readonly arcs: ArcStore,
    private readonly unplacedCount: number,
  ) {
    this.groups = groupCount(p);
    this.slots = p.capacity.length;
    this.unplacedNode = this.groups + this.slots;
    this.sink = this.unplacedNode + 1;
    this.nodes = this.sink + 1;
    // Exact for the rounded costs (x n) on small networks; on large ones a 1-optimal flow in hundredths is
    // within nodes/100 cost units of the restricted optimum (~1e-5 %), and skips log(n) scaling phases.
    this.scale = COST_UNITS * (this.nodes <= EXACT_NODES ? this.nodes : 1);
    this.price = new Float64Array(this.nodes);
    this.excess = new Float64Array(this.nodes);
    for (let g = 0; g < this.groups; g++) this.excess[g] = groupSupply(p, g);
    this.excess[this.sink] = -p.instance.people.length;
    const base: [number, number, number][] = [];
    if (unplacedCount > 0) {
      for (let g = 0; g < this.groups; g++) base.push([g, this.unplacedNode, groupSupply(p, g)]);
      base.push([this.unplacedNode, this.sink, unplacedCount]);
    }
    for (let s = 0; s < this.slots; s++)
      if (p.capacity[s] > 0) base.push([this.groups + s, this.sink, p.capacity[s]]);
    this.structural = base.length;
    this.grow(base.length + arcs.length);
    base.forEach(([u, v, c], i) => {
      this.tail[i] = u;
      this.head[i] = v;
      this.capacity[i] = c;
    });
    this.syncArcs();
  }

  private grow(size: number): void {
    if (size <= this.tail.length) return;
    const n = Math.max(size, Math.ceil(this.tail.length * 1.5));
    const extend = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(n);
      b.set(a);
      return b;
    };
    this.tail = extend(this.tail);
    this.head = extend(this.head);
    this.capacity = extend(this.capacity);
    this.cost = extend(this.cost);
    this.flow = extend(this.flow);
  }

  /** Take in ArcStore arcs added since the last call and rebuild the residual graph (flows are kept). */
  syncArcs(): void {
    const { p, arcs } = this;
    this.grow(this.structural + arcs.length);
    for (let a = this.synced; a < arcs.length; a++) {
      const i = this.structural + a;
      const g = arcs.group[a];
      const sexOffset = p.classes[p.groupClass[g]].sex === "female" ? 1 : 0;
      this.tail[i] = g;
      this.head[i] = this.groups + arcs.facility[a] * 2 + sexOffset;
      this.capacity[i] = groupSupply(p, g);
      this.cost[i] = Math.round(arcs.cost[a] * COST_UNITS) * (this.scale / COST_UNITS);
    }
    this.synced = arcs.length;
    this.rebuild();
  }

  private rebuild(): void {
    const m = this.structural + this.synced;
    const first = new Int32Array(this.nodes + 1);
    for (let i = 0; i < m; i++) {
      first[this.tail[i] + 1]++;
      first[this.head[i] + 1]++;
    }
    for (let v = 0; v < this.nodes; v++) first[v + 1] += first[v];
    const fill = first.slice(0, this.nodes);
    this.to = new Int32Array(2 * m);
    this.residual = new Int32Array(2 * m);
    this.rcost = new Float64Array(2 * m);
    this.partner = new Int32Array(2 * m);
    this.origin = new Int32Array(2 * m);
    for (let i = 0; i < m; i++) {
      const u = this.tail[i];
      const v = this.head[i];
      const a = fill[u]++;
      const b = fill[v]++;
      this.to[a] = v;
      this.to[b] = u;
      this.residual[a] = this.capacity[i] - this.flow[i];
      this.residual[b] = this.flow[i];
      this.rcost[a] = this.cost[i];
      this.rcost[b] = -this.cost[i];
      this.partner[a] = b;
      this.partner[b] = a;
      this.origin[a] = i;
      this.origin[b] = -1;
    }
    this.first = first;
  }

  /**
   * Scale down to an exactly optimal flow for the current arcs. Returns false if
   * the deadline (performance.now() ms) passed first; the flow is then unusable.
   */
  solve(deadline: number): boolean {
    let eps: number;
    if (this.cold) {
      let maxCost = 1;
      for (let i = 0; i < this.rcost.length; i++) if (this.rcost[i] > maxCost) maxCost = this.rcost[i];
      eps = maxCost;
      this.cold = false;
    } else {
      eps = this.maxViolation();
      if (eps < 1) return true;
    }
    do {
      eps = Math.max(1, Math.floor(eps / ALPHA));
      if (!this.refine(eps, deadline)) {
        this.cold = true; // the pseudoflow is not a flow; a later call must not warm-start from it
        return false;
      }
    } while (eps > 1);
    this.writeBack();
    return true;
  }

  private maxViolation(): number {
    let worst = 0;
    const { first, to, residual, rcost, price } = this;
    for (let u = 0; u < this.nodes; u++) {
      const pu = price[u];
      for (let a = first[u]; a < first[u + 1]; a++) {
        if (residual[a] > 0) {
          const rc = rcost[a] + pu - price[to[a]];
          if (-rc > worst) worst = -rc;
        }
      }
    }
    return worst;
  }

  /** One scaling phase: saturate every arc violating eps-optimality, then push/relabel until no excess. */
  private refine(eps: number, deadline: number): boolean {
    const { first, to, residual, rcost, partner, price, excess, nodes } = this;
    for (let u = 0; u < nodes; u++) {
      const pu = price[u];
      for (let a = first[u]; a < first[u + 1]; a++) {
        const r = residual[a];
        // Only arcs violating eps-optimality: a warm start keeps its (1-optimal) flow instead of re-saturating it.
        if (r > 0 && rcost[a] + pu - price[to[a]] < -eps) {
          residual[a] = 0;
          residual[partner[a]] += r;
          excess[u] -= r;
          excess[to[a]] += r;
        }
      }
    }
    const current = first.slice(0, nodes);
    const queue = new Int32Array(nodes + 1);
    const queued = new Uint8Array(nodes);
    let qHead = 0;
    let qTail = 0;
    let queuedCount = 0;
    for (let u = 0; u < nodes; u++)
      if (excess[u] > 0) {
        queue[qTail++] = u;
        queued[u] = 1;
        queuedCount++;
      }
    let sinceCheck = 0;
    while (queuedCount > 0) {
      const u = queue[qHead];
      qHead = qHead === nodes ? 0 : qHead + 1;
      queued[u] = 0;
      queuedCount--;
      if (++sinceCheck === 4096) {
        sinceCheck = 0;
        if (performance.now() > deadline) return false;
      }
      const end = first[u + 1];
      while (excess[u] > 0) {
        let pu = price[u];
        let a = current[u];
        for (; a < end; a++) {
          const r = residual[a];
          if (r === 0) continue;
          const v = to[a];
          if (rcost[a] + pu - price[v] >= 0) continue;
          const delta = Math.min(excess[u], r);
          residual[a] = r - delta;
          residual[partner[a]] += delta;
          excess[u] -= delta;
          excess[v] += delta;
          this.pushes++;
          if (excess[v] > 0 && queued[v] === 0) {
            queue[qTail] = v;
            qTail = qTail === nodes ? 0 : qTail + 1;
            queued[v] = 1;
            queuedCount++;
          }
          if (excess[u] === 0) break;
        }
        current[u] = a;
        if (excess[u] === 0) break;
        // Relabel: lower u's price just enough that its best residual arc becomes admissible.
        let best = Number.NEGATIVE_INFINITY;
        for (let b = first[u]; b < end; b++) {
          if (residual[b] === 0) continue;
          const candidate = price[to[b]] - rcost[b];
          if (candidate > best) best = candidate;
        }
        pu = best - eps;
        price[u] = pu;
        current[u] = first[u];
        this.relabels++;
      }
    }
    return true;
  }

  private writeBack(): void {
    const { origin, residual, partner } = this;
    for (let a = 0; a < origin.length; a++) {
      const i = origin[a];
      if (i >= 0) this.flow[i] = residual[partner[a]];
    }
  }

  /** Rounded-cost optimum is the real-cost plan's cost up to rounding; callers recompute it exactly. */
  placement(): Int32Array {
    const p = this.p;
    const placed = new Int32Array(p.instance.people.length).fill(-1);
    const next = p.memberStart.slice(0, this.groups);
    for (let a = 0; a < this.synced; a++) {
      const x = this.flow[this.structural + a];
      const g = this.arcs.group[a];
      for (let k = 0; k < x; k++) placed[p.members[next[g]++]] = this.arcs.facility[a];
    }
    return placed;
  }

  /** Real cost of the current flow (the arcs' float costs, not the rounded ones). */
  realCost(): number {
    let total = 0;
    for (let a = 0; a < this.synced; a++) total += this.flow[this.structural + a] * this.arcs.cost[a];
    return total;
  }

  /**
   * LP duals in cost units: y_g = (pi_sink - pi_g), z_s = min(0, pi_s - pi_sink),
   * w = pi_unplaced - pi_sink. Any z <= 0 and w give a valid Lagrangian bound (priceAndBound
   * recomputes y from them), so rounding can only weaken the bound, never make it invalid.
   */
  duals(): Duals {
    const { price, scale, groups, sink } = this;
    const group = new Float64Array(groups);
    for (let g = 0; g < groups; g++) group[g] = (price[sink] - price[g]) / scale;
    const slot = new Float64Array(this.slots);
    for (let s = 0; s < this.slots; s++) slot[s] = Math.min(0, (price[groups + s] - price[sink]) / scale);
    const unplaced = this.unplacedCount > 0 ? (price[this.unplacedNode] - price[sink]) / scale : null;
    return { group, slot, unplaced };
  }
}
