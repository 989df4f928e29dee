import { describe, expect, it } from "vitest";
import type { CaseEvent } from "../../domain/events.js";
import { evaluate } from "../engine.js";
import type { History, Rule } from "../types.js";
import { memo, memoWithConfig, withFactsMemo } from "./memo.js";
import { orderFinality } from "./orders.js";

const order: CaseEvent = { type: "order.issued", on: "2025-06-02", by: "IJ", kind: "removal" } as CaseEvent;
const makeHistory = (): History => ({ person: {}, events: [order] });

describe("per-evaluation memo of derived facts", () => {
  it("computes once within an evaluation of the same record, every time outside one", () => {
    const h = makeHistory();
    let calls = 0;
    const fact = () => memo(h, "count", "a", () => ++calls);
    expect([fact(), fact()]).toEqual([1, 2]);
    withFactsMemo(h, {}, () => expect([fact(), fact()]).toEqual([3, 3]));
    expect(fact()).toBe(4);
  });

  it("does not answer for another history, a changed record or another configuration", () => {
    const h = makeHistory();
    const config = {};
    let calls = 0;
    withFactsMemo(h, config, () => {
      memo(h, "k", "a", () => ++calls);
      memo(makeHistory(), "k", "a", () => ++calls);
      expect(calls).toBe(2);
      expect(memo(h, "k", "b", () => "another argument")).toBe("another argument");
      expect(memo(h, "k", "a", () => "not asked")).toBe(1);
      expect(memoWithConfig(h, { circuit: "9" }, "c", "a", () => ++calls)).toBe(3);
      expect(memoWithConfig(h, { circuit: "9" }, "c", "a", () => ++calls)).toBe(4);
      expect(memoWithConfig(h, config, "c", "a", () => ++calls)).toBe(5);
      expect(memoWithConfig(h, config, "c", "a", () => ++calls)).toBe(5);
      h.events.push({ type: "case.note", on: "2025-06-03", text: "x" } as CaseEvent);
      expect(memo(h, "k", "a", () => ++calls)).toBe(6);
      expect(memo(h, "k", "a", () => ++calls)).toBe(7);
    });
  });

  it("restores the outer scope after a nested evaluation, and after a throw", () => {
    const outer = makeHistory();
    const inner = makeHistory();
    let calls = 0;
    withFactsMemo(outer, {}, () => {
      memo(outer, "k", "a", () => ++calls);
      expect(() =>
        withFactsMemo(inner, {}, () => {
          throw new Error("boom");
        }),
      ).toThrow("boom");
      expect(memo(outer, "k", "a", () => ++calls)).toBe(1);
    });
  });

  it("freezes shared facts under test, but not the history's own events", () => {
    const h = makeHistory();
    const config = {};
    withFactsMemo(h, config, () => {
      const fin = orderFinality(h, config, "2025-08-01");
      expect(Object.isFrozen(fin)).toBe(true);
      expect(() => fin.facts.push("x")).toThrow(TypeError);
      expect(Object.isFrozen(h.events[0])).toBe(false);
    });
  });

  it("gives every verdict its own fact lists, though rules quote the same memoized fact", () => {
    const quote: Rule = {
      id: "T-1",
      title: "quotes the order's finality facts",
      citation: "test",
      actions: "*",
      evaluate: (ctx) => ({
        findings: [
          {
            rule: "T-1",
            outcome: "WARN",
            citation: "test",
            message: "m",
            facts: orderFinality(ctx.history, ctx.config, ctx.asOf).facts,
          },
        ],
      }),
    };
    const h = makeHistory();
    const action = { type: "none", on: "2025-08-01" };
    const v = evaluate(h, action, {}, "2025-08-01", [quote, { ...quote, id: "T-2" }]);
    expect(v.findings).toHaveLength(2);
    v.findings[0].facts?.push("changed by a caller");
    expect(v.findings[1].facts).toEqual(["order.issued 2025-06-02 (IJ, removal)"]);
    expect(evaluate(h, action, {}, "2025-08-01", [quote]).findings[0].facts).toEqual(v.findings[1].facts);
  });
});
