import { Alert, Button, Checkbox, Fieldset, Form, Label, Select, TextInput } from "@trussworks/react-uswds";
import { useState } from "react";
import { ApiFailure, api } from "../api.js";
import { type DocumentMeta, explain, languages } from "./documents-api.js";

const recipients = [
  ["person", "The person"],
  ["custodian", "Custodian (adult, for a minor or incompetent person)"],
  ["counsel", "Counsel of record"],
] as const;

/** Records who was served, how, when, in which language. Serving an NTA also records nta.served. */
export function DocumentServiceForm({
  caseId,
  doc,
  onRecorded,
}: {
  caseId: string;
  doc: DocumentMeta;
  onRecorded: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [needsAck, setNeedsAck] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = (s: string) => `service-${doc.id.slice(0, 8)}-${s}`;

  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const chosen = recipients
      .filter(([to]) => data.get(`to-${to}`) === "on")
      .map(([to]) => ({ to, method: String(data.get(`method-${to}`) ?? "personal") }));
    setBusy(true);
    setError(null);
    try {
      // An NTA's service is appended to the history with the version read just now.
      const view = await api<{ case: { version: number } }>("GET", `/cases/${caseId}`);
      await api("POST", `/documents/${doc.id}/service`, {
        on: data.get("on"),
        at: data.get("at") || undefined,
        lang: data.get("lang") || undefined,
        recipients: chosen,
        expectedVersion: view.case.version,
        acknowledge: data.get("acknowledge") === "on" || undefined,
      });
      setNeedsAck(false);
      onRecorded();
    } catch (err) {
      if (err instanceof ApiFailure && err.error.code === "acknowledgement_required") setNeedsAck(true);
      setError(explain(err, "Could not record the service"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form onSubmit={submit} large>
      <Fieldset legend={`Record service of ${doc.form}`}>
        {error && (
          <Alert type="error" headingLevel="h4" heading="Service not recorded" slim>
            {error}
          </Alert>
        )}
        <Label htmlFor={id("on")}>Date served</Label>
        <TextInput id={id("on")} name="on" type="date" required />
        <Label htmlFor={id("at")}>Time served (optional)</Label>
        <TextInput id={id("at")} name="at" type="time" />
        <Label htmlFor={id("lang")}>Language of service</Label>
        <Select id={id("lang")} name="lang" defaultValue={doc.lang}>
          {languages.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
        <Fieldset legend="Served to">
          {recipients.map(([to, label]) => (
            <div key={to} className="margin-bottom-1">
              <Checkbox
                id={id(`to-${to}`)}
                name={`to-${to}`}
                label={label}
                defaultChecked={to === "person"}
              />
              <Label htmlFor={id(`method-${to}`)} className="margin-top-05">
                How ({to})
              </Label>
              <Select
                id={id(`method-${to}`)}
                name={`method-${to}`}
                defaultValue={to === "counsel" ? "mail" : "personal"}
              >
                <option value="personal">In person</option>
                <option value="mail">By mail</option>
                <option value="electronic">Electronically</option>
              </Select>
            </div>
          ))}
        </Fieldset>
        {needsAck && (
          <Checkbox id={id("ack")} name="acknowledge" label="I have read the warnings and go ahead" />
        )}
        <Button type="submit" disabled={busy}>
          {busy ? "Recording…" : "Record service"}
        </Button>
      </Fieldset>
    </Form>
  );
}
