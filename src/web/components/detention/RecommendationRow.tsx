/**
 * One recommendation with its reason and, for a proposed move, the Accept
 * button: the transfer goes through the law engine, so the answer may be done,
 * a warning to acknowledge, a review requested, or a refusal.
 */
import { Button } from "@trussworks/react-uswds";
import { useState } from "react";
import { ApiFailure, api } from "../../api.js";
import { linkTo } from "../../router.js";

export interface Recommendation {
  caseId: string;
  caseNumber: string;
  from: string | null;
  to: string | null;
  reason: string;
  status: string;
  facts: { sex: string; kind: string; level: number; medicalNeed: number; assumed: string[] };
}

interface Finding {
  rule: string;
  outcome: string;
  message: string;
}

const statusWords: Record<string, string> = {
  proposed: "proposed move",
  stay: "stays",
  unplaced: "no bed",
  accepted: "transferred",
  review_requested: "review requested",
  blocked: "refused by law",
};

export function RecommendationRow({ proposalId, item }: { proposalId: string; item: Recommendation }) {
  const [status, setStatus] = useState(item.status);
  const [message, setMessage] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<Finding[] | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async (acknowledge = false) => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<{
        outcome: { status: string; reviewId?: string };
        notes: string[];
        notice: unknown;
      }>(
        "POST",
        `/detention/proposals/${proposalId}/cases/${encodeURIComponent(item.caseNumber)}/accept`,
        acknowledge ? { acknowledge: true } : {},
      );
      setWarnings(null);
      setStatus(r.outcome.status === "done" ? "accepted" : r.outcome.status);
      setMessage(
        r.outcome.status === "done"
          ? `Transferred to ${item.to}.${r.notice ? " Counsel of record notified." : ""} ${r.notes.join("; ")}`
          : `A supervisor's review was requested (${r.outcome.reviewId}). ${r.notes.join("; ")}`,
      );
    } catch (e) {
      if (e instanceof ApiFailure && e.error.code === "acknowledgement_required") {
        const details = (e.error as { details?: { verdict?: { findings: Finding[] } } }).details;
        setWarnings(details?.verdict?.findings.filter((f) => f.outcome === "WARN") ?? []);
      } else if (e instanceof ApiFailure && e.error.code === "blocked_by_law") {
        setStatus("blocked");
        setMessage(e.message);
      } else setMessage(e instanceof ApiFailure ? e.message : "The transfer failed");
    } finally {
      setBusy(false);
    }
  };

  const f = item.facts;
  return (
    <tr>
      <th scope="row">
        <a {...linkTo(`/cases/${item.caseNumber}`)}>{item.caseNumber}</a>
        <div className="font-body-3xs">
          {f.sex}, {f.kind.replace(/_/g, " ")}, level {f.level}
          {f.assumed.includes("level") ? " (assumed)" : ""}, medical need {f.medicalNeed}
          {f.assumed.includes("medicalNeed") ? " (assumed)" : ""}
        </div>
      </th>
      <td>{item.from ?? "unassigned"}</td>
      <td>{item.to ?? "—"}</td>
      <td>{statusWords[status] ?? status}</td>
      <td>{item.reason}</td>
      <td>
        {(status === "proposed" || warnings) && !busy && (
          <Button type="button" onClick={() => accept(false)} disabled={busy}>
            Accept
            <span className="usa-sr-only">
              {" "}
              the move of {item.caseNumber} to {item.to}
            </span>
          </Button>
        )}
        {warnings && (
          <div role="alert">
            <ul className="margin-y-1">
              {warnings.map((w) => (
                <li key={w.rule}>{w.message}</li>
              ))}
            </ul>
            <Button type="button" secondary onClick={() => accept(true)} disabled={busy}>
              Acknowledge and transfer<span className="usa-sr-only"> {item.caseNumber}</span>
            </Button>
          </div>
        )}
        {busy && <span role="status">Asking the law engine…</span>}
        {message && <p role="status">{message}</p>}
      </td>
    </tr>
  );
}
