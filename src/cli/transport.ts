/**
 * How a CLI command reaches immos: in this process over a directly opened
 * database, or, when a running server holds the embedded data folder,
 * through that server's API with the operator token from its lock file.
 * Either way the command speaks the same HTTP API, so it is written once.
 */
import { randomBytes } from "node:crypto";
import type { AppContext } from "../app/context.js";
import { loadConfig } from "../config.js";
import { AppError, type ErrorCode } from "../domain/errors.js";
import { runningServer } from "../runtime.js";

export interface Api {
  mode: "local" | "remote";
  /** Present in local mode: for commands that run a use case directly (seed with a progress bar). */
  ctx?: AppContext;
  call<T = unknown>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** A GET whose answer is not JSON (a PDF): the raw bytes. */
  bytes?(path: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

function fail(status: number, payload: unknown): never {
  const e = (payload as { error?: { code?: string; message?: string; field?: string; details?: unknown } })
    ?.error;
  throw new AppError(
    (e?.code as ErrorCode) ?? "internal",
    e?.message ?? `HTTP ${status}`,
    e?.field,
    e?.details,
  );
}

export async function connect(): Promise<Api> {
  const config = loadConfig();
  const server = config.databaseUrl ? undefined : runningServer(config.dataDir);
  if (server) {
    return {
      mode: "remote",
      async call(method, path, body) {
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${server.operatorToken}`,
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const payload = await res.json().catch(() => ({}));
        if (!res.ok) fail(res.status, payload);
        return payload;
      },
      async bytes(path) {
        const res = await fetch(`http://127.0.0.1:${server.port}${path}`, {
          headers: { authorization: `Bearer ${server.operatorToken}` },
        });
        if (!res.ok) fail(res.status, await res.json().catch(() => ({})));
        return new Uint8Array(await res.arrayBuffer());
      },
      close: async () => {},
    };
  }
  // Loaded only here, so commands that need no database start fast.
  const { openApp } = await import("../runtime.js");
  const { buildServer } = await import("../http/server.js");
  const ctx = await openApp(config, undefined);
  const operatorToken = randomBytes(24).toString("base64url");
  const app = await buildServer(ctx, { serveWeb: false, operatorToken });
  return {
    mode: "local",
    ctx,
    async call(method, path, body) {
      const res = await app.inject({
        method,
        url: path,
        payload: body as object | undefined,
        headers: { authorization: `Bearer ${operatorToken}` },
      });
      const payload = res.body ? JSON.parse(res.body) : {};
      if (res.statusCode >= 400) fail(res.statusCode, payload);
      return payload;
    },
    async bytes(path) {
      const res = await app.inject({
        method: "GET",
        url: path,
        headers: { authorization: `Bearer ${operatorToken}` },
      });
      if (res.statusCode >= 400) fail(res.statusCode, res.body ? JSON.parse(res.body) : {});
      return new Uint8Array(res.rawPayload);
    },
    async close() {
      await app.close();
      await ctx.database.close();
    },
  };
}

/** Runs a command body with a connection, closing it whatever happens. */
export async function withApi<T>(work: (api: Api) => Promise<T>): Promise<T> {
  const api = await connect();
  try {
    return await work(api);
  } finally {
    await api.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
