/**
 * Min-cost flow on the restricted transportation network, in plain TypeScript
 * (successive shortest paths with node potentials). Nodes: groups (supply =
 * members), capacity slots (facility x sex) plus one "unplaced" slot of capacity
 * people - maxPlaceable, and a sink taking everyone. Every group has an arc to
 * the unplaced slot; its cost is one constant for all groups, so it shifts the
 * objective by a constant (exactly that many people are unplaced in every
 * maximum placement) and we pick it no cheaper than any group's cheapest bed,
 * which makes the cold start (everyone at their cheapest arc) nearly feasible.
 *
 * Reduced cost of a residual arc u->v: c(u,v) + pi(u) - pi(v) >= 0 (kept by
 * Dijkstra), and node imbalances (over-full slots; the sink short of people)
 * are removed by shortest-path augmentation. When no imbalance is left the flow
 * is optimal for the arcs it has, and the potentials are LP duals (see duals()).
 */
import type { ArcStore, Duals } from "./arcs.js";
import { MinHeap } from "./min-heap.js";
import { groupCount, groupSupply, type Prepared } from "./prepare.js";

const FORWARD = 0; // group -> slot along an arc
const BACKWARD = 1; // slot -> group, undoing flow on an arc
const TO_SINK = 2;
const FROM_SINK = 3;

export class TransportFlow {
  readonly groups: number;
  /** Real slots (facility * 2 + female), then the unplaced slot. */
  readonly slots: number;
  readonly sink: number;
  /** Internal arcs: the `dummies` unplaced arcs (one per group when someone must stay unplaced), then ArcStore arcs. */
  private readonly dummies: number;
  private readonly dummyCost: number;
  private arcGroup = new Int32Array(0);
  private arcSlot = new Int32Array(0);
  private arcCost = new Float64Array(0);
  private flow = new Float64Array(0);
  private groupArcStart: Int32Array = new Int32Array(0);
  private groupArcs: Int32Array = new Int32Array(0);
  private slotArcStart: Int32Array = new Int32Array(0);
  private slotArcs: Int32Array = new Int32Array(0);
  private readonly cap: Float64Array;
  private readonly load: Float64Array;
  private readonly toSink: Float64Array;
  private sinkInflow = 0;
  private readonly demand: number;
  readonly potential: Float64Array;
  private synced = 0;
  /** Shortest-path augmentations performed so far. */
  augmentations = 0;
  settledTotal = 0;

  // Dijkstra scratch, reset through `touched`.
  private readonly dist: Float64Array;
  private readonly predKind: Int8Array;
  private readonly predArc: Int32Array;
  private readonly settled: Uint8Array;
  private readonly touched: number[] = [];
  private readonly heap = new MinHeap();

  constructor(
    private readonly p: Prepared,
    private readonly arcs: ArcStore,
    unplacedCount: number,
    pricingPasses = 60,
  ) {
    this.groups = groupCount(p);
    this.slots = p.capacity.length + 1;
    this.sink = this.groups + this.slots;
    this.dummies = unplacedCount > 0 ? this.groups : 0;
    this.cap = new Float64Array(this.slots);
    this.cap.set(p.capacity);
    this.cap[this.slots - 1] = unplacedCount;
    this.load = new Float64Array(this.slots);
    this.toSink = new Float64Array(this.slots);
    this.demand = p.instance.people.length;
    const nodes = this.sink + 1;
    this.potential = new Float64Array(nodes);
    this.dist = new Float64Array(nodes).fill(Number.POSITIVE_INFINITY);
    this.predKind = new Int8Array(nodes);
    this.predArc = new Int32Array(nodes);
    this.settled = new Uint8Array(nodes);
    let maxCheapest = 0;
    const cheapest = new Float64Array(this.groups).fill(Number.POSITIVE_INFINITY);
    for (let a = 0; a < arcs.length; a++) {
      const g = arcs.group[a];
      if (arcs.cost[a] < cheapest[g]) cheapest[g] = arcs.cost[a];
    }
    for (let g = 0; g < this.groups; g++)
      if (cheapest[g] < Infinity) maxCheapest = Math.max(maxCheapest, cheapest[g]);
    this.dummyCost = maxCheapest;
    this.sync();
    this.coldStart(pricingPasses);
  }

  private slotOfArc(a: number): number {
    const f = this.arcs.facility[a];
    const g = this.arcs.group[a];
    return f * 2 + (this.p.classes[this.p.groupClass[g]].sex === "female" ? 1 : 0);
  }

  /** Takes in arcs added to the ArcStore since the last call and rebuilds the adjacency lists. */
  private sync(): void {
    const total = this.dummies + this.arcs.length;
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(total);
      next.set(old);
      return next;
    };
    this.arcGroup = grow(this.arcGroup, (n) => new Int32Array(n));
    this.arcSlot = grow(this.arcSlot, (n) => new Int32Array(n));
    this.arcCost = grow(this.arcCost, (n) => new Float64Array(n));
    this.flow = grow(this.flow, (n) => new Float64Array(n));
    for (let i = this.synced; i < total; i++) {
      if (i < this.dummies) {
        this.arcGroup[i] = i;
        this.arcSlot[i] = this.slots - 1;
        this.arcCost[i] = this.dummyCost;
      } else {
        const a = i - this.dummies;
        this.arcGroup[i] = this.arcs.group[a];
        this.arcSlot[i] = this.slotOfArc(a);
        this.arcCost[i] = this.arcs.cost[a];
      }
    }
    this.synced = total;
    [this.groupArcStart, this.groupArcs] = csr(this.arcGroup, this.groups);
    [this.slotArcStart, this.slotArcs] = csr(this.arcSlot, this.slots);
  }

  /**
   * Cold start: slot prices z <= 0 from a few congestion-pricing passes (a slot
   * wanted by more people than it has beds gets dearer, a slot with spare beds
   * cheaper, never above 0), then every group on its cheapest arc at those prices.
   * Any z <= 0 gives reduced costs >= 0 if slots with z < 0 send all their beds to
   * the sink; the prices only make the imbalances left for the shortest paths small.
   */
  private coldStart(pricingPasses: number): void {
    const { groupArcStart, groupArcs, arcCost, arcSlot, potential, cap } = this;
    const G = this.groups;
    const realSlots = this.slots - 1;
    const wanted = new Float64Array(this.slots);
    const cheapestArc = (g: number) => {
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      for (let k = groupArcStart[g]; k < groupArcStart[g + 1]; k++) {
        const a = groupArcs[k];
        const c = arcCost[a] - potential[G + arcSlot[a]];
        if (c < bestCost) {
          bestCost = c;
          best = a;
        }
      }
      if (best < 0) throw new Error(`group ${g} has no arc`);
      return best;
    };
    // Steps in cost units, shrinking geometrically: a few % of the typical cheapest cost.
    let step = 0.05 * Math.max(1, this.dummyCost) * 0.2;
    for (let pass = 0; pass < pricingPasses; pass++, step *= 0.95) {
      wanted.fill(0);
      for (let g = 0; g < G; g++) wanted[arcSlot[cheapestArc(g)]] += groupSupply(this.p, g);
      for (let s = 0; s < realSlots; s++) {
        const pressure = Math.max(-1, Math.min(1, (wanted[s] - cap[s]) / Math.max(1, cap[s])));
        potential[G + s] = Math.min(0, potential[G + s] - step * pressure);
      }
    }
    for (let g = 0; g < G; g++) {
      const best = cheapestArc(g);
      this.flow[best] = groupSupply(this.p, g);
      this.load[arcSlot[best]] += this.flow[best];
      potential[g] = potential[G + arcSlot[best]] - arcCost[best];
    }
    for (let s = 0; s < this.slots; s++) {
      // Complementary slackness on slot -> sink: a priced slot (z < 0) must be full.
      this.toSink[s] = potential[G + s] < 0 ? cap[s] : Math.min(this.load[s], cap[s]);
      this.sinkInflow += this.toSink[s];
    }
  }

  /**
   * Adds the ArcStore's new arcs. A group offered an arc with negative reduced cost moves
   * all its members onto its best arc (its potential drops to make that arc tight); the
   * slots it leaves or overfills become imbalances for the next solve().
   */
  addNewArcs(): void {
    if (this.dummies + this.arcs.length === this.synced) return;
    this.sync();
    const { groupArcStart, groupArcs, arcCost, arcSlot, potential, flow } = this;
    for (let g = 0; g < this.groups; g++) {
      let best = -1;
      let bestRc = 0;
      for (let k = groupArcStart[g]; k < groupArcStart[g + 1]; k++) {
        const a = groupArcs[k];
        const rc = arcCost[a] + potential[g] - potential[this.groups + arcSlot[a]];
        if (rc < bestRc) {
          bestRc = rc;
          best = a;
        }
      }
      if (best < 0 || bestRc > -1e-9) continue;
      for (let k = groupArcStart[g]; k < groupArcStart[g + 1]; k++) {
        const a = groupArcs[k];
        this.load[arcSlot[a]] -= flow[a];
        flow[a] = 0;
      }
      flow[best] = groupSupply(this.p, g);
      this.load[arcSlot[best]] += flow[best];
      potential[g] -= bestRc;
    }
  }

  private excess(node: number): number {
    if (node < this.groups) return 0; // a group always ships all its members
    if (node === this.sink) return this.sinkInflow - this.demand;
    const s = node - this.groups;
    return this.load[s] - this.toSink[s];
  }

  /**
   * Removes every imbalance by successive shortest paths: for each over-full node, a
   * Dijkstra to the nearest node short of flow, then one augmentation along that path.
   * Returns false when the deadline (performance.now() ms) passed first; the flow is
   * then not yet feasible.
   */
  solve(deadline: number): boolean {
    for (;;) {
      let progressed = false;
      for (let node = this.groups; node <= this.sink; node++) {
        while (this.excess(node) > 0.5) {
          if (performance.now() > deadline) return false;
          this.pushPath(this.dijkstra(node));
          progressed = true;
        }
      }
      if (!progressed) return true;
    }
  }

  /**
   * Dijkstra over residual arcs (reduced costs >= 0) from `source` to the nearest node short of
   * flow; settled nodes' potentials are lifted so the path found has reduced cost 0 and every
   * residual reduced cost stays >= 0.
   */
  private dijkstra(source: number): number {
    const { dist, potential, heap, settled, touched, predKind, predArc } = this;
    const { groupArcStart, groupArcs, slotArcStart, slotArcs, arcSlot, arcGroup, arcCost, flow } = this;
    const G = this.groups;
    const sink = this.sink;
    for (const v of touched) {
      dist[v] = Number.POSITIVE_INFINITY;
      settled[v] = 0;
    }
    touched.length = 0;
    const relax = (v: number, d: number, kind: number, arc: number) => {
      if (d >= dist[v]) return;
      if (dist[v] === Number.POSITIVE_INFINITY) touched.push(v);
      dist[v] = d;
      predKind[v] = kind;
      predArc[v] = arc;
      heap.push(d, v);
    };
    heap.clear();
    relax(source, 0, -1, -1);
    const settledList: number[] = [];
    let first = -1;
    let reach = 0;
    while (heap.size > 0) {
      const d = heap.topKey();
      const u = heap.pop();
      if (settled[u] || d > dist[u]) continue;
      settled[u] = 1;
      settledList.push(u);
      this.settledTotal++;
      reach = d;
      if (this.excess(u) < -0.5) {
        first = u;
        break;
      }
      const pu = potential[u];
      if (u < G) {
        for (let k = groupArcStart[u]; k < groupArcStart[u + 1]; k++) {
          const a = groupArcs[k];
          const v = G + arcSlot[a];
          const rc = arcCost[a] + pu - potential[v];
          relax(v, d + (rc > 0 ? rc : 0), FORWARD, a);
        }
      } else if (u < sink) {
        const s = u - G;
        for (let k = slotArcStart[s]; k < slotArcStart[s + 1]; k++) {
          const a = slotArcs[k];
          if (flow[a] <= 0) continue;
          const g = arcGroup[a];
          const rc = pu - arcCost[a] - potential[g];
          relax(g, d + (rc > 0 ? rc : 0), BACKWARD, a);
        }
        if (this.toSink[s] < this.cap[s]) {
          const rc = pu - potential[sink];
          relax(sink, d + (rc > 0 ? rc : 0), TO_SINK, s);
        }
      } else {
        for (let s = 0; s < this.slots; s++) {
          if (this.toSink[s] <= 0) continue;
          const rc = pu - potential[G + s];
          relax(G + s, d + (rc > 0 ? rc : 0), FROM_SINK, s);
        }
      }
    }
    if (first < 0) throw new Error("min-cost flow: no augmenting path (restricted network infeasible)");
    for (const v of settledList) potential[v] += dist[v] - reach;
    return first;
  }

  /** The node an arc of the given kind leaves from (kind/arc as in predKind/predArc of the node it enters). */
  private tail(kind: number, a: number): number {
    if (kind === FORWARD) return this.arcGroup[a];
    if (kind === BACKWARD) return this.groups + this.arcSlot[a];
    if (kind === TO_SINK) return this.groups + a;
    return this.sink;
  }

  private residual(kind: number, a: number): number {
    if (kind === FORWARD) return Number.POSITIVE_INFINITY;
    if (kind === BACKWARD) return this.flow[a];
    if (kind === TO_SINK) return this.cap[a] - this.toSink[a];
    return this.toSink[a];
  }

  private push(kind: number, a: number, delta: number): void {
    if (kind === FORWARD || kind === BACKWARD) {
      const signed = kind === FORWARD ? delta : -delta;
      this.flow[a] += signed;
      this.load[this.arcSlot[a]] += signed;
    } else {
      const signed = kind === TO_SINK ? delta : -delta;
      this.toSink[a] += signed;
      this.sinkInflow += signed;
    }
  }

  /** Pushes the bottleneck along the Dijkstra tree path into `target`. */
  private pushPath(target: number): void {
    const { predKind, predArc } = this;
    let source = target;
    let delta = -this.excess(target);
    while (predKind[source] !== -1) {
      delta = Math.min(delta, this.residual(predKind[source], predArc[source]));
      source = this.tail(predKind[source], predArc[source]);
    }
    delta = Math.min(delta, this.excess(source));
    for (let v = target; v !== source; v = this.tail(predKind[v], predArc[v])) {
      this.push(predKind[v], predArc[v], delta);
    }
    this.augmentations++;
  }

  /** Cost of the current flow on real arcs (the unplaced arcs' constant excluded). */
  cost(): number {
    let total = 0;
    for (let i = this.dummies; i < this.synced; i++) total += this.flow[i] * this.arcCost[i];
    return total;
  }

  /** LP duals of the restricted problem, in the sign conventions of highs-lp.ts (slot duals <= 0). */
  duals(): Duals {
    const G = this.groups;
    const base = this.potential[this.sink];
    const group = new Float64Array(G);
    for (let g = 0; g < G; g++) group[g] = base - this.potential[g];
    const slot = new Float64Array(this.slots - 1);
    for (let s = 0; s < slot.length; s++) slot[s] = Math.min(0, this.potential[G + s] - base);
    const unplaced = this.dummies > 0 ? this.potential[G + this.slots - 1] - base - this.dummyCost : null;
    return { group, slot, unplaced };
  }

  /** Facility per person (-1 = unplaced), members of a group filling its arcs in order. */
  placement(): Int32Array {
    const p = this.p;
    const placed = new Int32Array(p.instance.people.length).fill(-1);
    const next = p.memberStart.slice(0, this.groups);
    for (let i = this.dummies; i < this.synced; i++) {
      const x = Math.round(this.flow[i]);
      const g = this.arcGroup[i];
      const f = this.arcs.facility[i - this.dummies];
      for (let k = 0; k < x; k++) placed[p.members[next[g]++]] = f;
    }
    return placed;
  }
}

/** Compressed adjacency: for each key, the indexes i with keys[i] = key. */
function csr(keys: Int32Array, count: number): [Int32Array, Int32Array] {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i] + 1]++;
  for (let k = 0; k < count; k++) start[k + 1] += start[k];
  const fill = start.slice(0, count);
  const items = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) items[fill[keys[i]]++] = i;
  return [start, items];
}
