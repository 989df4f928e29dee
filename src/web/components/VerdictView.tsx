/**
 * A verdict in words: the outcome as a badge (a mark and a word, so color is
 * never the only signal), then each finding with its rule, outcome, citation
 * and sentence, and for BLOCK and REVIEW what would have to change.
 */
import type { CSSProperties } from "react";
import { type Finding, type Outcome, outcomeMarks, outcomeWords, type Verdict } from "./law-api.js";

const badgeColors: Record<Outcome, CSSProperties> = {
  BLOCK: { background: "#b50909", color: "#fff" },
  REVIEW: { background: "#ffbe2e", color: "#1b1b1b" },
  WARN: { background: "#97d4ea", color: "#1b1b1b" },
  ALLOW: { background: "#216e1f", color: "#fff" },
};

export function OutcomeBadge({ outcome, label }: { outcome: Outcome; label?: string }) {
  return (
    <span
      className="usa-tag text-no-uppercase font-body-2xs"
      style={{ ...badgeColors[outcome], whiteSpace: "nowrap" }}
      data-outcome={outcome}
    >
      <span aria-hidden="true">{outcomeMarks[outcome]} </span>
      <span>{label ?? outcomeWords[outcome]}</span>
    </span>
  );
}

export function FindingItem({ f }: { f: Finding }) {
  return (
    <li className={`verdict-${f.outcome} padding-left-1 margin-bottom-1`}>
      <strong>{f.rule}</strong> <OutcomeBadge outcome={f.outcome} />{" "}
      <span className="text-base-dark font-body-2xs">{f.citation}</span>
      <div>{f.message}</div>
      {f.remedy && (
        <div>
          <strong>What would have to change:</strong> {f.remedy}
        </div>
      )}
    </li>
  );
}

/** Findings that are not ALLOW first; the satisfied ones (why it is allowed) after them. */
export function VerdictView({ verdict, heading }: { verdict: Verdict; heading?: string }) {
  const concerns = verdict.findings.filter((f) => f.outcome !== "ALLOW");
  const satisfied = verdict.findings.filter((f) => f.outcome === "ALLOW");
  return (
    <div className={`verdict-${verdict.outcome} padding-left-2`}>
      <p className="margin-y-1">
        {heading ?? "Verdict"}: <OutcomeBadge outcome={verdict.outcome} />
      </p>
      {concerns.length > 0 && (
        <ul className="usa-list usa-list--unstyled">
          {concerns.map((f) => (
            <FindingItem key={`${f.rule}-${f.message}`} f={f} />
          ))}
        </ul>
      )}
      {satisfied.length > 0 && (
        <details>
          <summary>Rules satisfied ({satisfied.length})</summary>
          <ul className="usa-list usa-list--unstyled margin-top-1">
            {satisfied.map((f) => (
              <FindingItem key={`${f.rule}-${f.message}`} f={f} />
            ))}
          </ul>
        </details>
      )}
      {verdict.findings.length === 0 && <p className="margin-y-1">No rule bears on this action.</p>}
    </div>
  );
}
