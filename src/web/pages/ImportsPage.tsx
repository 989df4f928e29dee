/**
 * Imports: upload a CSV or JSON Lines file from a source system with its mapping (docs/import.md),
 * and follow every import's progress; the page polls while an import is loading or linking.
 */
import { Alert, Button, Form, Label, Table, Textarea, TextInput } from "@trussworks/react-uswds";
import { useCallback, useEffect, useState } from "react";
import { api } from "../api.js";

interface ImportItem {
  id: string;
  source: string;
  fileName: string;
  status: string;
  offset: number;
  totalRows: number | null;
  accepted: number;
  duplicates: number;
  quarantined: number;
  linked: number;
  createdPersons: number;
  reviews: number;
  startedAt: string;
}

const EXAMPLE_MAPPING = JSON.stringify(
  {
    id: "rec_id",
    fields: {
      givenName: "given",
      familyName: "family",
      birthDate: { column: "dob", format: "DD/MM/YYYY" },
      aNumber: "a_number",
      citizenship: "country",
    },
  },
  null,
  2,
);

function Progress({ item }: { item: ImportItem }) {
  const total = Math.max(item.totalRows ?? item.offset, item.offset, 1);
  const id = `import-progress-${item.id}`;
  const label =
    item.status === "loading"
      ? `${item.offset} of ${total} rows`
      : item.status === "linking"
        ? "linking to persons"
        : item.status;
  return (
    <>
      <label htmlFor={id} className="display-block">
        {label}
      </label>
      <progress id={id} max={total} value={item.status === "loading" ? item.offset : total} />
    </>
  );
}

export function ImportsPage() {
  const [items, setItems] = useState<ImportItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [source, setSource] = useState("");
  const [mapping, setMapping] = useState(EXAMPLE_MAPPING);
  const [file, setFile] = useState<File | null>(null);
  const load = useCallback(() => {
    api<{ items: ImportItem[] }>("GET", "/imports").then(
      (r) => setItems(r.items),
      (e) => setError(e instanceof Error ? e.message : "Could not load imports"),
    );
  }, []);
  useEffect(load, [load]);
  const running = items?.some((i) => i.status === "loading" || i.status === "linking") ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(load, 1000);
    return () => clearInterval(timer);
  }, [running, load]);

  const upload = async () => {
    setError(null);
    setNotice(null);
    if (!file) return;
    try {
      const content = await file.text();
      const format = /\.(jsonl|ndjson|json)$/i.test(file.name) ? "jsonl" : "csv";
      const started = await api<ImportItem>("POST", "/imports", {
        source,
        fileName: file.name,
        format,
        mapping: JSON.parse(mapping),
        content,
      });
      setNotice(
        started.status === "done"
          ? `${file.name} was imported before: nothing changed.`
          : `Importing ${file.name}.`,
      );
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not start the import");
    }
  };

  return (
    <>
      <h1>Imports</h1>
      <p>
        Person records from a source system, with a mapping of its columns. Bad rows are kept in quarantine
        with their reason; importing the same file again changes nothing.
      </p>
      <Form onSubmit={(e: React.FormEvent) => e.preventDefault()} className="maxw-tablet">
        <Label htmlFor="import-source">Source system</Label>
        <TextInput
          id="import-source"
          name="source"
          type="text"
          value={source}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSource(e.target.value)}
        />
        <Label htmlFor="import-file">File (CSV or JSON Lines)</Label>
        <input
          id="import-file"
          name="file"
          type="file"
          className="usa-file-input__input"
          accept=".csv,.jsonl,.ndjson,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <Label htmlFor="import-mapping">Mapping (JSON)</Label>
        <Textarea
          id="import-mapping"
          name="mapping"
          value={mapping}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setMapping(e.target.value)}
        />
        <Button type="button" disabled={!file || source.trim() === ""} onClick={upload}>
          Import
        </Button>
      </Form>
      <div aria-live="polite">
        {notice && (
          <Alert type="info" headingLevel="h2" heading="Import" className="margin-top-2">
            {notice}
          </Alert>
        )}
      </div>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Import problem">
          {error}
        </Alert>
      )}
      {!items && !error && <p role="status">Loading imports…</p>}
      {items && items.length === 0 && <p>No imports yet.</p>}
      {items && items.length > 0 && (
        <Table bordered fullWidth caption="Imports, newest first">
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">File</th>
              <th scope="col">Progress</th>
              <th scope="col">New records</th>
              <th scope="col">Already there</th>
              <th scope="col">Quarantined</th>
              <th scope="col">Linked</th>
              <th scope="col">New persons</th>
              <th scope="col">To review</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>{i.source}</td>
                <td>{i.fileName}</td>
                <td>
                  <Progress item={i} />
                </td>
                <td>{i.accepted}</td>
                <td>{i.duplicates}</td>
                <td>{i.quarantined}</td>
                <td>{i.linked}</td>
                <td>{i.createdPersons}</td>
                <td>{i.reviews}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
