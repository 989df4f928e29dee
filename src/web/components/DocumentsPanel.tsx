import { Alert, Button, Fieldset, Form, Label, Select, Table, TextInput } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api.js";
import { DocumentServiceForm } from "./DocumentServiceForm.js";
import { type DocumentMeta, explain, forms, type JobView, languages, pdfUrl } from "./documents-api.js";

/** The NTA's facts that are not in the history: the charge and the scheduled hearing. */
function NtaFields() {
  return (
    <Fieldset legend="Notice to Appear: charge and hearing">
      <Label htmlFor="nta-section">Charge: INA section</Label>
      <TextInput id="nta-section" name="section" type="text" defaultValue="212(a)(6)(A)(i)" required />
      <Label htmlFor="nta-description">Charge: description</Label>
      <TextInput
        id="nta-description"
        name="description"
        type="text"
        defaultValue="an alien present in the United States without being admitted or paroled"
        required
      />
      <Label htmlFor="nta-date">Hearing date</Label>
      <TextInput id="nta-date" name="hearingDate" type="date" required />
      <Label htmlFor="nta-time">Hearing time</Label>
      <TextInput id="nta-time" name="hearingTime" type="time" required />
      <Label htmlFor="nta-place">Hearing place (court address)</Label>
      <TextInput id="nta-place" name="hearingPlace" type="text" required />
    </Fieldset>
  );
}

function requestOf(data: FormData) {
  const form = String(data.get("form"));
  const details =
    form === "I-862"
      ? {
          nta: {
            charges: [{ section: String(data.get("section")), description: String(data.get("description")) }],
            hearing: {
              date: String(data.get("hearingDate")),
              time: String(data.get("hearingTime")),
              place: String(data.get("hearingPlace")),
            },
          },
        }
      : undefined;
  return { form, lang: data.get("lang") ? String(data.get("lang")) : undefined, details };
}

/** A case's legal documents: generate (one, or for every case at this office and stage), preview, download, serve. */
export function DocumentsPanel({ caseId, caseNumber }: { caseId: string; caseNumber: string }) {
  const [docs, setDocs] = useState<DocumentMeta[] | null>(null);
  const [form, setForm] = useState("I-862");
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<JobView | null>(null);

  const load = useCallback(async () => {
    const r = await api<{ items: DocumentMeta[] }>("GET", `/cases/${encodeURIComponent(caseId)}/documents`);
    setDocs(r.items);
  }, [caseId]);
  useEffect(() => {
    load().catch((e) => setError(explain(e, "Could not load the documents")));
  }, [load]);

  useEffect(() => {
    if (!job || job.status === "done") return;
    const timer = setTimeout(() => {
      api<JobView>("GET", `/document-jobs/${job.id}`)
        .then((j) => {
          setJob(j);
          if (j.status === "done") load();
        })
        .catch((e) => setError(explain(e, "Could not follow the job")));
    }, 500);
    return () => clearTimeout(timer);
  }, [job, load]);

  const generate = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const bulk = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "bulk";
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (bulk) {
        const view = await api<{ case: { stage: string; office: { code: string } } }>(
          "GET",
          `/cases/${caseId}`,
        );
        const selection = { officeCode: view.case.office.code, stage: view.case.stage };
        setJob(await api<JobView>("POST", "/document-jobs", { ...requestOf(data), selection }));
      } else {
        const doc = await api<DocumentMeta>(
          "POST",
          `/cases/${encodeURIComponent(caseId)}/documents`,
          requestOf(data),
        );
        await load();
        setSelected(doc.id);
        setNotice(`${doc.form} generated for case ${caseNumber}.`);
      }
    } catch (err) {
      setError(explain(err, "The document could not be generated"));
    } finally {
      setBusy(false);
    }
  };

  const current = docs?.find((d) => d.id === selected);
  return (
    <section aria-labelledby="documents-generate">
      <h3 id="documents-generate">Generate a document</h3>
      {error && (
        <Alert type="error" headingLevel="h4" heading="Not generated" slim>
          {error}
        </Alert>
      )}
      {notice && (
        <Alert type="success" headingLevel="h4" heading="Document generated" slim role="status">
          {notice}
        </Alert>
      )}
      <Form onSubmit={generate} large>
        <Label htmlFor="doc-form">Form</Label>
        <Select
          id="doc-form"
          name="form"
          value={form}
          onChange={(e: React.ChangeEvent<HTMLSelectElement>) => setForm(e.target.value)}
        >
          {forms.map(([id, title]) => (
            <option key={id} value={id}>
              {id} {title}
            </option>
          ))}
        </Select>
        <Label htmlFor="doc-lang">Language of the notice</Label>
        <Select id="doc-lang" name="lang" defaultValue="">
          <option value="">The person's language</option>
          {languages.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Select>
        {form === "I-862" && <NtaFields />}
        <Button type="submit" value="one" disabled={busy}>
          {busy ? "Working…" : "Generate"}
        </Button>
        <Button type="submit" value="bulk" outline disabled={busy}>
          Generate for every case at this office and stage
        </Button>
      </Form>
      {job && (
        <div className="margin-top-2" role="status">
          <Label htmlFor="doc-job-progress">
            Bulk {job.status === "done" ? "finished" : "in progress"}: {job.done + job.failed} of {job.total}{" "}
            cases ({job.failed} refused)
          </Label>
          <progress id="doc-job-progress" max={job.total} value={job.done + job.failed} />
        </div>
      )}

      <h3>Documents of case {caseNumber}</h3>
      {docs === null ? (
        <p role="status">Loading documents…</p>
      ) : docs.length === 0 ? (
        <p>No documents yet.</p>
      ) : (
        <Table bordered fullWidth>
          <caption className="usa-sr-only">Documents of case {caseNumber}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Form</th>
              <th scope="col">Language</th>
              <th scope="col">Generated</th>
              <th scope="col">Served</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.form}</th>
                <td>{d.lang}</td>
                <td>
                  {d.generatedAt.slice(0, 16).replace("T", " ")} by {d.generatedBy}
                </td>
                <td>
                  {d.services.length
                    ? d.services.map((s) => `${s.servedTo} (${s.method}, ${s.on})`).join("; ")
                    : "not yet"}
                </td>
                <td>
                  <Button
                    type="button"
                    unstyled
                    onClick={() => setSelected(d.id)}
                    aria-label={`Preview ${d.form} of ${d.generatedAt.slice(0, 10)}`}
                  >
                    Preview
                  </Button>{" "}
                  ·{" "}
                  <a href={pdfUrl(d.id)} download={`${caseNumber}-${d.form}.pdf`}>
                    Download<span className="usa-sr-only"> {d.form} PDF</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {current && (
        <>
          <h3>
            Preview: {current.form} ({current.lang})
          </h3>
          <p className="font-body-2xs">
            Template {current.templateVersion} · sha256 {current.pdfSha256.slice(0, 16)}… ·{" "}
            {Math.round(current.pdfBytes / 1024)} KB
          </p>
          <iframe
            title={`${current.form} for case ${caseNumber} (PDF)`}
            src={pdfUrl(current.id)}
            className="immos-pdf-preview"
            style={{ width: "100%", height: "32rem", border: "1px solid #71767a" }}
          />
          <DocumentServiceForm caseId={caseId} doc={current} onRecorded={() => load()} />
        </>
      )}
    </section>
  );
}
