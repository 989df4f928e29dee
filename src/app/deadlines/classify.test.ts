import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../law/calendar/calendar.js";
import { classifyDeadline, deadlineKey, dueItems } from "./classify.js";

const w = { asOf: "2025-05-14", withinDays: 7, overdueDays: 30 };
const d = (kind: string, due: string) => ({ kind, due, rule: "TIME-01" });

describe("which deadlines need attention", () => {
  it("due today and on the last day of the window are due; the day after is not", () => {
    expect(classifyDeadline(d("appeal.due", "2025-05-14"), w)?.urgency).toBe("due");
    expect(classifyDeadline(d("appeal.due", "2025-05-21"), w)).toMatchObject({ urgency: "due", daysLeft: 7 });
    expect(classifyDeadline(d("appeal.due", "2025-05-22"), w)).toBeNull();
  });

  it("an hour deadline counts by its date", () => {
    expect(classifyDeadline(d("uac.hhs_notice_due", "2025-05-15T10:00"), w)?.daysLeft).toBe(1);
  });

  it("passed deadlines are overdue within the look-back, history before it; milestones never overdue", () => {
    expect(classifyDeadline(d("custody.decision_due", "2025-05-13"), w)).toMatchObject({
      urgency: "overdue",
      daysLeft: -1,
    });
    expect(classifyDeadline(d("custody.decision_due", "2025-04-14"), w)?.urgency).toBe("overdue");
    expect(classifyDeadline(d("custody.decision_due", "2025-04-13"), w)).toBeNull();
    expect(classifyDeadline(d("hearing.earliest", "2025-05-13"), w)).toBeNull();
    expect(classifyDeadline(d("hearing.earliest", "2025-05-15"), w)?.urgency).toBe("due");
  });

  it("every listed item lies in [asOf - overdueDays, asOf + withinDays], sorted by due", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 20 }), (offsets) => {
        const items = dueItems(
          offsets.map((o) => d("pfr.due", addDays(w.asOf, o))),
          w,
        );
        expect(items.length).toBe(offsets.filter((o) => o >= -30 && o <= 7).length);
        for (const i of items) expect(i.urgency === "overdue").toBe(i.daysLeft < 0);
        expect(items.map((i) => i.due)).toEqual(items.map((i) => i.due).sort());
      }),
    );
  });

  it("the task key is stable for the same deadline", () => {
    expect(deadlineKey(d("appeal.due", "2025-07-02"))).toBe("deadline:appeal.due:2025-07-02");
  });
});
