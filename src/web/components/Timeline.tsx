import type { HistoryItem } from "../api.js";

function details(e: Record<string, unknown>): string {
  const { on: _on, at: _at, type: _type, tz: _tz, ...rest } = e;
  return Object.entries(rest)
    .map(([k, v]) => `${k}: ${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

/** The case's history, oldest first; superseded events stay visible, struck through. */
export function Timeline({ items }: { items: HistoryItem[] }) {
  return (
    <ol className="immos-timeline" aria-label="Timeline of events">
      {items.map((h) => (
        <li key={h.seq} className={h.superseded ? "superseded" : undefined}>
          <span className="event-date">
            {h.event.on}
            {h.event.at ? ` ${h.event.at}` : ""}
          </span>
          <span className="event-type">{h.event.type}</span>
          {h.superseded && <span className="usa-sr-only"> (superseded)</span>}
          <div className="font-body-2xs">{details(h.event)}</div>
        </li>
      ))}
    </ol>
  );
}
