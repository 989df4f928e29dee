/**
 * The restricted transportation LP in HiGHS (WebAssembly):
 *   min  sum c_a x_a
 *   s.t. group g:   sum_{a in g} x_a + u_g = supply_g      (dual y_g)
 *        slot s:    sum_{a in s} x_a       <= beds_s       (dual z_s <= 0)
 *        unplaced:  sum_g u_g               = n - maxPlaceable (dual w; only when beds are short)
 * The matrix is a bipartite incidence matrix (totally unimodular), so simplex
 * vertices are integral. Columns: the u_g first (when present), then arcs in
 * ArcStore order; new arcs are appended and the LP re-solved from the last basis.
 */
import highsModule, { type Highs, type Model } from "highs";
import type { ArcStore, Duals } from "./arcs.js";
import { groupCount, groupSupply, type Prepared } from "./prepare.js";

// The package ships CommonJS typings but an ESM build whose default export is the loader itself.
const loadHighs = ((highsModule as unknown as { default?: unknown }).default ??
  highsModule) as () => Promise<Highs>;

let runtime: Promise<Highs> | undefined;
/** One WebAssembly runtime per thread, loaded on first use. */
export function highs(): Promise<Highs> {
  if (!runtime) runtime = loadHighs();
  return runtime;
}

export interface LpSolution {
  /** Value of each arc's x, in ArcStore order. */
  arcValue: Float64Array;
  /** u_g per group (zeros when everyone can be placed). */
  unplacedValue: Float64Array;
  duals: Duals;
  objective: number;
}

export class RestrictedLp {
  private model: Model;
  private columnsInModel = 0;
  private readonly groups: number;
  private readonly slots: number;
  private readonly withUnplaced: boolean;

  constructor(
    private readonly h: Highs,
    private readonly p: Prepared,
    private readonly arcs: ArcStore,
    unplacedCount: number,
    timeLimitSeconds: number,
  ) {
    this.groups = groupCount(p);
    this.slots = p.capacity.length;
    this.withUnplaced = unplacedCount > 0;
    const rows = this.groups + this.slots + (this.withUnplaced ? 1 : 0);
    const inf = h.infinity;
    const rowLower = new Float64Array(rows);
    const rowUpper = new Float64Array(rows);
    for (let g = 0; g < this.groups; g++) rowLower[g] = rowUpper[g] = groupSupply(p, g);
    for (let s = 0; s < this.slots; s++) {
      rowLower[this.groups + s] = -inf;
      rowUpper[this.groups + s] = p.capacity[s];
    }
    if (this.withUnplaced) rowLower[rows - 1] = rowUpper[rows - 1] = unplacedCount;
    const u = this.withUnplaced ? this.groups : 0;
    const cols = u + arcs.length;
    const starts = new Int32Array(cols + 1);
    const indices = new Int32Array(cols * 2);
    const values = new Float64Array(cols * 2).fill(1);
    const colCost = new Float64Array(cols);
    for (let g = 0; g < u; g++) {
      starts[g + 1] = (g + 1) * 2;
      indices[g * 2] = g;
      indices[g * 2 + 1] = rows - 1;
    }
    this.fillArcColumns(0, arcs.length, u, starts, indices, colCost);
    this.model = h.createModel({
      numCols: cols,
      numRows: rows,
      colCost,
      colLower: new Float64Array(cols),
      colUpper: new Float64Array(cols).fill(inf),
      rowLower,
      rowUpper,
      matrix: { format: "csc", numRows: rows, numCols: cols, starts, indices, values },
    });
    this.columnsInModel = arcs.length;
    // Interior point (with crossover to a vertex, so still integral) is ~2x faster than simplex
    // on the cold first solve; re-solves after pricing warm-start from the basis with simplex.
    this.model.options.set({ output_flag: false, time_limit: Math.max(1, timeLimitSeconds), solver: "ipm" });
  }

  /** Writes CSC columns for arcs [from, to) at column offset `offset` of the given arrays. */
  private fillArcColumns(
    from: number,
    to: number,
    offset: number,
    starts: Int32Array,
    indices: Int32Array,
    cost: Float64Array,
  ): void {
    const { arcs, p } = this;
    for (let a = from; a < to; a++) {
      const col = offset + a - from;
      const f = arcs.facility[a];
      const g = arcs.group[a];
      const female = p.classes[p.groupClass[g]].sex === "female" ? 1 : 0;
      starts[col + 1] = (col + 1) * 2;
      indices[col * 2] = g;
      indices[col * 2 + 1] = this.groups + f * 2 + female;
      cost[col] = arcs.cost[a];
    }
  }

  /** Appends arcs added to the store since the last solve. */
  syncColumns(): void {
    const from = this.columnsInModel;
    const to = this.arcs.length;
    if (to === from) return;
    const n = to - from;
    const starts = new Int32Array(n + 1);
    const indices = new Int32Array(n * 2);
    const cost = new Float64Array(n);
    this.fillArcColumns(from, to, 0, starts, indices, cost);
    const rows = this.groups + this.slots + (this.withUnplaced ? 1 : 0);
    this.model.addCols({
      cost,
      lower: new Float64Array(n),
      upper: new Float64Array(n).fill(this.h.infinity),
      matrix: {
        format: "csc",
        numRows: rows,
        numCols: n,
        starts,
        indices,
        values: new Float64Array(n * 2).fill(1),
      },
    });
    this.columnsInModel = to;
  }

  setTimeLimit(seconds: number): void {
    this.model.options.set("time_limit", Math.max(1, seconds));
  }

  solve(): LpSolution {
    this.syncColumns();
    const { modelStatus } = this.model.run();
    this.model.options.set("solver", "simplex");
    const status = this.h.constants.modelStatus;
    if (modelStatus !== status.optimal) {
      throw new Error(`HiGHS stopped with model status ${modelStatus} (optimal is ${status.optimal})`);
    }
    const { colValue, rowDual } = this.model.getSolution();
    const u = this.withUnplaced ? this.groups : 0;
    const slot = new Float64Array(this.slots);
    // A <= row has a non-positive dual in a minimisation; clamp tolerance noise so the bound stays valid.
    for (let s = 0; s < this.slots; s++) slot[s] = Math.min(0, rowDual[this.groups + s]);
    return {
      arcValue: colValue.slice(u),
      unplacedValue: this.withUnplaced ? colValue.slice(0, u) : new Float64Array(this.groups),
      duals: {
        group: rowDual.slice(0, this.groups),
        slot,
        unplaced: this.withUnplaced ? rowDual[this.groups + this.slots] : null,
      },
      objective: this.model.getObjectiveValue(),
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}
