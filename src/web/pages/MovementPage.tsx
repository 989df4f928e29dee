/**
 * One movement: its manifest with each person's verdict and reasons, the
 * people who may be added (each addition asks the law engine), the lock, the
 * boarding (both run the final gate), departure verification (I-296), and
 * the alerts the gate raised for the officer in charge.
 */
import { Alert, Button, Form, Label, Table, Tag, TextInput } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { ApiFailure, api } from "../api.js";
import type { Finding, Outcome, Verdict } from "../components/law-api.js";
import { FindingItem, OutcomeBadge } from "../components/VerdictView.js";
import { linkTo } from "../router.js";

export interface Movement {
  id: string;
  number: string;
  kind: string;
  country: string;
  label: string | null;
  departOn: string;
  departAt: string;
  tz: string;
  stagingFacilityCode: string;
  seats: number;
  status: string;
  boardingCompletedAt: string | null;
}

export interface MovementAlert {
  id: string;
  caseId: string;
  caseNumber: string;
  movementNumber: string;
  gate: string;
  message: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

interface Entry {
  id: string;
  caseId: string;
  caseNumber: string;
  givenName: string;
  familyName: string;
  role: string;
  status: string;
  addedOutcome: Outcome;
  lastGate: string;
  lastOutcome: Outcome;
  lastVerdict: Verdict;
  struckReason: { message: string; findings: Finding[] } | null;
}

interface Candidate {
  caseId: string;
  caseNumber: string;
  givenName: string;
  familyName: string;
  stage: string;
}

interface GateResult {
  gate: string;
  checked: number;
  kept: number;
  struck: { caseId: string; message: string }[];
}

const failure = (e: unknown, fallback: string) => (e instanceof ApiFailure ? e.message : fallback);
const todayLocal = () => new Date().toISOString().slice(0, 10);

export function MovementPage({ movementRef }: { movementRef: string }) {
  const [view, setView] = useState<{ movement: Movement; entries: Entry[]; alerts: MovementAlert[] } | null>(
    null,
  );
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ who: string; message: string } | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = () => setReloads((n) => n + 1);

  const load = useCallback(async () => {
    try {
      const v = await api<{ movement: Movement; entries: Entry[]; alerts: MovementAlert[] }>(
        "GET",
        `/movements/${encodeURIComponent(movementRef)}`,
      );
      setView(v);
      if (v.movement.status === "open") {
        const c = await api<{ items: Candidate[] }>("GET", `/movements/${v.movement.id}/candidates`);
        setCandidates(c.items);
      } else setCandidates([]);
    } catch (e) {
      setError(failure(e, "Could not load the movement"));
    }
  }, [movementRef]);
  useEffect(() => {
    void reloads;
    void load();
  }, [load, reloads]);

  if (error && !view)
    return (
      <Alert type="error" headingLevel="h1" heading="Movement not available">
        {error}
      </Alert>
    );
  if (!view) return <p role="status">Loading movement…</p>;
  const m = view.movement;
  const standing = view.entries.filter((e) => e.status === "listed" || e.status === "boarded").length;

  const gateNotice = (g: GateResult) =>
    `${g.gate} gate: ${g.checked} checked, ${g.kept} allowed, ${g.struck.length} struck.`;
  const run = async (work: () => Promise<string>) => {
    setError(null);
    setNotice(null);
    setRefusal(null);
    try {
      setNotice(await work());
    } catch (e) {
      setError(failure(e, "The request failed"));
    }
    reload();
  };
  const add = (c: Candidate, role: "primary" | "alternate") =>
    run(async () => {
      try {
        const r = await api<{ verdict: Verdict }>("POST", `/movements/${m.id}/manifest`, {
          caseId: c.caseId,
          role,
        });
        return `${c.familyName}, ${c.givenName} added as ${role} (${r.verdict.outcome}).`;
      } catch (e) {
        if (e instanceof ApiFailure && e.error.code === "blocked_by_law") {
          setRefusal({ who: `${c.familyName}, ${c.givenName}`, message: e.message });
          return "";
        }
        throw e;
      }
    });
  const lock = () =>
    run(async () => gateNotice((await api<{ gate: GateResult }>("POST", `/movements/${m.id}/lock`)).gate));
  const board = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const at = String(new FormData(e.currentTarget).get("boardingCompletedAt") ?? "");
    return run(async () => {
      const r = await api<{ gate: GateResult; boarded: string[] }>("POST", `/movements/${m.id}/board`, {
        boardingCompletedAt: at.slice(0, 16),
      });
      return `${gateNotice(r.gate)} ${r.boarded.length} boarded.`;
    });
  };
  const verify = (entry: Entry) =>
    run(async () => {
      await api("POST", `/movements/${m.id}/departures`, { caseId: entry.caseId, on: todayLocal() });
      return `Departure of ${entry.familyName}, ${entry.givenName} verified (I-296); the case is closed.`;
    });

  return (
    <>
      <p>
        <a {...linkTo("/movements")}>← All movements</a>
      </p>
      <h1>Movement {m.number}</h1>
      <dl className="immos-facts">
        <dt>Kind</dt>
        <dd>
          {m.kind}
          {m.label ? ` (${m.label})` : ""}
        </dd>
        <dt>Destination</dt>
        <dd>{m.country}</dd>
        <dt>Departure</dt>
        <dd>
          {m.departOn} {m.departAt} ({m.tz})
        </dd>
        <dt>Staging facility</dt>
        <dd>{m.stagingFacilityCode}</dd>
        <dt>Seats</dt>
        <dd>
          {m.seats} ({standing} standing on the manifest)
        </dd>
        <dt>Status</dt>
        <dd>
          <Tag>{m.status}</Tag>
          {m.boardingCompletedAt ? ` boarding completed ${m.boardingCompletedAt}` : ""}
        </dd>
      </dl>

      <div role="status" aria-live="polite">
        {notice && (
          <Alert type="success" headingLevel="h2" slim>
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" headingLevel="h2" slim>
          {error}
        </Alert>
      )}
      {refusal && (
        <Alert type="error" headingLevel="h2" heading={`${refusal.who} was not added`}>
          {refusal.message}
        </Alert>
      )}

      {m.status === "open" && (
        <Button type="button" onClick={lock}>
          Lock manifest and run the final gate
        </Button>
      )}
      {m.status === "locked" && (
        <Form onSubmit={board}>
          <Label htmlFor="boarding-at" hint={` (local time, ${m.tz})`}>
            Boarding completed at
          </Label>
          <TextInput id="boarding-at" name="boardingCompletedAt" type="datetime-local" required />
          <Button type="submit">Record boarding and run the final gate</Button>
        </Form>
      )}

      {view.alerts.length > 0 && (
        <section aria-labelledby="mv-alerts">
          <h2 id="mv-alerts">Alerts to the officer in charge</h2>
          <ul className="usa-list">
            {view.alerts.map((a) => (
              <li key={a.id}>
                {a.acknowledgedAt ? "" : "Open: "}case {a.caseNumber} ({a.gate}): {a.message}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2>Manifest</h2>
      <Table fullWidth>
        <caption className="usa-sr-only">Manifest of {m.number}, with each person's verdict</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Verdict when added</th>
            <th scope="col">Latest gate</th>
            <th scope="col">Reasons</th>
            {m.status === "boarded" && <th scope="col">Departure</th>}
          </tr>
        </thead>
        <tbody>
          {view.entries.map((e) => {
            const concerns = e.struckReason?.findings?.length
              ? e.struckReason.findings
              : (e.lastVerdict?.findings ?? []).filter((f) => f.outcome !== "ALLOW");
            return (
              <tr key={e.id}>
                <th scope="row">
                  <a {...linkTo(`/cases/${e.caseNumber}`)}>
                    {e.familyName}, {e.givenName}
                  </a>
                  <div className="font-body-2xs">{e.caseNumber}</div>
                </th>
                <td>{e.role}</td>
                <td>
                  <Tag>{e.status.replace(/_/g, " ")}</Tag>
                </td>
                <td>
                  <OutcomeBadge outcome={e.addedOutcome} />
                </td>
                <td>
                  {e.lastGate}: <OutcomeBadge outcome={e.lastOutcome} />
                </td>
                <td>
                  {e.struckReason && <p className="margin-top-0">{e.struckReason.message}</p>}
                  {!e.struckReason && concerns.length === 0 && "No concern found."}
                  {!e.struckReason && concerns.length > 0 && (
                    <ul className="usa-list usa-list--unstyled">
                      {concerns.map((f) => (
                        <FindingItem key={`${f.rule}-${f.message}`} f={f} />
                      ))}
                    </ul>
                  )}
                </td>
                {m.status === "boarded" && (
                  <td>
                    {e.status === "boarded" && (
                      <Button type="button" outline onClick={() => verify(e)}>
                        Verify departure of {e.familyName}, {e.givenName} (I-296)
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </Table>
      {view.entries.length === 0 && <p>No one is on the manifest yet.</p>}

      {m.status === "open" && (
        <section aria-labelledby="mv-candidates">
          <h2 id="mv-candidates">People with an order to {m.country}</h2>
          <p>Each addition asks the law engine first (manifest.add); only an allowed person is added.</p>
          <Table fullWidth striped>
            <caption className="usa-sr-only">Candidates for {m.number}</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Stage</th>
                <th scope="col">Add</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.caseId}>
                  <th scope="row">
                    <a {...linkTo(`/cases/${c.caseNumber}`)}>
                      {c.familyName}, {c.givenName}
                    </a>
                    <div className="font-body-2xs">{c.caseNumber}</div>
                  </th>
                  <td>{c.stage.replace(/_/g, " ")}</td>
                  <td>
                    <Button type="button" onClick={() => add(c, "primary")}>
                      Add {c.familyName}, {c.givenName}
                    </Button>
                    <Button type="button" outline onClick={() => add(c, "alternate")}>
                      Add {c.familyName}, {c.givenName} as alternate
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          {candidates.length === 0 && <p>No other person has an order to {m.country}.</p>}
        </section>
      )}
    </>
  );
}
