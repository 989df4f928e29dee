/**
 * Single sign-on against a real OpenID provider (`oidc-provider`) started on
 * 127.0.0.1 at a random port: login redirect, the provider's login and
 * consent, the callback, the session cookie; role and offices mapped from
 * configurable claims; refusals for a missing role, an identity that would
 * take over a local account, and a replayed or forged state.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

const REDIRECT = "http://127.0.0.1:9/api/v1/auth/oidc/callback";
const accounts: Record<string, Record<string, unknown>> = {
  "sub-alice": {
    preferred_username: "alice.sso",
    name: "Alice SSO",
    groups: ["ice-supervisors"],
    offices: "HOU,SNA",
  },
  "sub-nobody": { preferred_username: "nobody.sso", name: "No Role", groups: ["visitors"] },
  "sub-officer": {
    preferred_username: "officer",
    name: "Impostor",
    groups: ["ice-supervisors"],
    offices: "HOU",
  },
};

async function startProvider(): Promise<{ issuer: string; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "immos",
        client_secret: "immos-secret",
        redirect_uris: [REDIRECT],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "groups", "offices"] },
    findAccount: async (_ctx, id) =>
      accounts[id] ? { accountId: id, claims: async () => ({ sub: id, ...accounts[id] }) } : undefined,
    cookies: { keys: ["test-cookie-key"] },
    pkce: { required: () => true },
  });
  server.on("request", provider.callback());
  return { issuer, server };
}

/** A browser, minimally: follows redirects by hand, keeps cookies, submits the provider's forms. */
class Browser {
  cookies = new Map<string, string>();
  async go(
    url: string,
    form?: Record<string, string>,
  ): Promise<{ status: number; location?: string; text: string }> {
    const res = await fetch(url, {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const location = res.headers.get("location") ?? undefined;
    return { status: res.status, location: location && new URL(location, url).href, text: await res.text() };
  }
}

/** Drives the provider from the authorization URL to the redirect back to immos, as `sub`. */
async function loginAtProvider(authUrl: string, sub: string): Promise<string> {
  const b = new Browser();
  let r = await b.go(authUrl);
  for (let step = 0; step < 12; step++) {
    if (r.location?.startsWith(REDIRECT)) return r.location;
    if (r.location) {
      r = await b.go(r.location);
      continue;
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(r.text)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(r.text)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page: ${r.status} ${r.text.slice(0, 300)}`);
    const base = new URL(authUrl).origin;
    r = await b.go(
      new URL(action, base).href,
      prompt === "login" ? { prompt, login: sub, password: "x" } : { prompt },
    );
  }
  throw new Error("the provider never redirected back");
}

describe.each(backends())("OpenID Connect sign-in (%s)", (backend) => {
  let t: TestApp;
  let idp: { issuer: string; server: Server };

  beforeAll(async () => {
    accounts["sub-alice"].offices = "HOU,SNA"; // the previous backend's run changed it
    idp = await startProvider();
    Object.assign(process.env, {
      IMMOS_OIDC_ISSUER: idp.issuer,
      IMMOS_OIDC_CLIENT_ID: "immos",
      IMMOS_OIDC_CLIENT_SECRET: "immos-secret",
      IMMOS_OIDC_REDIRECT_URI: REDIRECT,
      IMMOS_OIDC_ROLE_CLAIM: "groups",
      IMMOS_OIDC_OFFICES_CLAIM: "offices",
      IMMOS_OIDC_ROLE_MAP: JSON.stringify({ "ice-supervisors": "supervisor" }),
    });
    t = await startTestApp(backend, { today: "2026-11-27" });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    idp?.server.close();
    for (const k of Object.keys(process.env)) if (k.startsWith("IMMOS_OIDC_")) delete process.env[k];
  });

  const start = async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/login" });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toContain(`${idp.issuer}/auth?`);
    expect(r.headers.location).toContain("code_challenge_method=S256");
    return r.headers.location as string;
  };
  const callback = (back: string) =>
    t.app.inject({ method: "GET", url: `/api/v1/auth/oidc/callback${new URL(back).search}` });

  it("says it is configured (the sign-in page shows the button)", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/status" });
    expect(r.json()).toEqual({ enabled: true });
  });

  it("signs in through the provider; role and offices come from the configured claims", async () => {
    const back = await loginAtProvider(await start(), "sub-alice");
    const r = await callback(back);
    expect(r.statusCode, r.body).toBe(302);
    expect(r.headers.location).toBe("/");
    const session = r.cookies.find((c) => c.name === "immos_session");
    expect(session?.httpOnly).toBe(true);
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/me",
      cookies: { immos_session: session!.value },
    });
    expect(me.json()).toMatchObject({
      username: "alice.sso",
      displayName: "Alice SSO",
      role: "supervisor",
      offices: ["HOU", "SNA"],
    });
    // The same state cannot be used twice.
    expect((await callback(back)).statusCode).toBe(401);
    // And the sign-in is in the audit log.
    const audit = await t.as("auditor")("GET", "/api/v1/audit?action=session.open&actor=system");
    expect(audit.body.items.some((e: { detail: { via?: string } }) => e.detail.via === "oidc")).toBe(true);
  });

  it("a second sign-in reuses the same user and refreshes role and offices from the provider", async () => {
    accounts["sub-alice"].offices = "HOU";
    const r = await callback(await loginAtProvider(await start(), "sub-alice"));
    const session = r.cookies.find((c) => c.name === "immos_session")!;
    const me = await t.app.inject({
      method: "GET",
      url: "/api/v1/me",
      cookies: { immos_session: session.value },
    });
    expect(me.json()).toMatchObject({ username: "alice.sso", offices: ["HOU"] });
  });

  it("refuses an identity that maps to no role", async () => {
    const r = await callback(await loginAtProvider(await start(), "sub-nobody"));
    expect(r.statusCode).toBe(403);
    expect(r.cookies.find((c) => c.name === "immos_session")).toBeUndefined();
  });

  it("will not let the provider take over a local account of the same name", async () => {
    const r = await callback(await loginAtProvider(await start(), "sub-officer"));
    expect(r.statusCode).toBe(409);
  });

  it("refuses a callback with a forged state or code", async () => {
    await start();
    expect((await callback(`${REDIRECT}?code=forged&state=forged`)).statusCode).toBe(401);
  });
});

describe("OpenID Connect when not configured", () => {
  it("hides the button and answers not_found", async () => {
    const [backend] = backends();
    const t = await startTestApp(backend);
    try {
      expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/status" })).json()).toEqual({
        enabled: false,
      });
      expect((await t.app.inject({ method: "GET", url: "/api/v1/auth/oidc/login" })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
