/**
 * What if: choose an action and a date (past or future), see the verdict the
 * law would give with this case's facts. Nothing is written.
 */
import { Alert, Button, Form, Label, Select, TextInput } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import type { CaseView } from "../api.js";
import { ActionFields } from "./ActionFields.js";
import {
  type ActionDraft,
  type ActionType,
  defaultAction,
  evaluateAction,
  loadCatalog,
  todayIso,
  type Verdict,
} from "./law-api.js";
import { VerdictView } from "./VerdictView.js";

export function WhatIfPanel({ view }: { view: CaseView }) {
  const [catalog, setCatalog] = useState<ActionType[]>([]);
  const [type, setType] = useState("");
  const [draft, setDraft] = useState<ActionDraft | null>(null);
  const [verdict, setVerdict] = useState<{ verdict: Verdict; action: ActionDraft } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadCatalog().then(
      (items) => {
        setCatalog(items);
        const first = items.find((i) => i.type === "removal.execute") ?? items[0];
        if (first) {
          setType(first.type);
          setDraft(defaultAction(first, view, todayIso()));
        }
      },
      () => setError("Could not load the actions"),
    );
  }, [view]);

  const t = catalog.find((c) => c.type === type);
  const choose = (next: string) => {
    const c = catalog.find((x) => x.type === next);
    setType(next);
    if (c) setDraft(defaultAction(c, view, draft?.on ?? todayIso()));
    setVerdict(null);
  };

  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setError(null);
    try {
      const r = await evaluateAction(view.case.id, draft);
      setVerdict({ verdict: r.verdict, action: draft });
    } catch (err) {
      setVerdict(null);
      setError(err instanceof Error ? err.message : "Could not evaluate");
    }
  };

  return (
    <section aria-labelledby="whatif-heading">
      <h2 id="whatif-heading">What if</h2>
      <p>Choose an action and a date to see the verdict the law would give. Nothing is written.</p>
      {t && draft && (
        <Form onSubmit={run} className="maxw-none">
          <Label htmlFor="whatif-type">Action</Label>
          <Select
            id="whatif-type"
            name="type"
            value={type}
            onChange={(e: React.ChangeEvent<HTMLSelectElement>) => choose(e.target.value)}
          >
            {catalog.map((c) => (
              <option key={c.type} value={c.type}>
                {c.label}
              </option>
            ))}
          </Select>
          <Label htmlFor="whatif-on">Date</Label>
          <TextInput
            id="whatif-on"
            name="on"
            type="date"
            value={draft.on}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, on: e.target.value })}
          />
          <details className="margin-top-2">
            <summary>Details of the action</summary>
            <ActionFields
              key={type}
              idPrefix="whatif"
              schema={t.schema}
              values={(({ type: _t, on: _o, ...rest }) => rest)(draft)}
              onChange={(v) => setDraft({ ...v, type, on: draft.on })}
            />
          </details>
          <Button type="submit">See the verdict</Button>
        </Form>
      )}
      {error && (
        <Alert type="error" headingLevel="h3" heading="No verdict">
          {error}
        </Alert>
      )}
      {verdict && (
        <div aria-live="polite" className="margin-top-2">
          <VerdictView
            verdict={verdict.verdict}
            heading={`What if: ${catalog.find((c) => c.type === verdict.action.type)?.label ?? verdict.action.type} on ${verdict.action.on}`}
          />
          {verdict.verdict.deadlines.length > 0 && (
            <p className="font-body-2xs">
              Deadlines as of {verdict.action.on}:{" "}
              {verdict.verdict.deadlines.map((d) => `${d.kind} ${d.due}`).join("; ")}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
