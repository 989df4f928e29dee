/**
 * The case's deadlines, computed by the law engine from its history: a badge
 * per deadline (overdue, due today, due in N days, upcoming, passed) and a
 * small bar showing how close it is. Passed ones are folded away.
 */
import { Alert } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { Temporal } from "temporal-polyfill";
import { api } from "../api.js";
import { type Deadline, humanize, todayIso } from "./law-api.js";

const daysUntil = (today: string, due: string) =>
  Temporal.PlainDate.from(today).until(Temporal.PlainDate.from(due.slice(0, 10)), { largestUnit: "days" })
    .days;

function Badge({ days }: { days: number }) {
  const [text, style] =
    days < 0
      ? [`Passed ${-days} days ago`, { background: "#565c65", color: "#fff" }]
      : days === 0
        ? ["Due today", { background: "#b50909", color: "#fff" }]
        : days <= 7
          ? [`Due in ${days} days`, { background: "#ffbe2e", color: "#1b1b1b" }]
          : [`In ${days} days`, { background: "#e6e6e6", color: "#1b1b1b" }];
  return (
    <span className="usa-tag text-no-uppercase font-body-2xs" style={style}>
      {text}
    </span>
  );
}

/** A bar that fills as the deadline approaches over the coming 30 days. */
function Nearness({ days }: { days: number }) {
  const pct = Math.max(0, Math.min(100, Math.round(((30 - days) / 30) * 100)));
  return (
    <span
      aria-hidden="true"
      style={{
        display: "inline-block",
        width: "5rem",
        height: "0.5rem",
        background: "#dfe1e2",
        marginRight: "0.5rem",
      }}
    >
      <span
        style={{
          display: "block",
          width: `${pct}%`,
          height: "100%",
          background: days <= 7 ? "#b50909" : "#005ea2",
        }}
      />
    </span>
  );
}

function Item({ d, today }: { d: Deadline; today: string }) {
  const days = daysUntil(today, d.due);
  return (
    <li className="margin-bottom-1">
      {days >= 0 && <Nearness days={days} />}
      <span className="text-mono margin-right-1">{d.due.replace("T", " ")}</span>
      <strong>{humanize(d.kind)}</strong> <span className="font-body-2xs">({d.rule})</span>{" "}
      <Badge days={days} />
      {d.note && <div className="font-body-2xs">{d.note}</div>}
    </li>
  );
}

export function DeadlinesPanel({ caseId, version }: { caseId: string; version?: number }) {
  const [items, setItems] = useState<Deadline[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the case's version changes
  useEffect(() => {
    api<{ items: Deadline[] }>("GET", `/cases/${encodeURIComponent(caseId)}/deadlines`).then(
      (r) => setItems([...r.items].sort((a, b) => a.due.localeCompare(b.due))),
      (e) => setError(e instanceof Error ? e.message : "Could not load deadlines"),
    );
  }, [caseId, version]);
  const today = todayIso();
  const upcoming = items?.filter((d) => d.due.slice(0, 10) >= today) ?? [];
  const passed = items?.filter((d) => d.due.slice(0, 10) < today) ?? [];
  return (
    <section aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines</h2>
      {error && (
        <Alert type="error" headingLevel="h3" heading="Deadlines not available">
          {error}
        </Alert>
      )}
      {!items && !error && <p role="status">Computing deadlines…</p>}
      {items && items.length === 0 && <p>No deadline follows from this case’s facts.</p>}
      {upcoming.length > 0 && (
        <ul className="usa-list usa-list--unstyled" aria-label="Upcoming deadlines">
          {upcoming.map((d) => (
            <Item key={`${d.kind}-${d.due}`} d={d} today={today} />
          ))}
        </ul>
      )}
      {items && items.length > 0 && upcoming.length === 0 && <p>No upcoming deadline.</p>}
      {passed.length > 0 && (
        <details>
          <summary>Passed deadlines ({passed.length})</summary>
          <ul className="usa-list usa-list--unstyled margin-top-1" aria-label="Passed deadlines">
            {passed.map((d) => (
              <Item key={`${d.kind}-${d.due}`} d={d} today={today} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
