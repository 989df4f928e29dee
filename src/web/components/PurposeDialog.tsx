/**
 * Asks for the purpose of access before the confidential parts of a case
 * (8 CFR 208.6, 8 U.S.C. 1367) are shown. Shown only to a reader with a need
 * to know; the purpose goes to the server as X-Purpose and the server logs
 * the disclosure. Until then the page shows the case with those parts
 * withheld.
 */
import { Alert, Button, Form, Label, Textarea } from "@trussworks/react-uswds";
import { useState } from "react";

export function PurposeDialog({ onPurpose }: { onPurpose: (purpose: string) => void }) {
  const [purpose, setPurpose] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const p = purpose.trim();
    if (p.length < 5) {
      setError("State the purpose in a few words (at least 5 characters).");
      return;
    }
    onPurpose(p);
  };
  return (
    <section aria-labelledby="purpose-heading" className="border-1px border-warning padding-2 margin-y-2">
      <Alert type="warning" headingLevel="h2" heading="Confidential information withheld" slim={false}>
        <span id="purpose-heading">Parts of this case are confidential by law.</span> To see them, state why
        you need them. Your name, the case and your purpose are recorded in the audit log.
      </Alert>
      <Form onSubmit={submit} large>
        <Label htmlFor="purpose-of-access">Purpose of access</Label>
        {error && (
          <span className="usa-error-message" id="purpose-error" role="alert">
            {error}
          </span>
        )}
        <Textarea
          id="purpose-of-access"
          name="purpose"
          value={purpose}
          maxLength={200}
          aria-describedby={error ? "purpose-error" : undefined}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setPurpose(e.target.value)}
        />
        <Button type="submit">Show confidential information</Button>
      </Form>
    </section>
  );
}
