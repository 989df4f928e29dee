/**
 * How many people can be placed at all: a max flow from constraint classes
 * (supply = people in the class) to facility-sex slots (capacity = beds). Feasibility
 * depends only on the class, so this graph is small (classes x facilities).
 */
import { type Prepared, slotOf } from "./prepare.js";

class FlowGraph {
  readonly head: number[];
  readonly to: number[] = [];
  readonly cap: number[] = [];
  readonly next: number[] = [];
  constructor(readonly nodes: number) {
    this.head = new Array(nodes).fill(-1);
  }
  addEdge(u: number, v: number, c: number): number {
    const e = this.to.length;
    this.to.push(v, u);
    this.cap.push(c, 0);
    this.next.push(this.head[u], this.head[v]);
    this.head[u] = e;
    this.head[v] = e + 1;
    return e;
  }
  /** Dinic's algorithm. */
  maxFlow(s: number, t: number): number {
    let flow = 0;
    const level = new Int32Array(this.nodes);
    const it = new Int32Array(this.nodes);
    const bfs = (): boolean => {
      level.fill(-1);
      level[s] = 0;
      const queue = [s];
      for (let q = 0; q < queue.length; q++) {
        const u = queue[q];
        for (let e = this.head[u]; e !== -1; e = this.next[e]) {
          if (this.cap[e] > 0 && level[this.to[e]] < 0) {
            level[this.to[e]] = level[u] + 1;
            queue.push(this.to[e]);
          }
        }
      }
      return level[t] >= 0;
    };
    const dfs = (u: number, pushed: number): number => {
      if (u === t) return pushed;
      for (; it[u] !== -1; it[u] = this.next[it[u]]) {
        const e = it[u];
        const v = this.to[e];
        if (this.cap[e] > 0 && level[v] === level[u] + 1) {
          const got = dfs(v, Math.min(pushed, this.cap[e]));
          if (got > 0) {
            this.cap[e] -= got;
            this.cap[e ^ 1] += got;
            return got;
          }
        }
      }
      return 0;
    };
    while (bfs()) {
      for (let i = 0; i < this.nodes; i++) it[i] = this.head[i];
      for (let f = dfs(s, Number.POSITIVE_INFINITY); f > 0; f = dfs(s, Number.POSITIVE_INFINITY)) flow += f;
    }
    return flow;
  }
}

export interface MaxPlacement {
  /** Most people that can be placed under the hard constraints. */
  total: number;
  /** One witness: [class, slot, people] triples of a maximum placement. */
  flows: [number, number, number][];
}

export function maxPlacement(p: Prepared): MaxPlacement {
  const classes = p.classes.length;
  const slots = p.capacity.length;
  const source = classes + slots;
  const sink = source + 1;
  const graph = new FlowGraph(sink + 1);
  for (let s = 0; s < slots; s++) if (p.capacity[s] > 0) graph.addEdge(classes + s, sink, p.capacity[s]);
  const arcs: [number, number, number][] = [];
  p.classes.forEach((c, ci) => {
    graph.addEdge(source, ci, c.people);
    for (const f of c.feasible) {
      const slot = slotOf(f, c.sex);
      arcs.push([ci, slot, graph.addEdge(ci, classes + slot, c.people)]);
    }
  });
  const total = graph.maxFlow(source, sink);
  const flows: [number, number, number][] = [];
  for (const [ci, slot, e] of arcs) {
    const used = graph.cap[e ^ 1];
    if (used > 0) flows.push([ci, slot, used]);
  }
  return { total, flows };
}
