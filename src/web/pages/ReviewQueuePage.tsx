/**
 * The supervisor's review queue: actions the law sent for review, with the
 * verdict and the requester's reason; approve or deny with a written reason.
 * The requester cannot decide their own request (the server refuses it).
 */
import { Alert, Button, Form, Label, Select, Textarea } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api.js";
import type { ActionDraft, Verdict } from "../components/law-api.js";
import { VerdictView } from "../components/VerdictView.js";
import { linkTo } from "../router.js";

interface Review {
  id: string;
  caseId: string;
  officeCode: string;
  actionType: string;
  action: ActionDraft;
  verdict: Verdict;
  requestReason: string | null;
  requestedAt: string;
  status: string;
  decisionReason: string | null;
}

function ReviewCard({ r, onDecided }: { r: Review; onDecided: (msg: string) => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const decide = async (decision: "approved" | "denied") => {
    setError(null);
    try {
      await api("POST", `/reviews/${r.id}/decision`, { decision, reason });
      onDecided(`Review of ${r.actionType} on ${r.action.on} ${decision}.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not record the decision");
    }
  };
  const { type: _t, on: _o, at: _a, tz: _z, ...fields } = r.action;
  const headingId = `review-${r.id}`;
  return (
    <li className="border-top border-base-lighter padding-y-2">
      <h2 id={headingId} className="font-heading-md margin-y-1">
        {r.actionType} on {r.action.on}
      </h2>
      <p className="margin-y-1">
        Case <a {...linkTo(`/cases/${r.caseId}`)}>{r.caseId.slice(0, 8)}</a> · office {r.officeCode} ·
        requested {r.requestedAt.slice(0, 16).replace("T", " ")} UTC
      </p>
      {Object.keys(fields).length > 0 && (
        <p className="margin-y-1 font-body-2xs">
          Fields:{" "}
          {Object.entries(fields)
            .map(([k, v]) => `${k} ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
            .join("; ")}
        </p>
      )}
      {r.requestReason && <p className="margin-y-1">Requester’s reason: {r.requestReason}</p>}
      {r.decisionReason && <p className="margin-y-1">Decision reason: {r.decisionReason}</p>}
      <VerdictView verdict={r.verdict} heading="Verdict when requested" />
      {r.status === "pending" && (
        <Form onSubmit={(e: React.FormEvent) => e.preventDefault()} className="maxw-none">
          <Label htmlFor={`${headingId}-reason`}>Written reason (at least 10 characters)</Label>
          <Textarea
            id={`${headingId}-reason`}
            name="reason"
            value={reason}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
          />
          <Button type="button" disabled={reason.trim().length < 10} onClick={() => decide("approved")}>
            Approve
          </Button>
          <Button
            type="button"
            secondary
            disabled={reason.trim().length < 10}
            onClick={() => decide("denied")}
          >
            Deny
          </Button>
          {error && (
            <Alert type="error" headingLevel="h3" heading="Decision not recorded">
              {error}
            </Alert>
          )}
        </Form>
      )}
    </li>
  );
}

export function ReviewQueuePage() {
  const [status, setStatus] = useState("pending");
  const [items, setItems] = useState<Review[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ items: Review[] }>("GET", `/reviews?status=${status}`).then(
      (r) => setItems(r.items),
      (e) => setError(e instanceof Error ? e.message : "Could not load reviews"),
    );
  }, [status]);
  useEffect(load, [load]);

  return (
    <>
      <h1>Reviews</h1>
      <p>
        Actions the law sent for a supervisor’s review. Another supervisor than the requester decides, in
        writing.
      </p>
      <Label htmlFor="review-status">Show</Label>
      <Select
        id="review-status"
        name="status"
        value={status}
        onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setStatus(e.target.value)}
      >
        <option value="pending">Pending</option>
        <option value="approved">Approved, not yet used</option>
        <option value="denied">Denied</option>
        <option value="used">Used</option>
      </Select>
      <div aria-live="polite">
        {notice && (
          <Alert type="success" headingLevel="h2" heading="Decision recorded" className="margin-top-2">
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Reviews not available">
          {error}
        </Alert>
      )}
      {!items && !error && <p role="status">Loading reviews…</p>}
      {items && (
        <p role="status" className="margin-top-2">
          {items.length} {status} review{items.length === 1 ? "" : "s"}
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="usa-list usa-list--unstyled" aria-label="Reviews">
          {items.map((r) => (
            <ReviewCard
              key={r.id}
              r={r}
              onDecided={(msg) => {
                setNotice(msg);
                load();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}
