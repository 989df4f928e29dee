/**
 * Bad input never breaks the API: for every route that takes a JSON body (read from the OpenAPI
 * document the server publishes), fast-check sends bodies derived from the route's own schema,
 * mutations of them (a key dropped, a value replaced by any JSON, the whole body replaced) and raw
 * non-JSON; and mutations of the example scenario files to POST /scenarios/evaluate. The answer is
 * never a 5xx, and every 400/404/409/422 names the field at fault (`error.field`).
 * Bounded in `npm test` (IMMOS_FUZZ_RUNS, default 2,000 over all routes); set IMMOS_FUZZ_RUNS=100000
 * for the full run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.js";
import { backends } from "./support/databases.js";

type Schema = Record<string, any>;
const TOTAL_RUNS = Number(process.env.IMMOS_FUZZ_RUNS ?? 2000);
/** Routes whose valid bodies do heavy or destructive work (seed millions, purge): mutations only. */
const HEAVY = new Set(["/api/v1/admin/seed", "/api/v1/retention/purge"]);
/** 401/403/429 are about who asks, not about a field. */
const FIELDLESS = new Set([401, 403, 429]);

/** An arbitrary for (mostly) valid values of a JSON schema, as fastify-type-provider-zod emits them. */
function fromSchema(s: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf || s.oneOf)
    return fc.oneof(...(s.anyOf ?? s.oneOf).map((x: Schema) => fromSchema(x, depth + 1)));
  if (s.allOf) return fromSchema(s.allOf[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type : [s.type];
  if (type.length > 1) return fc.oneof(...type.map((t: string) => fromSchema({ ...s, type: t }, depth)));
  switch (type[0]) {
    case "string":
      if (s.pattern) {
        try {
          return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 1000));
        } catch {
          return fc.string();
        }
      }
      if (s.format === "uuid") return fc.uuid();
      if (s.format === "date") return fc.constantFrom("2026-01-05", "2025-12-31");
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 30, 60) });
    case "integer":
      return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e6), max: Math.min(s.maximum ?? 1000, 1e6) });
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(fromSchema(s.items, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case "object": {
      const props: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) props[k] = fromSchema(v, depth + 1);
      return fc.record(props, { requiredKeys: (s.required ?? []).filter((k: string) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value with one change somewhere: a key dropped, or a value replaced by any JSON. */
function mutate(value: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (v && typeof v === "object" && path.length < 6)
      for (const [k, x] of Object.entries(v)) walk(x, [...path, Array.isArray(v) ? Number(k) : k]);
  };
  walk(value, []);
  return fc
    .tuple(fc.constantFrom(...paths), fc.boolean(), fc.jsonValue({ maxDepth: 2 }))
    .map(([path, drop, junk]) => {
      if (!path.length) return junk;
      const copy = structuredClone(value) as Record<string | number, unknown>;
      let at: any = copy;
      for (const k of path.slice(0, -1)) at = at[k];
      const last = path[path.length - 1];
      if (drop && !Array.isArray(at)) delete at[last];
      else at[last] = junk;
      return copy;
    });
}

function bodies(schema: Schema | undefined, heavy: boolean): fc.Arbitrary<unknown> {
  const raw = fc.string().map((text) => ({ raw: `{${text}` })); // never valid JSON
  if (heavy) {
    // Only bodies that cannot pass: not an object, or every field of the wrong type.
    const notObject = fc
      .jsonValue({ maxDepth: 2 })
      .filter((v) => v === null || typeof v !== "object" || Array.isArray(v));
    const wrongTypes = fc.record({ persons: fc.string(), seed: fc.string(), dryRun: fc.string() });
    return fc.oneof(raw, notObject, wrongTypes);
  }
  const valid = fromSchema(schema);
  return fc.oneof(valid, valid.chain(mutate), fc.jsonValue({ maxDepth: 3 }), raw);
}

function checkAnswer(route: string, status: number, body: any) {
  expect(status, `${route} answered ${status}: ${JSON.stringify(body)}`).toBeLessThan(500);
  if (status >= 400 && !FIELDLESS.has(status))
    expect(
      body?.error?.field,
      `${route} ${status} without error.field: ${JSON.stringify(body)}`,
    ).toBeTruthy();
}

/**
 * Routes that fuzzing has shown to answer 5xx (or a field error without its field), reported to
 * their owners and listed here until fixed, so that `npm test` fails on any new one. Remove a line
 * when its route is fixed (the test then guards it).
 */
// Empty: every route fuzzed so far answers < 500 and names the field. Add a route here only with
// a report to its owner.
const KNOWN = new Set<string>([]);
/** Fixed by default so `npm test` is repeatable; IMMOS_FUZZ_SEED=random explores. */
const seedEnv = process.env.IMMOS_FUZZ_SEED ?? "20261127";
const SEED = seedEnv === "random" ? Date.now() % 2 ** 31 : Number(seedEnv);
const failures = new Map<string, string>();

const backend = backends().includes("postgres") ? "postgres" : "pglite";

describe(`fuzzing every API body (${backend})`, () => {
  let t: TestApp;
  let token: string;
  let caseId: string;
  const operations: { method: string; path: string; schema: Schema | undefined }[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend, { persons: 12, today: "2026-11-27" });
    token = await t.token("admin");
    const doc = JSON.parse((await t.app.inject({ method: "GET", url: "/api/openapi.json" })).body);
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths))
      for (const [method, op] of Object.entries<any>(ops))
        if (op.requestBody)
          operations.push({ method, path, schema: op.requestBody.content?.["application/json"]?.schema });
    const list = await t.as("admin")("GET", "/api/v1/cases?limit=1");
    caseId = list.body.items[0].id;
  });
  afterAll(() => t?.close());

  async function send(method: string, url: string, body: unknown) {
    const raw =
      body && typeof body === "object" && "raw" in body ? String((body as { raw: string }).raw) : undefined;
    const res = await t.app.inject({
      method: method.toUpperCase() as "POST",
      url,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: raw ?? JSON.stringify(body),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
  }

  it("finds routes with bodies in the OpenAPI document", () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it("never answers 5xx; every field error names its field", async () => {
    const perRoute = Math.max(5, Math.floor(TOTAL_RUNS / (operations.length + 1)));
    for (const op of operations) {
      // Path parameters: a real case where the route is about a case, otherwise a well-formed unknown id.
      const url = op.path.replace(/\{(\w+)\}/g, (_, name) =>
        name === "id" && op.path.startsWith("/api/v1/cases/")
          ? caseId
          : name === "username"
            ? "officer"
            : "00000000-0000-4000-8000-000000000000",
      );
      const out = await fc.check(
        fc.asyncProperty(bodies(op.schema, HEAVY.has(op.path)), async (body) => {
          const r = await send(op.method, url, body);
          checkAnswer(`${op.method} ${op.path}`, r.status, r.body);
        }),
        { numRuns: perRoute, seed: SEED },
      );
      if (out.failed)
        failures.set(
          `${op.method.toUpperCase()} ${op.path}`,
          String(out.errorInstance).slice(0, 400) +
            `\n  counterexample: ${JSON.stringify(out.counterexample).slice(0, 400)}`,
        );
    }
    for (const [route, why] of failures) console.log(`FUZZ FAILURE ${route}: ${why}`);
    console.log(
      `fuzz: ${operations.length} routes x ${perRoute} bodies, seed ${SEED}; ${failures.size} routes failing`,
    );
    expect([...failures.keys()].filter((r) => !KNOWN.has(r))).toEqual([]);
  }, 600_000);

  it("scenario files, mutated, never break /scenarios/evaluate", async () => {
    const dir = join(import.meta.dirname, "..", "scenarios", "examples");
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    const scenarios = files.map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
    const perRoute = Math.max(20, Math.floor(TOTAL_RUNS / 10));
    const out = await fc.check(
      fc.asyncProperty(fc.constantFrom(...scenarios).chain(mutate), async (scenario) => {
        const r = await send("post", "/api/v1/scenarios/evaluate", scenario);
        checkAnswer("POST /scenarios/evaluate", r.status, r.body);
      }),
      { numRuns: perRoute, seed: SEED },
    );
    if (out.failed) {
      const why = `${String(out.errorInstance).slice(0, 400)}\n  counterexample: ${JSON.stringify(out.counterexample).slice(0, 600)}`;
      console.log(`FUZZ FAILURE scenario files: ${why}`);
      if (!KNOWN.has("scenario files")) throw new Error(why);
    }
  }, 600_000);
});
