/** Secrets for tokens and sessions: random, shown once, stored only as SHA-256. */
import { randomBytes } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { sha256 } from "../domain/audit-hash.js";

export const newSecret = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;
export const secretHash = (secret: string) => sha256(secret);
export const hashPassword = (password: string) => argonHash(password);
export const verifyPassword = (hash: string, password: string) => argonVerify(hash, password);
