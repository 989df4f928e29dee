import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { printJson, withApi } from "../transport.js";

interface Finding {
  seq: number;
  problem: string;
  message: string;
}
interface VerifyResult {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  checkpoints: number;
  latestCheckpoint: { headSeq: number; at: string } | null;
  finding: Finding | null;
  millis: number;
}

/** Exit code of `immos audit verify` when the chain does not hold. */
export const EXIT_TAMPERED = 3;

/** Every PEM public key block in a file (a file may hold several trusted keys). */
function readPublicKeys(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const keys = text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
  if (!keys.length) throw new Error(`${path} holds no PEM public key (-----BEGIN PUBLIC KEY-----)`);
  return keys.map((k) => `${k}\n`);
}

function readCheckpointFile(path: string): unknown[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}

export function register(program: Command) {
  const a = program.command("audit").description("the tamper-evident audit log (docs/oversight.md)");
  a.command("verify")
    .description(
      `recompute the hash chain, compare it with the signed checkpoints; names the first entry edited, deleted, inserted or reordered, or a cut tail (exit ${EXIT_TAMPERED})`,
    )
    .option("--checkpoints <file>", "also compare with checkpoints exported to this file (JSON lines)")
    .option(
      "--public-key <file>",
      "trust only the Ed25519 public key(s) in this PEM file, not the server's key (verifies without the secret)",
    )
    .option("--json", "JSON output")
    .action(async (o: { checkpoints?: string; publicKey?: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<VerifyResult>("POST", "/api/v1/audit/verify", {
          checkpoints: o.checkpoints ? readCheckpointFile(o.checkpoints) : [],
          publicKeys: o.publicKey ? readPublicKeys(o.publicKey) : [],
        });
        if (o.json) printJson(r);
        else if (r.ok) {
          console.log(
            `audit log intact: ${r.entries} entries, head ${r.head?.seq ?? 0}, ${r.checkpoints} checkpoint(s)` +
              `${r.latestCheckpoint ? `, latest at entry ${r.latestCheckpoint.headSeq}` : ""} (${r.millis} ms)`,
          );
        } else {
          console.error(
            `audit log TAMPERED at entry ${r.finding?.seq}: ${r.finding?.problem}: ${r.finding?.message}`,
          );
        }
        if (!r.ok) process.exitCode = EXIT_TAMPERED;
      });
    });
  a.command("checkpoint")
    .description("sign a checkpoint of the chain's head now")
    .option("--out <file>", "also append it to this file (JSON lines): keep that file off the database host")
    .option("--public-key-out <file>", "also write the signer's Ed25519 public key (PEM) to this file")
    .option("--json", "JSON output")
    .action(async (o: { out?: string; publicKeyOut?: string; json?: boolean }) => {
      await withApi(async (api) => {
        const r = await api.call<{
          checkpoint: { id: number; headSeq: number; headHash: string; publicKey: string } | null;
        }>("POST", "/api/v1/audit/checkpoints");
        if (r.checkpoint && o.out) {
          const { id: _id, ...exported } = r.checkpoint;
          appendFileSync(o.out, `${JSON.stringify(exported)}\n`, { mode: 0o600 });
        }
        if (r.checkpoint && o.publicKeyOut) writeFileSync(o.publicKeyOut, r.checkpoint.publicKey);
        if (o.json) return printJson(r);
        console.log(r.checkpoint ? `checkpoint at entry ${r.checkpoint.headSeq}` : "the audit log is empty");
      });
    });
  a.command("search")
    .description("search the audit log")
    .option("--actor <username>")
    .option("--action <prefix>", "e.g. disclosure, case.open")
    .option("--entity <entity>")
    .option("--entity-id <id>")
    .option("--from <date>", "YYYY-MM-DD")
    .option("--to <date>", "YYYY-MM-DD")
    .option("--limit <n>", "rows", "50")
    .option("--json", "JSON output")
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const q = new URLSearchParams();
      for (const [k, key] of [
        ["actor", "actor"],
        ["action", "action"],
        ["entity", "entity"],
        ["entityId", "entityId"],
        ["from", "from"],
        ["to", "to"],
        ["limit", "limit"],
      ] as const) {
        if (typeof o[k] === "string") q.set(key, o[k] as string);
      }
      await withApi(async (api) => {
        const r = await api.call<{
          items: {
            seq: number;
            at: string;
            actor: string;
            action: string;
            entity: string;
            entityId: string | null;
            purpose: string | null;
          }[];
        }>("GET", `/api/v1/audit?${q}`);
        if (o.json) return printJson(r);
        for (const e of r.items) {
          console.log(
            `${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.entity}${e.entityId ? `:${e.entityId}` : ""}${e.purpose ? `\tpurpose: ${e.purpose}` : ""}`,
          );
        }
      });
    });
}
