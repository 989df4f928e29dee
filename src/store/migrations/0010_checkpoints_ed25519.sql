-- Checkpoints are now Ed25519 with the public key stored beside each one. HMAC checkpoints cannot be
-- checked by anyone without the secret and there is no production data yet: they are dropped, not kept.
DELETE FROM "audit_checkpoints";--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD COLUMN "public_key" text NOT NULL;
