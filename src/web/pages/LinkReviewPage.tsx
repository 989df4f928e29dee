/**
 * Link reviews: pairs of persons the model could not decide. The two records side by side, each
 * field's contribution to the match weight (the explanation), accept (merge; undone by a split)
 * or reject (two people; not asked again).
 */
import { Alert, Button, Label, Table, TextInput } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api.js";

interface ShownRecord {
  label: string;
  fields: Record<string, string | null>;
}

interface LinkReview {
  id: string;
  probability: number;
  explanation: {
    priorBits: number;
    weight: number;
    contributions: { comparison: string; level: string; bits: number }[];
  };
  records: [ShownRecord, ShownRecord];
}

const FIELD_LABELS: Record<string, string> = {
  givenName: "Given name",
  familyName: "Family name",
  birthDate: "Birth date",
  aNumber: "A-number",
  nationality: "Citizenship",
  addressLine: "Address",
  locality: "City",
  postalCode: "Postal code",
};

const bits = (b: number) => `${b >= 0 ? "+" : "−"}${Math.abs(b).toFixed(1)}`;

function ReviewCard({ r, onDecided }: { r: LinkReview; onDecided: (msg: string) => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [a, b] = r.records;
  const headingId = `link-review-${r.id}`;
  const decide = async (decision: "accept" | "reject") => {
    setError(null);
    try {
      await api("POST", `/link-reviews/${r.id}/decision`, { decision, ...(reason.trim() ? { reason } : {}) });
      onDecided(
        decision === "accept" ? `${a.label} and ${b.label} merged.` : `${a.label} and ${b.label} kept apart.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not record the decision");
    }
  };
  return (
    <li className="border-top border-base-lighter padding-y-2" aria-labelledby={headingId}>
      <h2 id={headingId} className="font-heading-md margin-y-1">
        {a.label} and {b.label}: match probability {(r.probability * 100).toFixed(1)}%
      </h2>
      <Table bordered fullWidth caption={`The two records, ${a.label} and ${b.label}`}>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">{a.label}</th>
            <th scope="col">{b.label}</th>
          </tr>
        </thead>
        <tbody>
          {Object.keys(FIELD_LABELS).map((f) => (
            <tr key={f}>
              <th scope="row">{FIELD_LABELS[f]}</th>
              <td>{a.fields[f] ?? "—"}</td>
              <td>{b.fields[f] ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Table bordered fullWidth caption="Why: each comparison's contribution to the match weight, in bits">
        <thead>
          <tr>
            <th scope="col">Comparison</th>
            <th scope="col">Level</th>
            <th scope="col">Contribution (bits)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Prior</th>
            <td>before any evidence</td>
            <td>{bits(r.explanation.priorBits)}</td>
          </tr>
          {r.explanation.contributions.map((c) => (
            <tr key={c.comparison}>
              <th scope="row">{c.comparison}</th>
              <td>{c.level}</td>
              <td>{bits(c.bits)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td>match weight</td>
            <td>{bits(r.explanation.weight)}</td>
          </tr>
        </tbody>
      </Table>
      <Label htmlFor={`${headingId}-reason`}>Reason (optional)</Label>
      <TextInput
        id={`${headingId}-reason`}
        name="reason"
        type="text"
        value={reason}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
      />
      <Button type="button" onClick={() => decide("accept")}>
        Accept: same person
      </Button>
      <Button type="button" secondary onClick={() => decide("reject")}>
        Reject: different people
      </Button>
      {error && (
        <Alert type="error" headingLevel="h3" heading="Decision not recorded">
          {error}
        </Alert>
      )}
    </li>
  );
}

export function LinkReviewPage() {
  const [items, setItems] = useState<LinkReview[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    api<{ items: LinkReview[] }>("GET", "/link-reviews?status=pending").then(
      (r) => setItems(r.items),
      (e) => setError(e instanceof Error ? e.message : "Could not load link reviews"),
    );
  }, []);
  useEffect(load, [load]);
  return (
    <>
      <h1>Link reviews</h1>
      <p>
        Records that may be the same person. Accepting merges the two persons (the older id stays; a split
        undoes it); rejecting keeps them apart for good.
      </p>
      <div aria-live="polite">
        {notice && (
          <Alert type="success" headingLevel="h2" heading="Decision recorded" className="margin-top-2">
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Link reviews not available">
          {error}
        </Alert>
      )}
      {!items && !error && <p role="status">Loading link reviews…</p>}
      {items && (
        <p role="status" className="margin-top-2">
          {items.length} pending link review{items.length === 1 ? "" : "s"}
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="usa-list usa-list--unstyled" aria-label="Link reviews">
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
