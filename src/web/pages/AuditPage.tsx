/**
 * The auditor's page: is the audit log intact (hash chain and signed
 * checkpoints), and who did what, when, for which purpose.
 */
import { Alert, Button, Fieldset, Form, Grid, Label, Table, TextInput } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { ApiFailure, api } from "../api.js";

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  purpose: string | null;
}
interface Verify {
  ok: boolean;
  entries: number;
  head: { seq: number } | null;
  checkpoints: number;
  latestCheckpoint: { headSeq: number; at: string } | null;
  finding: { seq: number; problem: string; message: string } | null;
  millis: number;
}

const fields = [
  ["actor", "Actor (user name)", "text"],
  ["action", "Action (or its start, e.g. disclosure)", "text"],
  ["entity", "Entity (case, user, …)", "text"],
  ["entityId", "Entity id", "text"],
  ["from", "From date", "date"],
  ["to", "To date", "date"],
] as const;

export function AuditPage() {
  const [items, setItems] = useState<Entry[] | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [error, setError] = useState<string | null>(null);

  const search = useCallback((query: URLSearchParams) => {
    setError(null);
    api<{ items: Entry[] }>("GET", `/audit?${query}`)
      .then((r) => setItems(r.items))
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Search failed"));
  }, []);
  const runVerify = useCallback(() => {
    setVerify(null);
    api<Verify>("GET", "/audit/verify")
      .then(setVerify)
      .catch((e) => setError(e instanceof ApiFailure ? e.message : "Verification failed"));
  }, []);
  useEffect(() => {
    search(new URLSearchParams({ limit: "100" }));
    runVerify();
  }, [search, runVerify]);

  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = new URLSearchParams({ limit: "100" });
    for (const [k, v] of new FormData(e.currentTarget))
      if (typeof v === "string" && v.trim()) q.set(k, v.trim());
    search(q);
  };

  return (
    <>
      <h1>Audit log</h1>
      <section aria-labelledby="verify-heading">
        <h2 id="verify-heading">Integrity</h2>
        {!verify && <p role="status">Verifying the chain…</p>}
        {verify?.ok && (
          <Alert type="success" headingLevel="h3" heading="The audit log is intact" slim>
            {verify.entries} entries, head at {verify.head?.seq ?? 0}; {verify.checkpoints} signed
            checkpoint(s)
            {verify.latestCheckpoint
              ? `, the latest at entry ${verify.latestCheckpoint.headSeq} (${verify.latestCheckpoint.at})`
              : ""}
            . Checked in {verify.millis} ms.
          </Alert>
        )}
        {verify && !verify.ok && (
          <Alert type="error" headingLevel="h3" heading={`Tampering found at entry ${verify.finding?.seq}`}>
            {verify.finding?.problem}: {verify.finding?.message}
          </Alert>
        )}
        <Button type="button" outline onClick={runVerify}>
          Verify again
        </Button>
      </section>
      <h2>Search</h2>
      <Form onSubmit={submit} large>
        <Fieldset legend="Filter entries">
          <Grid row gap>
            {fields.map(([name, label, type]) => (
              <Grid key={name} tablet={{ col: 4 }}>
                <Label htmlFor={`audit-${name}`}>{label}</Label>
                <TextInput id={`audit-${name}`} name={name} type={type} />
              </Grid>
            ))}
          </Grid>
          <Button type="submit">Search</Button>
        </Fieldset>
      </Form>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Could not load the audit log" slim>
          {error}
        </Alert>
      )}
      {items && (
        <>
          <p role="status">{items.length === 1 ? "1 entry" : `${items.length} entries`}</p>
          <Table bordered fullWidth caption="Audit entries, newest first">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                <th scope="col">Purpose</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.seq}>
                  <td>{e.seq}</td>
                  <td>{e.at}</td>
                  <td>{e.actor}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.entity}
                    {e.entityId ? ` ${e.entityId}` : ""}
                  </td>
                  <td>{e.purpose ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </>
  );
}
