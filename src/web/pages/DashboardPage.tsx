/**
 * The dashboard (/dashboard): detention population by facility and over time
 * against capacity with its forecast, cases by stage and office, time in
 * stage, deadlines due and overdue, law-engine outcomes by rule, and
 * bookings and transfers by distance to counsel. Filters and the open
 * drill-down live in the URL, so a view can be linked to.
 */
import { Alert, Button, Label, Select, TextInput } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.js";
import { BarChart } from "../components/charts/BarChart.js";
import { DrilldownTable } from "../components/charts/DrilldownTable.js";
import { type ForecastPoint, LineChart } from "../components/charts/LineChart.js";
import { StackedBarChart, type StackedData } from "../components/charts/StackedBarChart.js";
import { linkTo, navigate } from "../router.js";

interface Dashboard {
  asOf: string;
  from: string;
  to: string;
  office: string | null;
  offices: { code: string; name: string }[];
  window: { withinDays: number; overdueDays: number };
  canDrillDown: boolean;
  totals: { cases: number; detained: number };
  populationByFacility: {
    key: string;
    code: string;
    label: string;
    value: number;
    capacity: number | null;
  }[];
  populationSeries: {
    facility: string;
    label: string;
    capacity: number | null;
    points: { date: string; value: number; key: string }[];
  };
  facilities: { code: string; name: string }[];
  casesByStageOffice: StackedData;
  timeInStage: { stage: string; key: string; n: number; medianDays: number | null; p90Days: number | null }[];
  deadlines: StackedData;
  outcomes: StackedData;
  placements: StackedData;
}
interface Forecast {
  label: string;
  capacity: number | null;
  forecast: ForecastPoint[];
  history: { date: string; value: number }[];
  day30: ForecastPoint;
  day90: ForecastPoint;
  backtest: { horizon: number; mae: number; wape: number; naiveMae: number }[];
}

const filterKeys = ["office", "from", "to", "facility"] as const;

export function DashboardPage() {
  const params = new URLSearchParams(window.location.search);
  const filters = new URLSearchParams();
  for (const k of filterKeys) {
    const v = params.get(k);
    if (v) filters.set(k, v);
  }
  const fqs = filters.toString();
  const drill = params.get("drill");
  const [data, setData] = useState<Dashboard | null>(null);
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    api<Dashboard>("GET", `/analytics/dashboard?${fqs}`)
      .then(setData)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Could not load the dashboard"));
    api<Forecast>("GET", `/analytics/forecast?${fqs}`)
      .then(setForecast)
      .catch(() => setForecast(null));
  }, [fqs]);

  const go = (next: URLSearchParams) => navigate(`/dashboard${next.toString() ? `?${next}` : ""}`);
  const onDrill = data?.canDrillDown
    ? (key: string) => {
        const next = new URLSearchParams(filters);
        next.set("drill", key);
        go(next);
      }
    : undefined;
  const onFilter = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const k of filterKeys) {
      const v = String(form.get(k) ?? "").trim();
      if (v && !(k === "facility" && v === "*")) next.set(k, v);
    }
    go(next);
  };
  const drillQuery = new URLSearchParams(filters);
  if (drill) drillQuery.set("key", drill);

  return (
    <>
      <h1>Dashboard</h1>
      <p>
        Figures are counted from the case records of your offices, as of {data?.asOf ?? "today"}.{" "}
        {data &&
          !data.canDrillDown &&
          "Your role sees totals only; records are for roles that may read cases."}{" "}
        <a {...linkTo("/data-dictionary")}>Data dictionary</a> ·{" "}
        <a href={`/api/v1/exports/cases${data?.office ? `?office=${data.office}` : ""}`} download>
          Export the case list (CSV)
        </a>
      </p>
      <form
        onSubmit={onFilter}
        className="immos-filters margin-bottom-2"
        aria-label="Dashboard filters"
        key={fqs}
      >
        <div>
          <Label htmlFor="f-office">Office</Label>
          <Select id="f-office" name="office" defaultValue={filters.get("office") ?? ""}>
            <option value="">All my offices</option>
            {data?.offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.code} — {o.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="f-from">Period from</Label>
          <TextInput
            id="f-from"
            name="from"
            type="date"
            defaultValue={data?.from ?? filters.get("from") ?? ""}
          />
        </div>
        <div>
          <Label htmlFor="f-to">to</Label>
          <TextInput id="f-to" name="to" type="date" defaultValue={data?.to ?? filters.get("to") ?? ""} />
        </div>
        <div>
          <Label htmlFor="f-facility">Facility (population over time)</Label>
          <Select id="f-facility" name="facility" defaultValue={filters.get("facility") ?? "*"}>
            <option value="*">All facilities</option>
            {data?.facilities.map((f) => (
              <option key={f.code} value={f.code}>
                {f.code} — {f.name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" className="margin-top-3">
          Apply
        </Button>
      </form>
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {!data && !error && <p role="status">Loading the dashboard…</p>}
      {drill && data?.canDrillDown && <DrilldownTable query={drillQuery} onClose={() => go(filters)} />}
      {data && (
        <>
          <p role="status">
            {data.totals.cases} cases; {data.totals.detained} persons detained on {data.to}. Period{" "}
            {data.from} to {data.to}.
          </p>
          <section aria-labelledby="h-detention">
            <h2 id="h-detention">Detention</h2>
            <BarChart
              title={`Detained by facility on ${data.to}`}
              unit="detained"
              bars={data.populationByFacility.map((f) => ({ ...f, label: `${f.code} ${f.label}` }))}
              onDrill={onDrill}
            />
            <LineChart
              title={`Detention population over time: ${data.populationSeries.label}`}
              unit="detained"
              points={data.populationSeries.points}
              capacity={data.populationSeries.capacity}
              onDrill={onDrill}
            />
            {forecast && (
              <>
                <LineChart
                  title={`Capacity forecast, 90 days: ${forecast.label}`}
                  unit="detained"
                  points={forecast.history}
                  capacity={forecast.capacity}
                  forecast={forecast.forecast}
                />
                <p className="font-body-xs">
                  In 30 days: {forecast.day30.mean} (80%: {forecast.day30.lo80}–{forecast.day30.hi80}); in 90
                  days: {forecast.day90.mean} (80%: {forecast.day90.lo80}–{forecast.day90.hi80}). Holt's
                  damped trend; backtest on this series:{" "}
                  {forecast.backtest
                    .map((b) => `${b.horizon} days MAE ${b.mae} (naive ${b.naiveMae})`)
                    .join(", ")}
                  .
                </p>
              </>
            )}
          </section>
          <section aria-labelledby="h-cases">
            <h2 id="h-cases">Cases</h2>
            <StackedBarChart
              title="Cases by office and stage"
              unit="cases"
              data={data.casesByStageOffice}
              onDrill={onDrill}
            />
            <StackedBarChart
              title="Time in stage (cases that left a stage in the period)"
              unit="stage exits"
              data={{
                categories: data.timeInStage.map((t) => t.stage),
                series: ["exits"],
                cells: data.timeInStage.map((t) => ({
                  category: t.stage,
                  series: "exits",
                  value: t.n,
                  key: t.key,
                })),
                total: data.timeInStage.reduce((n, t) => n + t.n, 0),
              }}
              onDrill={onDrill}
            />
            <table className="usa-table usa-table--compact">
              <caption>Days in stage: median and 90th percentile</caption>
              <thead>
                <tr>
                  <th scope="col">Stage</th>
                  <th scope="col">Median days</th>
                  <th scope="col">90th percentile</th>
                  <th scope="col">Cases</th>
                </tr>
              </thead>
              <tbody>
                {data.timeInStage.map((t) => (
                  <tr key={t.stage}>
                    <th scope="row">{t.stage.replace(/_/g, " ")}</th>
                    <td>{t.medianDays}</td>
                    <td>{t.p90Days}</td>
                    <td>{t.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="h-law">
            <h2 id="h-law">Deadlines and the law engine</h2>
            <StackedBarChart
              title={`Deadlines overdue (last ${data.window.overdueDays} days) and due (next ${data.window.withinDays} days)`}
              unit="deadlines"
              data={data.deadlines}
              colors={{ overdue: "#d83933", due: "#005ea2" }}
              onDrill={onDrill}
            />
            <StackedBarChart
              title="Law-engine outcomes by rule"
              unit="outcomes"
              data={data.outcomes}
              onDrill={onDrill}
            />
            <StackedBarChart
              title="Bookings and transfers by distance to counsel"
              unit="placements"
              data={data.placements}
              onDrill={onDrill}
            />
          </section>
        </>
      )}
    </>
  );
}
