/**
 * The actions an officer may take on this case, each with the verdict it
 * would get BEFORE it is pressed (with fields derived from the case: the
 * order's country, today's date). Pressing opens the action's form; the
 * result is shown as done, review requested, blocked with the reasons (the
 * attempt is recorded), or a request to acknowledge warnings.
 */
import { Alert, Button, Checkbox, Form, Label, Select, Textarea, TextInput } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api, type CaseView, type Me } from "../api.js";
import { ActionFields } from "./ActionFields.js";
import {
  type ActionDraft,
  type ActionType,
  defaultAction,
  evaluateAction,
  failureVerdict,
  loadCatalog,
  type Verdict,
} from "./law-api.js";
import { FindingItem, OutcomeBadge, VerdictView } from "./VerdictView.js";

type Check =
  | { state: "checking" }
  | { state: "ok"; verdict: Verdict }
  | { state: "incomplete"; message: string };

type Result =
  | { kind: "done"; verdict: Verdict }
  | { kind: "review"; verdict: Verdict; reviewId: string }
  | { kind: "blocked"; verdict: Verdict }
  | { kind: "acknowledge"; verdict: Verdict }
  | { kind: "error"; message: string };

interface ApprovedReview {
  id: string;
  caseId: string;
  actionType: string;
  action: ActionDraft;
  decisionReason: string | null;
}

const writers = new Set(["officer", "supervisor", "admin"]);

function ResultView({ result, label }: { result: Result; label: string }) {
  switch (result.kind) {
    case "done":
      return (
        <Alert type="success" headingLevel="h4" heading={`Done: ${label}`} slim={false}>
          The action is recorded on the case.
          <VerdictView verdict={result.verdict} />
        </Alert>
      );
    case "review":
      return (
        <Alert type="info" headingLevel="h4" heading="Review requested">
          A supervisor other than you must approve it with a written reason (review {result.reviewId}). Once
          approved, open this action again and choose the approved review.
          <VerdictView verdict={result.verdict} />
        </Alert>
      );
    case "blocked":
      return (
        <Alert type="error" headingLevel="h4" heading={`Blocked: ${label} was not taken`}>
          The law does not allow it; the attempt is recorded on the case. There is no override: the fact named
          under “What would have to change” must change first.
          <VerdictView verdict={result.verdict} />
        </Alert>
      );
    case "acknowledge":
      return (
        <Alert type="warning" headingLevel="h4" heading="Acknowledge the warnings to go ahead">
          Nothing was written. Read the warnings, tick “I acknowledge the warnings” and submit again.
          <VerdictView verdict={result.verdict} />
        </Alert>
      );
    case "error":
      return (
        <Alert type="error" headingLevel="h4" heading="Not taken">
          {result.message}
        </Alert>
      );
  }
}

function ActionForm({
  t,
  view,
  initial,
  onChanged,
}: {
  t: ActionType;
  view: CaseView;
  initial: ActionDraft;
  onChanged: () => void;
}) {
  const id = `act-${t.type.replace(/\W/g, "-")}`;
  const [draft, setDraft] = useState<ActionDraft>(initial);
  const [acknowledge, setAcknowledge] = useState(false);
  const [reason, setReason] = useState("");
  const [reviews, setReviews] = useState<ApprovedReview[]>([]);
  const [reviewId, setReviewId] = useState("");
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ items: ApprovedReview[] }>("GET", "/reviews?status=approved")
      .then((r) => setReviews(r.items.filter((x) => x.caseId === view.case.id && x.actionType === t.type)))
      .catch(() => setReviews([]));
  }, [view.case.id, t.type]);

  const chooseReview = (rid: string) => {
    setReviewId(rid);
    const r = reviews.find((x) => x.id === rid);
    if (r) setDraft(r.action);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await api<{ status: string; verdict: Verdict; reviewId?: string }>(
        "POST",
        `/cases/${encodeURIComponent(view.case.id)}/actions`,
        {
          expectedVersion: view.case.version,
          action: draft,
          ...(acknowledge ? { acknowledge: true } : {}),
          ...(reviewId ? { reviewId } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
        },
      );
      setResult(
        r.status === "review_requested"
          ? { kind: "review", verdict: r.verdict, reviewId: r.reviewId ?? "" }
          : { kind: "done", verdict: r.verdict },
      );
      onChanged();
    } catch (err) {
      const verdict = failureVerdict(err);
      const code = err instanceof ApiFailure ? err.error.code : "";
      if (verdict && code === "blocked_by_law") {
        setResult({ kind: "blocked", verdict });
        onChanged();
      } else if (verdict && code === "acknowledgement_required") setResult({ kind: "acknowledge", verdict });
      else {
        setResult({ kind: "error", message: err instanceof Error ? err.message : "Something went wrong" });
        if (code === "conflict") onChanged();
      }
    } finally {
      setBusy(false);
    }
  };

  const { type: _t, on, ...fields } = draft;
  return (
    <Form onSubmit={submit} className="maxw-none margin-top-1" aria-label={`${t.label}: details`}>
      {reviews.length > 0 && (
        <>
          <Label htmlFor={`${id}-review`}>Approved review (takes exactly the approved action)</Label>
          <Select
            id={`${id}-review`}
            name="review"
            value={reviewId}
            onChange={(e: React.ChangeEvent<HTMLSelectElement>) => chooseReview(e.target.value)}
          >
            <option value="">— none —</option>
            {reviews.map((r) => (
              <option key={r.id} value={r.id}>
                Approved: {r.actionType} on {r.action.on}
                {r.decisionReason ? ` (${r.decisionReason.slice(0, 60)})` : ""}
              </option>
            ))}
          </Select>
        </>
      )}
      <Label htmlFor={`${id}-on`}>Date of the action</Label>
      <TextInput
        id={`${id}-on`}
        name="on"
        type="date"
        value={on}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, on: e.target.value })}
      />
      <ActionFields
        idPrefix={id}
        schema={t.schema}
        values={fields}
        onChange={(v) => setDraft({ ...v, type: t.type, on })}
      />
      <Label htmlFor={`${id}-reason`}>Reason or note (optional; kept with a review request)</Label>
      <Textarea
        id={`${id}-reason`}
        name="reason"
        value={reason}
        onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)}
      />
      <Checkbox
        id={`${id}-ack`}
        name="acknowledge"
        label="I acknowledge the warnings"
        checked={acknowledge}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => setAcknowledge(e.target.checked)}
      />
      <Button type="submit" disabled={busy}>
        {busy ? "Submitting…" : `Submit: ${t.label}`}
      </Button>
      {result && <ResultView result={result} label={t.label} />}
    </Form>
  );
}

function ActionRow({
  t,
  view,
  check,
  onChanged,
}: {
  t: ActionType;
  view: CaseView;
  check: Check;
  onChanged: () => void;
}) {
  const [open, setOpen] = useState(false);
  const headingId = `action-${t.type.replace(/\W/g, "-")}`;
  const concerns = check.state === "ok" ? check.verdict.findings.filter((f) => f.outcome !== "ALLOW") : [];
  return (
    <li className="border-top border-base-lighter padding-y-2">
      <div className="display-flex flex-justify flex-align-center flex-wrap">
        <h3 id={headingId} className="margin-y-0 font-heading-sm">
          {t.label}
          {t.irreversible && <span className="font-body-2xs text-normal"> (irreversible)</span>}
        </h3>
        <span>
          {check.state === "checking" && <span role="status">Checking…</span>}
          {check.state === "ok" && <OutcomeBadge outcome={check.verdict.outcome} />}
          {check.state === "incomplete" && <span className="usa-tag bg-base-dark">Details needed</span>}
        </span>
      </div>
      {check.state === "incomplete" && (
        <p className="margin-y-1 font-body-2xs">Fill in the form to see the verdict: {check.message}</p>
      )}
      {concerns.length > 0 && (
        <ul className="usa-list usa-list--unstyled margin-top-1">
          {concerns.map((f) => (
            <FindingItem key={`${f.rule}-${f.message}`} f={f} />
          ))}
        </ul>
      )}
      {check.state === "ok" && check.verdict.findings.length > concerns.length && (
        <details className="margin-y-1">
          <summary>
            Why it is {check.verdict.outcome === "ALLOW" ? "allowed" : "judged so"}: every rule
          </summary>
          <VerdictView verdict={check.verdict} heading={`Verdict for ${t.label}`} />
        </details>
      )}
      <Button type="button" outline aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? "Close" : "Take"}: {t.label}
      </Button>
      {open && <ActionForm t={t} view={view} initial={defaultAction(t, view)} onChanged={onChanged} />}
    </li>
  );
}

export function ActionsPanel({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const [me, setMe] = useState<Me | null>(null);
  const [catalog, setCatalog] = useState<ActionType[] | null>(null);
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Me>("GET", "/me").then(setMe, () => setMe(null));
    loadCatalog().then(setCatalog, (e) =>
      setError(e instanceof Error ? e.message : "Could not load actions"),
    );
  }, []);

  // Re-evaluated whenever the case changes (its version), so the verdicts shown are current.
  useEffect(() => {
    if (!catalog) return;
    let live = true;
    setChecks(Object.fromEntries(catalog.map((t) => [t.type, { state: "checking" } as Check])));
    for (const t of catalog) {
      evaluateAction(view.case.id, defaultAction(t, view)).then(
        (r) => live && setChecks((c) => ({ ...c, [t.type]: { state: "ok", verdict: r.verdict } })),
        (e) =>
          live &&
          setChecks((c) => ({
            ...c,
            [t.type]: { state: "incomplete", message: e instanceof Error ? e.message : "missing details" },
          })),
      );
    }
    return () => {
      live = false;
    };
  }, [catalog, view]);

  if (me && !writers.has(me.role)) return null;
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <p>
        Each action shows the verdict the law gives it today, with this case’s facts, before you press it.
      </p>
      {error && (
        <Alert type="error" headingLevel="h3" heading="Actions not available">
          {error}
        </Alert>
      )}
      {!catalog && !error && <p role="status">Loading actions…</p>}
      {catalog && (
        <ul className="usa-list usa-list--unstyled" aria-label="Actions on this case">
          {catalog.map((t) => (
            <ActionRow
              key={t.type}
              t={t}
              view={view}
              check={checks[t.type] ?? { state: "checking" }}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
