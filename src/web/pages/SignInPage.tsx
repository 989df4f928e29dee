import { Alert, Button, Fieldset, Form, Label, TextInput } from "@trussworks/react-uswds";
import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.js";

export function SignInPage({ onSignedIn }: { onSignedIn: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Single sign-on (src/http/oidc.ts): offered only when the server has a provider configured.
  const [sso, setSso] = useState(false);
  useEffect(() => {
    api<{ enabled: boolean }>("GET", "/auth/oidc/status")
      .then((r) => setSso(r.enabled))
      .catch(() => setSso(false));
  }, []);
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/auth/sign-in", { username: data.get("username"), password: data.get("password") });
      onSignedIn();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : "Sign-in failed");
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h1>Sign in</h1>
      {error && (
        <Alert type="error" headingLevel="h2" heading="Could not sign in" slim>
          {error}
        </Alert>
      )}
      {sso && (
        <p>
          <a className="usa-button usa-button--outline" href="/api/v1/auth/oidc/login">
            Sign in with your agency account
          </a>
        </p>
      )}
      <Form onSubmit={submit}>
        <Fieldset legend="Your immos account">
          <Label htmlFor="username">User name</Label>
          <TextInput id="username" name="username" type="text" autoComplete="username" required />
          <Label htmlFor="password">Password</Label>
          <TextInput id="password" name="password" type="password" autoComplete="current-password" required />
          <Button type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </Button>
        </Fieldset>
      </Form>
    </>
  );
}
