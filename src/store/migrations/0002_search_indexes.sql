CREATE INDEX IF NOT EXISTS persons_search_trgm_idx ON persons USING gin (search_names gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS audit_log_entity_idx ON audit_log (entity, entity_id);
