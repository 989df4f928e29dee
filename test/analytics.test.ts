/**
 * The dashboard on PGlite and PostgreSQL: every figure equals the number of
 * records its drill-down returns, totals equal what the case list shows,
 * analysts see aggregates for their offices only and no records, exports
 * quote and defuse formulas, the forecast's intervals nest, the data
 * dictionary documents every column and is up to date, and /metrics answers.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../src/app/analytics/csv.js";
import { buildDataDictionary, dictionaryMarkdown } from "../src/app/analytics/data-dictionary.js";
import { stayCovers } from "../src/app/analytics/facts.js";
import { backtest, fitHolt, forecastHolt } from "../src/app/analytics/forecast.js";
import { dailyPopulation, daysIn, quantile } from "../src/app/analytics/stats.js";
import { createUser } from "../src/app/create-user.js";
import { addDays } from "../src/law/calendar/calendar.js";
import { counsel as counselTable } from "../src/store/schema.js";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";
import { openScenarioCase, scenario } from "./support/scenario-case.js";

type Call = ReturnType<TestApp["as"]>;
interface Cell {
  category: string;
  series: string;
  value: number;
  key: string;
}

describe("analytics helpers (pure)", () => {
  it("dailyPopulation equals counting the stays that cover each day", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays("2026-01-01", n));
    const stay = fc.record({
      from: day,
      len: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(stay, { maxLength: 25 }), day, fc.integer({ min: 0, max: 30 }), (raw, from, n) => {
        const stays = raw.map((s, i) => ({
          facilityCode: "X",
          from: s.from,
          to: s.len === null ? null : addDays(s.from, s.len),
          seq: i + 1,
        }));
        const to = addDays(from, n);
        const expected = daysIn(from, to).map((d) => stays.filter((s) => stayCovers(s, d)).length);
        expect(dailyPopulation(stays, from, to)).toEqual(expected);
      }),
    );
  });

  it("quantiles interpolate between order statistics", () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([10, 0, 20, 30, 40, 50, 60, 70, 80, 90], 0.9)).toBeCloseTo(81);
  });

  it("Holt's damped trend follows a trend, and its intervals nest and widen", () => {
    const y = Array.from({ length: 200 }, (_, t) => 20 + 0.5 * t + (t % 2 ? 1 : -1));
    const fit = fitHolt(y);
    const f = forecastHolt(fit, 30);
    expect(f[0].mean).toBeGreaterThan(y[199] - 3);
    expect(f[29].mean).toBeGreaterThan(f[0].mean);
    for (let i = 0; i < f.length; i++) {
      expect(f[i].lo95).toBeLessThanOrEqual(f[i].lo80);
      expect(f[i].lo80).toBeLessThanOrEqual(f[i].mean);
      expect(f[i].mean).toBeLessThanOrEqual(f[i].hi80);
      expect(f[i].hi80).toBeLessThanOrEqual(f[i].hi95);
      if (i) expect(f[i].hi95 - f[i].lo95).toBeGreaterThanOrEqual(f[i - 1].hi95 - f[i - 1].lo95 - 1e-9);
    }
    // On a noisy trend the model beats "tomorrow = today".
    const score = backtest([y], 30);
    expect(score.mae).toBeLessThan(score.naiveMae);
  });

  it("CSV quotes what needs quoting and defuses formulas", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    for (const lead of ["=", "+", "-", "@"]) expect(csvCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(["MX", "GT"])).toBe("MX;GT");
    expect(toCsv(["a", "b"], [{ a: "line\nbreak", b: null }])).toBe('a,b\r\n"line\nbreak",\r\n');
  });
});

describe.each(backends())("dashboard on %s", (backend) => {
  let t: TestApp;
  let admin: Call;
  let officer: Call;
  let supervisor: Call;
  let office: string;
  let transferredCase: string;
  const from = "2025-01-01";
  const to = "2026-11-27";
  const period = `from=${from}&to=${to}`;

  beforeAll(async () => {
    t = await startTestApp(backend, { today: "2026-11-27", persons: 150 });
    admin = t.as("admin");
    officer = t.as("officer");
    supervisor = t.as("supervisor");
    office = (await officer("GET", "/api/v1/me")).body.offices[0];
    await createUser(t.ctx, "system", {
      username: "analyst.one",
      displayName: "Analyst, one office",
      password: "demo-password",
      role: "analyst",
      offices: [office],
    });
    // A block, an approved review and a denied review, through the law engine.
    const view = async (id: string) => (await officer("GET", `/api/v1/cases/${id}`)).body;
    const take = async (as: Call, id: string, action: object) =>
      as("POST", `/api/v1/cases/${id}/actions`, { expectedVersion: (await view(id)).case.version, action });
    const blocked = scenario("SC-01");
    const b = await openScenarioCase(t, "officer", blocked, office);
    expect((await take(officer, b.caseId, blocked.action)).status).toBe(422);
    for (const decision of ["approved", "denied"]) {
      const s = scenario("SC-06");
      const c = await openScenarioCase(t, "officer", s, office, `Review ${decision}`);
      const r = await take(officer, c.caseId, s.action);
      expect(r.status).toBe(202);
      const d = await supervisor("POST", `/api/v1/reviews/${r.body.reviewId}/decision`, {
        decision,
        reason: "Decided for the dashboard test, with reasons.",
      });
      expect(d.status).toBe(200);
    }
    // A person with counsel, booked and then transferred.
    const facilities = (await officer("GET", "/api/v1/facilities")).body.items as {
      code: string;
      kinds: string[];
    }[];
    const adult = facilities.filter((f) => f.kinds.includes("adult"));
    const [firstCounsel] = await t.ctx.database.db
      .select({ id: counselTable.id })
      .from(counselTable)
      .limit(1);
    const counsel = firstCounsel?.id;
    const opened = await officer("POST", "/api/v1/cases", {
      person: {
        givenName: '=HYPERLINK("http://evil")',
        familyName: "Transfer, Test",
        citizenship: ["HN"],
        languages: ["es"],
        ...(counsel ? { counselId: counsel } : {}),
      },
      case: { kind: "removal_240", officeCode: office },
      events: [
        { on: "2026-11-01", type: "arrest", basis: "i200", location: "residence" },
        {
          on: "2026-11-01",
          type: "custody.booked",
          facility: { code: adult[0].code, kind: "adult" },
          authority: "236a",
        },
      ],
    });
    expect(opened.status).toBe(201);
    transferredCase = opened.body.caseId;
    const moved = await officer("POST", `/api/v1/cases/${transferredCase}/events`, {
      expectedVersion: opened.body.version,
      event: {
        on: "2026-11-10",
        type: "custody.transferred",
        facility: { code: adult[1].code, kind: "adult" },
      },
    });
    expect(moved.status).toBe(201);
  }, 240_000);
  afterAll(() => t?.close());

  const dashboard = async (as: Call, qs = period) => {
    const r = await as("GET", `/api/v1/analytics/dashboard?${qs}`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const drill = async (as: Call, key: string, qs = period) =>
    as("GET", `/api/v1/analytics/drilldown?${qs}&key=${encodeURIComponent(key)}`);

  it("every figure equals the number of records its drill-down returns, and totals add up", async () => {
    const d = await dashboard(admin);
    const stacked = [d.casesByStageOffice, d.deadlines, d.outcomes, d.placements] as {
      cells: Cell[];
      total: number;
    }[];
    const checks: { key: string; value: number }[] = [];
    for (const s of stacked) {
      expect(s.cells.reduce((n, c) => n + c.value, 0)).toBe(s.total);
      checks.push(...s.cells);
    }
    expect(d.casesByStageOffice.total).toBe(d.totals.cases);
    checks.push(...d.populationByFacility);
    expect(d.populationByFacility.reduce((n: number, f: { value: number }) => n + f.value, 0)).toBe(
      d.totals.detained,
    );
    checks.push(...d.timeInStage.map((s: { key: string; n: number }) => ({ key: s.key, value: s.n })));
    const points = d.populationSeries.points as { key: string; value: number }[];
    expect(points.at(-1)?.value).toBe(d.totals.detained);
    checks.push(...points.filter((_, i) => i % 37 === 0 || i === points.length - 1));
    expect(checks.length).toBeGreaterThan(40);
    for (const c of checks) {
      const r = await drill(admin, c.key);
      expect(r.status, c.key).toBe(200);
      expect(r.body.items.length, c.key).toBe(c.value);
      expect(r.body.total, c.key).toBe(c.value);
    }
  });

  it("counts come from the records the user can list", async () => {
    const d = await dashboard(admin);
    const listed = await admin("GET", "/api/v1/exports/cases?format=json");
    expect(listed.body.items.length).toBe(d.totals.cases);
    const detainedNow = listed.body.items.filter(
      (c: { facilityCode: string | null }) => c.facilityCode,
    ).length;
    expect(d.totals.detained).toBe(detainedNow);

    const mine = await dashboard(t.as("analyst.one"));
    const officeCells = d.casesByStageOffice.cells.filter((c: Cell) => c.category === office);
    expect(mine.totals.cases).toBe(officeCells.reduce((n: number, c: Cell) => n + c.value, 0));
    expect(mine.casesByStageOffice.categories).toEqual([office]);
    const officerList = await officer("GET", "/api/v1/exports/cases?format=json");
    expect(officerList.body.items.every((c: { officeCode: string }) => c.officeCode === office)).toBe(true);
    expect(mine.totals.cases).toBe(officerList.body.items.length);
  });

  it("analysts get aggregates for their offices only, never records; others need analytics.read", async () => {
    const analyst = t.as("analyst.one");
    const other = (await admin("GET", "/api/v1/offices")).body.items.find(
      (o: { code: string }) => o.code !== office,
    ).code;
    expect((await analyst("GET", `/api/v1/analytics/dashboard?office=${other}`)).status).toBe(403);
    const d = await dashboard(analyst);
    expect(d.canDrillDown).toBe(false);
    expect((await drill(analyst, d.casesByStageOffice.cells[0].key)).status).toBe(403);
    expect((await officer("GET", "/api/v1/analytics/dashboard")).status).toBe(403);
  });

  it("shows law-engine outcomes by rule and transfers with their distance to counsel", async () => {
    const d = await dashboard(admin);
    const kinds = new Set(d.outcomes.cells.map((c: Cell) => c.series));
    for (const k of ["blocked", "review", "approved", "denied"]) expect(kinds.has(k), k).toBe(true);
    const transfer = d.placements.cells.filter((c: Cell) => c.series === "transfer");
    expect(transfer.length).toBeGreaterThan(0);
    const items = [];
    for (const c of transfer) items.push(...(await drill(admin, c.key)).body.items);
    const mine = items.find((i: { id: string }) => i.id === transferredCase);
    expect(mine).toBeDefined();
    expect(mine.fromFacility).toBeTruthy();
    expect(mine.placement).toBe("transfer");
  });

  it("exports CSV through the same access check, quoted, with formulas defused", async () => {
    const csv = await t.app.inject({
      method: "GET",
      url: "/api/v1/exports/cases?q=Transfer&format=csv",
      headers: { authorization: `Bearer ${await t.token("officer")}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.split("\r\n")[0]).toBe(
      "id,number,stage,kind,officeCode,courtCode,facilityCode,lastEventOn,version,personId,givenName,familyName,aNumber,birthDate,citizenship",
    );
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")","Transfer, Test"`);
    const d = await dashboard(admin);
    const cell = d.casesByStageOffice.cells[0] as Cell;
    const file = await t.app.inject({
      method: "GET",
      url: `/api/v1/analytics/drilldown?${period}&key=${encodeURIComponent(cell.key)}&format=csv`,
      headers: { authorization: `Bearer ${await t.token("admin")}` },
    });
    expect(file.body.trimEnd().split("\r\n").length).toBe(cell.value + 1);
    const denied = await t.app.inject({
      method: "GET",
      url: "/api/v1/exports/cases?format=csv",
      headers: { authorization: `Bearer ${await t.token("analyst")}` },
    });
    expect(denied.statusCode).toBe(403);
  });

  it("forecasts a facility's population 30 and 90 days ahead with nested intervals", async () => {
    const d = await dashboard(admin);
    const facility = d.populationByFacility[0].code;
    const f = (await admin("GET", `/api/v1/analytics/forecast?facility=${facility}`)).body;
    expect(f.forecast).toHaveLength(90);
    expect(f.day30.date).toBe(addDays("2026-11-27", 30));
    expect(f.day90.date).toBe(addDays("2026-11-27", 90));
    for (const p of [f.day30, f.day90]) {
      expect(p.lo95).toBeLessThanOrEqual(p.lo80);
      expect(p.lo80).toBeLessThanOrEqual(p.mean);
      expect(p.hi80).toBeLessThanOrEqual(p.hi95);
    }
    expect(f.history.at(-1).value).toBe(d.populationByFacility[0].value);
    expect(f.capacity).toBeGreaterThan(0);
  });

  it("serves a data dictionary that documents every column and matches docs/data-dictionary.md", async () => {
    const r = await officer("GET", "/api/v1/data-dictionary");
    expect(r.status).toBe(200);
    expect(r.body.undocumented).toEqual([]);
    const columns = r.body.tables.flatMap((tb: { columns: { description: string }[] }) => tb.columns);
    expect(columns.length).toBeGreaterThan(100);
    for (const c of columns) expect(c.description.length).toBeGreaterThan(3);
    const md = readFileSync(new URL("../docs/data-dictionary.md", import.meta.url), "utf8");
    expect(md).toBe(dictionaryMarkdown(await buildDataDictionary()));
  });

  it("exposes Prometheus metrics: request durations by route, process metrics, cases by stage", async () => {
    await dashboard(admin);
    const res = await t.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["x-request-id"]).toBeTruthy();
    expect(res.body).toMatch(
      /immos_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/analytics\/dashboard"/,
    );
    expect(res.body).toContain("immos_process_cpu_user_seconds_total");
    const byStage = [...res.body.matchAll(/^immos_cases\{stage="[a-z_]+"\} (\d+)$/gm)].map((m) =>
      Number(m[1]),
    );
    const d = await dashboard(admin);
    expect(byStage.reduce((a, b) => a + b, 0)).toBe(d.totals.cases);
  });
});
