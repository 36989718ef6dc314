-- The PostgreSQL schema as of SQLite migration 0020_usage_compact: written by
-- scripts/generate-postgres-baseline.ts from db/migrations/ (do not edit by hand).
CREATE FUNCTION json_extract(doc text, path text) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
SELECT doc::jsonb #>> string_to_array(substr(path, 3), '.')
$fn$;
--> statement-breakpoint
CREATE FUNCTION json_remove(doc text, VARIADIC paths text[]) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  j jsonb := doc::jsonb;
  p text;
BEGIN
  FOREACH p IN ARRAY paths LOOP
    j := j #- string_to_array(substr(p, 3), '.');
  END LOOP;
  RETURN j;
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION sb_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$fn$;
--> statement-breakpoint
CREATE FUNCTION sb_rowid() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  last bigint;
BEGIN
  IF NEW.id IS NULL THEN
    NEW.id := nextval(TG_ARGV[0]::regclass);
  ELSE
    EXECUTE format('SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM %I', TG_ARGV[0]) INTO last;
    IF NEW.id > last THEN PERFORM setval(TG_ARGV[0]::regclass, NEW.id); END IF;
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TABLE "ingest_batches" (
  "id" bigint NOT NULL,
  "source_name" text COLLATE "C" NOT NULL,
  "format" text COLLATE "C" NOT NULL,
  "path" text COLLATE "C",
  "file_sha256" text COLLATE "C",
  "parser_options" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "read" bigint DEFAULT 0 NOT NULL,
  "accepted" bigint DEFAULT 0 NOT NULL,
  "duplicates" bigint DEFAULT 0 NOT NULL,
  "quarantined" bigint DEFAULT 0 NOT NULL,
  "started_at" text COLLATE "C" NOT NULL,
  "finished_at" text COLLATE "C",
  "error" text COLLATE "C",
  "first_event_id" bigint,
  "last_event_id" bigint,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "ingest_batches_id_seq" OWNED BY "ingest_batches"."id";
--> statement-breakpoint
CREATE TRIGGER "ingest_batches_rowid" BEFORE INSERT ON "ingest_batches" FOR EACH ROW EXECUTE FUNCTION sb_rowid('ingest_batches_id_seq');
--> statement-breakpoint
CREATE TABLE "ingest_duplicates" (
  "id" bigint NOT NULL,
  "batch_id" bigint NOT NULL,
  "line_no" bigint NOT NULL,
  "idem_key" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "ingest_duplicates_id_seq" OWNED BY "ingest_duplicates"."id";
--> statement-breakpoint
CREATE TRIGGER "ingest_duplicates_rowid" BEFORE INSERT ON "ingest_duplicates" FOR EACH ROW EXECUTE FUNCTION sb_rowid('ingest_duplicates_id_seq');
--> statement-breakpoint
CREATE TABLE "quarantine" (
  "id" bigint NOT NULL,
  "batch_id" bigint NOT NULL,
  "line_no" bigint NOT NULL,
  "dedup_key" text COLLATE "C" NOT NULL,
  "raw" text COLLATE "C" NOT NULL,
  "reason" text COLLATE "C" NOT NULL,
  "message" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "replayed_event_id" bigint,
  "created_at" text COLLATE "C" NOT NULL,
  "resolved_at" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "quarantine_id_seq" OWNED BY "quarantine"."id";
--> statement-breakpoint
CREATE TRIGGER "quarantine_rowid" BEFORE INSERT ON "quarantine" FOR EACH ROW EXECUTE FUNCTION sb_rowid('quarantine_id_seq');
--> statement-breakpoint
CREATE TABLE "settings" (
  "key" text COLLATE "C" NOT NULL,
  "value" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("key")
);
--> statement-breakpoint
CREATE TABLE "tariff_versions" (
  "id" bigint NOT NULL,
  "name" text COLLATE "C" NOT NULL,
  "version" bigint NOT NULL,
  "effective_from" bigint NOT NULL,
  "source_format" text COLLATE "C" NOT NULL,
  "source_path" text COLLATE "C",
  "content_hash" text COLLATE "C" NOT NULL,
  "plan_json" text COLLATE "C" NOT NULL,
  "imported_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "tariff_versions_id_seq" OWNED BY "tariff_versions"."id";
--> statement-breakpoint
CREATE TRIGGER "tariff_versions_rowid" BEFORE INSERT ON "tariff_versions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('tariff_versions_id_seq');
--> statement-breakpoint
CREATE TABLE "accounts" (
  "id" text COLLATE "C" NOT NULL,
  "customer_id" text COLLATE "C" NOT NULL,
  "billing_cycle_day" bigint NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "account_json" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  "tenant" text COLLATE "C" DEFAULT 'switchboard.local' NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "allowance_ledger" (
  "id" bigint NOT NULL,
  "invoice_id" bigint NOT NULL,
  "subscription_id" text COLLATE "C" NOT NULL,
  "period" text COLLATE "C" NOT NULL,
  "allowance_id" text COLLATE "C" NOT NULL,
  "service" text COLLATE "C" NOT NULL,
  "granted" bigint NOT NULL,
  "carried_in" bigint NOT NULL,
  "used" bigint NOT NULL,
  "carried_out" bigint NOT NULL,
  "carries_json" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "allowance_ledger_id_seq" OWNED BY "allowance_ledger"."id";
--> statement-breakpoint
CREATE TRIGGER "allowance_ledger_rowid" BEFORE INSERT ON "allowance_ledger" FOR EACH ROW EXECUTE FUNCTION sb_rowid('allowance_ledger_id_seq');
--> statement-breakpoint
CREATE TABLE "catalog_versions" (
  "id" bigint NOT NULL,
  "name" text COLLATE "C" NOT NULL,
  "version" bigint NOT NULL,
  "effective_from" text COLLATE "C" NOT NULL,
  "content_hash" text COLLATE "C" NOT NULL,
  "catalog_json" text COLLATE "C" NOT NULL,
  "imported_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "catalog_versions_id_seq" OWNED BY "catalog_versions"."id";
--> statement-breakpoint
CREATE TRIGGER "catalog_versions_rowid" BEFORE INSERT ON "catalog_versions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('catalog_versions_id_seq');
--> statement-breakpoint
CREATE TABLE "customers" (
  "id" text COLLATE "C" NOT NULL,
  "name" text COLLATE "C" NOT NULL,
  "segment" text COLLATE "C" NOT NULL,
  "customer_json" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "invoice_series" (
  "series" text COLLATE "C" NOT NULL,
  "next_number" bigint NOT NULL,
  PRIMARY KEY ("series")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
  "id" bigint NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "period" text COLLATE "C" NOT NULL,
  "kind" text COLLATE "C" NOT NULL,
  "series" text COLLATE "C" NOT NULL,
  "number" text COLLATE "C",
  "status" text COLLATE "C" NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "total" text COLLATE "C" NOT NULL,
  "document_json" text COLLATE "C" NOT NULL,
  "corrects_invoice_id" bigint,
  "correction_key" text COLLATE "C",
  "created_at" text COLLATE "C" NOT NULL,
  "issued_at" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "invoices_id_seq" OWNED BY "invoices"."id";
--> statement-breakpoint
CREATE TRIGGER "invoices_rowid" BEFORE INSERT ON "invoices" FOR EACH ROW EXECUTE FUNCTION sb_rowid('invoices_id_seq');
--> statement-breakpoint
CREATE TABLE "subscriptions" (
  "id" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "msisdn" text COLLATE "C" NOT NULL,
  "start_date" text COLLATE "C" NOT NULL,
  "end_date" text COLLATE "C",
  "subscription_json" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "rerate_log" (
  "id" bigint NOT NULL,
  "run_id" text COLLATE "C" NOT NULL,
  "event_id" bigint NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "period" text COLLATE "C" NOT NULL,
  "old_status" text COLLATE "C" NOT NULL,
  "new_status" text COLLATE "C" NOT NULL,
  "old_cost" text COLLATE "C",
  "new_cost" text COLLATE "C",
  "old_tariff_version_id" bigint,
  "new_tariff_version_id" bigint,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "rerate_log_id_seq" OWNED BY "rerate_log"."id";
--> statement-breakpoint
CREATE TRIGGER "rerate_log_rowid" BEFORE INSERT ON "rerate_log" FOR EACH ROW EXECUTE FUNCTION sb_rowid('rerate_log_id_seq');
--> statement-breakpoint
CREATE TABLE "approval_decisions" (
  "id" bigint NOT NULL,
  "proposal_id" bigint NOT NULL,
  "decided_by" text COLLATE "C" NOT NULL,
  "decision" text COLLATE "C" NOT NULL,
  "reason" text COLLATE "C" NOT NULL,
  "edited_amount" text COLLATE "C",
  "decided_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "approval_decisions_id_seq" OWNED BY "approval_decisions"."id";
--> statement-breakpoint
CREATE TRIGGER "approval_decisions_rowid" BEFORE INSERT ON "approval_decisions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('approval_decisions_id_seq');
--> statement-breakpoint
CREATE TABLE "audit_log" (
  "id" bigint NOT NULL,
  "at" text COLLATE "C" NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "actor" text COLLATE "C" NOT NULL,
  "actor_kind" text COLLATE "C" NOT NULL,
  "thread_id" text COLLATE "C",
  "event" text COLLATE "C" NOT NULL,
  "subject" text COLLATE "C" NOT NULL,
  "detail_json" text COLLATE "C" NOT NULL,
  "prev_hash" text COLLATE "C",
  "hash" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "audit_log_id_seq" OWNED BY "audit_log"."id";
--> statement-breakpoint
CREATE TRIGGER "audit_log_rowid" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION sb_rowid('audit_log_id_seq');
--> statement-breakpoint
CREATE TABLE "dunning_actions" (
  "id" bigint NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "invoice_id" bigint NOT NULL,
  "step" text COLLATE "C" NOT NULL,
  "proposal_id" bigint,
  "detail_json" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "dunning_actions_id_seq" OWNED BY "dunning_actions"."id";
--> statement-breakpoint
CREATE TRIGGER "dunning_actions_rowid" BEFORE INSERT ON "dunning_actions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('dunning_actions_id_seq');
--> statement-breakpoint
CREATE TABLE "payment_plans" (
  "id" bigint NOT NULL,
  "proposal_id" bigint NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "total" text COLLATE "C" NOT NULL,
  "instalments_json" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "payment_plans_id_seq" OWNED BY "payment_plans"."id";
--> statement-breakpoint
CREATE TRIGGER "payment_plans_rowid" BEFORE INSERT ON "payment_plans" FOR EACH ROW EXECUTE FUNCTION sb_rowid('payment_plans_id_seq');
--> statement-breakpoint
CREATE TABLE "proposals" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "kind" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "invoice_id" bigint,
  "currency" text COLLATE "C" NOT NULL,
  "amount" text COLLATE "C" NOT NULL,
  "summary" text COLLATE "C" NOT NULL,
  "payload_json" text COLLATE "C" NOT NULL,
  "requested_by" text COLLATE "C" NOT NULL,
  "requester_kind" text COLLATE "C" NOT NULL,
  "agent" text COLLATE "C",
  "thread_id" text COLLATE "C",
  "reason" text COLLATE "C" NOT NULL,
  "required_approvals" bigint NOT NULL,
  "target_key" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  "decided_at" text COLLATE "C",
  "posted_at" text COLLATE "C",
  "posting_ref" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "proposals_id_seq" OWNED BY "proposals"."id";
--> statement-breakpoint
CREATE TRIGGER "proposals_rowid" BEFORE INSERT ON "proposals" FOR EACH ROW EXECUTE FUNCTION sb_rowid('proposals_id_seq');
--> statement-breakpoint
CREATE TABLE "users" (
  "id" text COLLATE "C" NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "name" text COLLATE "C" NOT NULL,
  "roles" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "chat_threads" (
  "id" text COLLATE "C" NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "created_by" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  "last_used_at" text COLLATE "C" NOT NULL,
  "title" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
  "id" bigint NOT NULL,
  "user_id" text COLLATE "C" NOT NULL,
  "token_hash" text COLLATE "C" NOT NULL,
  "prefix" text COLLATE "C" NOT NULL,
  "label" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  "last_used_at" text COLLATE "C",
  "revoked_at" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "api_tokens_id_seq" OWNED BY "api_tokens"."id";
--> statement-breakpoint
CREATE TRIGGER "api_tokens_rowid" BEFORE INSERT ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION sb_rowid('api_tokens_id_seq');
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
  "id" bigint NOT NULL,
  "user_id" text COLLATE "C" NOT NULL,
  "key" text COLLATE "C" NOT NULL,
  "route" text COLLATE "C" NOT NULL,
  "request_hash" text COLLATE "C" NOT NULL,
  "status" bigint NOT NULL,
  "response_body" text COLLATE "C" NOT NULL,
  "content_type" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "idempotency_keys_id_seq" OWNED BY "idempotency_keys"."id";
--> statement-breakpoint
CREATE TRIGGER "idempotency_keys_rowid" BEFORE INSERT ON "idempotency_keys" FOR EACH ROW EXECUTE FUNCTION sb_rowid('idempotency_keys_id_seq');
--> statement-breakpoint
CREATE TABLE "portal_links" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "created_by" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  "expires_at" text COLLATE "C" NOT NULL,
  "revoked_at" text COLLATE "C",
  "revoked_by" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "portal_links_id_seq" OWNED BY "portal_links"."id";
--> statement-breakpoint
CREATE TRIGGER "portal_links_rowid" BEFORE INSERT ON "portal_links" FOR EACH ROW EXECUTE FUNCTION sb_rowid('portal_links_id_seq');
--> statement-breakpoint
CREATE TABLE "signing_keys" (
  "tenant" text COLLATE "C" NOT NULL,
  "purpose" text COLLATE "C" NOT NULL,
  "secret" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "web_sessions" (
  "id" bigint NOT NULL,
  "session_hash" text COLLATE "C" NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "user_id" text COLLATE "C",
  "portal_link_id" bigint,
  "csrf_token" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  "expires_at" text COLLATE "C" NOT NULL,
  "revoked_at" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "web_sessions_id_seq" OWNED BY "web_sessions"."id";
--> statement-breakpoint
CREATE TRIGGER "web_sessions_rowid" BEFORE INSERT ON "web_sessions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('web_sessions_id_seq');
--> statement-breakpoint
CREATE TABLE "account_notes" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "author" text COLLATE "C" NOT NULL,
  "body" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "account_notes_id_seq" OWNED BY "account_notes"."id";
--> statement-breakpoint
CREATE TRIGGER "account_notes_rowid" BEFORE INSERT ON "account_notes" FOR EACH ROW EXECUTE FUNCTION sb_rowid('account_notes_id_seq');
--> statement-breakpoint
CREATE TABLE "cycle_runs" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "period" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "thread_id" text COLLATE "C" NOT NULL,
  "runs" bigint DEFAULT 1 NOT NULL,
  "started_at" text COLLATE "C" NOT NULL,
  "finished_at" text COLLATE "C",
  "error" text COLLATE "C",
  "report" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "cycle_runs_id_seq" OWNED BY "cycle_runs"."id";
--> statement-breakpoint
CREATE TRIGGER "cycle_runs_rowid" BEFORE INSERT ON "cycle_runs" FOR EACH ROW EXECUTE FUNCTION sb_rowid('cycle_runs_id_seq');
--> statement-breakpoint
CREATE TABLE "notification_attempts" (
  "id" bigint NOT NULL,
  "notification_id" bigint NOT NULL,
  "channel" text COLLATE "C" NOT NULL,
  "outcome" text COLLATE "C" NOT NULL,
  "status_code" bigint,
  "error" text COLLATE "C",
  "duration_ms" bigint NOT NULL,
  "at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "notification_attempts_id_seq" OWNED BY "notification_attempts"."id";
--> statement-breakpoint
CREATE TRIGGER "notification_attempts_rowid" BEFORE INSERT ON "notification_attempts" FOR EACH ROW EXECUTE FUNCTION sb_rowid('notification_attempts_id_seq');
--> statement-breakpoint
CREATE TABLE "notification_settings" (
  "tenant" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "settings_json" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("tenant", "account_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "key" text COLLATE "C" NOT NULL,
  "kind" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "invoice_id" bigint,
  "subscription_id" text COLLATE "C",
  "payload_json" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "attempts" bigint DEFAULT 0 NOT NULL,
  "next_attempt_at" text COLLATE "C" NOT NULL,
  "claimed_at" text COLLATE "C",
  "created_at" text COLLATE "C" NOT NULL,
  "retry_from" text COLLATE "C" NOT NULL,
  "delivered_at" text COLLATE "C",
  "last_error" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "notifications_id_seq" OWNED BY "notifications"."id";
--> statement-breakpoint
CREATE TRIGGER "notifications_rowid" BEFORE INSERT ON "notifications" FOR EACH ROW EXECUTE FUNCTION sb_rowid('notifications_id_seq');
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
  "tenant" text COLLATE "C" NOT NULL,
  "url" text COLLATE "C" NOT NULL,
  "secret" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("tenant")
);
--> statement-breakpoint
CREATE TABLE "fraud_alerts" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "key" text COLLATE "C" NOT NULL,
  "detector" text COLLATE "C" NOT NULL,
  "severity" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "subject_kind" text COLLATE "C" NOT NULL,
  "subject" text COLLATE "C" NOT NULL,
  "first_at" text COLLATE "C" NOT NULL,
  "last_at" text COLLATE "C" NOT NULL,
  "summary" text COLLATE "C" NOT NULL,
  "evidence_json" text COLLATE "C" NOT NULL,
  "source" text COLLATE "C" NOT NULL,
  "batch_id" bigint,
  "created_at" text COLLATE "C" NOT NULL,
  "decided_by" text COLLATE "C",
  "decided_at" text COLLATE "C",
  "decision_reason" text COLLATE "C",
  "proposal_id" bigint,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "fraud_alerts_id_seq" OWNED BY "fraud_alerts"."id";
--> statement-breakpoint
CREATE TRIGGER "fraud_alerts_rowid" BEFORE INSERT ON "fraud_alerts" FOR EACH ROW EXECUTE FUNCTION sb_rowid('fraud_alerts_id_seq');
--> statement-breakpoint
CREATE TABLE "fraud_settings" (
  "tenant" text COLLATE "C" NOT NULL,
  "thresholds_json" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  "updated_by" text COLLATE "C",
  PRIMARY KEY ("tenant")
);
--> statement-breakpoint
CREATE TABLE "fraud_state" (
  "tenant" text COLLATE "C" NOT NULL,
  "scope" text COLLATE "C" NOT NULL,
  "key" text COLLATE "C" NOT NULL,
  "state_json" text COLLATE "C" NOT NULL,
  "updated_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("tenant", "scope", "key")
);
--> statement-breakpoint
CREATE TABLE "line_bars" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "subscriber" text COLLATE "C" NOT NULL,
  "alert_id" bigint NOT NULL,
  "proposal_id" bigint NOT NULL,
  "barred_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "line_bars_id_seq" OWNED BY "line_bars"."id";
--> statement-breakpoint
CREATE TRIGGER "line_bars_rowid" BEFORE INSERT ON "line_bars" FOR EACH ROW EXECUTE FUNCTION sb_rowid('line_bars_id_seq');
--> statement-breakpoint
CREATE TABLE "account_credits" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "reason" text COLLATE "C" NOT NULL,
  "amount" text COLLATE "C" NOT NULL,
  "payment_id" bigint,
  "invoice_id" bigint,
  "proposal_id" bigint,
  "date" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "account_credits_id_seq" OWNED BY "account_credits"."id";
--> statement-breakpoint
CREATE TRIGGER "account_credits_rowid" BEFORE INSERT ON "account_credits" FOR EACH ROW EXECUTE FUNCTION sb_rowid('account_credits_id_seq');
--> statement-breakpoint
CREATE TABLE "payment_allocations" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "kind" text COLLATE "C" NOT NULL,
  "payment_id" bigint,
  "invoice_id" bigint NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "amount" text COLLATE "C" NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "date" text COLLATE "C" NOT NULL,
  "proposal_id" bigint,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "payment_allocations_id_seq" OWNED BY "payment_allocations"."id";
--> statement-breakpoint
CREATE TRIGGER "payment_allocations_rowid" BEFORE INSERT ON "payment_allocations" FOR EACH ROW EXECUTE FUNCTION sb_rowid('payment_allocations_id_seq');
--> statement-breakpoint
CREATE TABLE "payments" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "source" text COLLATE "C" NOT NULL,
  "import_id" bigint,
  "entry_no" bigint,
  "entry_key" text COLLATE "C" NOT NULL,
  "kind" text COLLATE "C" NOT NULL,
  "state" text COLLATE "C" NOT NULL,
  "booking_date" text COLLATE "C" NOT NULL,
  "value_date" text COLLATE "C",
  "amount" text COLLATE "C" NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "payer_name" text COLLATE "C",
  "payer_iban" text COLLATE "C",
  "payer_token" text COLLATE "C",
  "creditor_reference" text COLLATE "C",
  "remittance" text COLLATE "C",
  "end_to_end_id" text COLLATE "C",
  "account_id" text COLLATE "C",
  "match_method" text COLLATE "C",
  "matched_by" text COLLATE "C",
  "matched_at" text COLLATE "C",
  "unallocated" text COLLATE "C" NOT NULL,
  "return_of" bigint,
  "return_reason" text COLLATE "C",
  "returned_by" bigint,
  "duplicate_of" bigint,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "payments_id_seq" OWNED BY "payments"."id";
--> statement-breakpoint
CREATE TRIGGER "payments_rowid" BEFORE INSERT ON "payments" FOR EACH ROW EXECUTE FUNCTION sb_rowid('payments_id_seq');
--> statement-breakpoint
CREATE TABLE "account_restrictions" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "level" text COLLATE "C" NOT NULL,
  "proposal_id" bigint NOT NULL,
  "lines_json" text COLLATE "C" NOT NULL,
  "at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "account_restrictions_id_seq" OWNED BY "account_restrictions"."id";
--> statement-breakpoint
CREATE TRIGGER "account_restrictions_rowid" BEFORE INSERT ON "account_restrictions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('account_restrictions_id_seq');
--> statement-breakpoint
CREATE TABLE "payment_promises" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "account_id" text COLLATE "C" NOT NULL,
  "amount" text COLLATE "C" NOT NULL,
  "currency" text COLLATE "C" NOT NULL,
  "promised_for" text COLLATE "C" NOT NULL,
  "recorded_on" text COLLATE "C" NOT NULL,
  "recorded_by" text COLLATE "C" NOT NULL,
  "note" text COLLATE "C",
  "status" text COLLATE "C" NOT NULL,
  "closed_on" text COLLATE "C",
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "payment_promises_id_seq" OWNED BY "payment_promises"."id";
--> statement-breakpoint
CREATE TRIGGER "payment_promises_rowid" BEFORE INSERT ON "payment_promises" FOR EACH ROW EXECUTE FUNCTION sb_rowid('payment_promises_id_seq');
--> statement-breakpoint
CREATE TABLE "payment_imports" (
  "id" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "format" text COLLATE "C" NOT NULL,
  "content_hash" text COLLATE "C" NOT NULL,
  "file_name" text COLLATE "C",
  "statements" text COLLATE "C" NOT NULL,
  "repeat_of" bigint,
  "read" bigint NOT NULL,
  "matched" bigint NOT NULL,
  "partly_matched" bigint NOT NULL,
  "unmatched" bigint NOT NULL,
  "duplicate" bigint NOT NULL,
  "returned" bigint NOT NULL,
  "imported_by" text COLLATE "C" NOT NULL,
  "created_at" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "payment_imports_id_seq" OWNED BY "payment_imports"."id";
--> statement-breakpoint
CREATE TRIGGER "payment_imports_rowid" BEFORE INSERT ON "payment_imports" FOR EACH ROW EXECUTE FUNCTION sb_rowid('payment_imports_id_seq');
--> statement-breakpoint
CREATE TABLE "tax_pack_versions" (
  "id" bigint NOT NULL,
  "pack_id" text COLLATE "C" NOT NULL,
  "version" text COLLATE "C" NOT NULL,
  "effective_from" text COLLATE "C" NOT NULL,
  "status" text COLLATE "C" NOT NULL,
  "summary" text COLLATE "C" NOT NULL,
  "update_json" text COLLATE "C" NOT NULL,
  "content_hash" text COLLATE "C" NOT NULL,
  "imported_by" text COLLATE "C" NOT NULL,
  "imported_at" text COLLATE "C" NOT NULL,
  "proposal_id" bigint,
  "adopted_at" text COLLATE "C",
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "tax_pack_versions_id_seq" OWNED BY "tax_pack_versions"."id";
--> statement-breakpoint
CREATE TRIGGER "tax_pack_versions_rowid" BEFORE INSERT ON "tax_pack_versions" FOR EACH ROW EXECUTE FUNCTION sb_rowid('tax_pack_versions_id_seq');
--> statement-breakpoint
CREATE TABLE "usage_dictionary" (
  "id" bigint NOT NULL,
  "value" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "usage_dictionary_id_seq" OWNED BY "usage_dictionary"."id";
--> statement-breakpoint
CREATE TRIGGER "usage_dictionary_rowid" BEFORE INSERT ON "usage_dictionary" FOR EACH ROW EXECUTE FUNCTION sb_rowid('usage_dictionary_id_seq');
--> statement-breakpoint
CREATE TABLE "usage_events" (
  "id" bigint NOT NULL,
  "idem_key" text COLLATE "C" NOT NULL,
  "source_id" text COLLATE "C",
  "batch_id" bigint NOT NULL,
  "line_no" bigint NOT NULL,
  "tenant" text COLLATE "C" NOT NULL,
  "service" text COLLATE "C" NOT NULL,
  "direction" text COLLATE "C" NOT NULL,
  "subscriber" text COLLATE "C" NOT NULL,
  "other_party" text COLLATE "C" NOT NULL,
  "imsi" text COLLATE "C",
  "serving_network" text COLLATE "C",
  "visited_country" text COLLATE "C",
  "start_time" bigint NOT NULL,
  "answer_time" bigint,
  "end_time" bigint,
  "duration_ms" bigint NOT NULL,
  "usage" bigint NOT NULL,
  "disposition" text COLLATE "C" NOT NULL,
  "attributes" text COLLATE "C" NOT NULL,
  "attribute_keys" bigint,
  "category" text COLLATE "C" NOT NULL,
  "roaming" text COLLATE "C" NOT NULL,
  "destination" text COLLATE "C",
  "destination_country" text COLLATE "C",
  "classification_reason" text COLLATE "C",
  "status" text COLLATE "C" NOT NULL,
  "cost" text COLLATE "C",
  "currency" text COLLATE "C",
  "tariff_version_id" bigint,
  "rating_template" bigint,
  "rating_breakdown" text COLLATE "C",
  "rating_error_code" text COLLATE "C",
  "rating_error" text COLLATE "C",
  "rated_at" bigint,
  "direction_rule" bigint,
  PRIMARY KEY ("id")
);
--> statement-breakpoint
CREATE SEQUENCE "usage_events_id_seq" OWNED BY "usage_events"."id";
--> statement-breakpoint
CREATE TRIGGER "usage_events_rowid" BEFORE INSERT ON "usage_events" FOR EACH ROW EXECUTE FUNCTION sb_rowid('usage_events_id_seq');
--> statement-breakpoint
CREATE INDEX "ingest_duplicates_batch" ON "ingest_duplicates" ("batch_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "quarantine_dedup_key" ON "quarantine" ("dedup_key");
--> statement-breakpoint
CREATE INDEX "quarantine_status" ON "quarantine" ("status");
--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_versions_name_version" ON "tariff_versions" ("name","version");
--> statement-breakpoint
CREATE UNIQUE INDEX "tariff_versions_name_hash" ON "tariff_versions" ("name","content_hash");
--> statement-breakpoint
CREATE INDEX "accounts_customer" ON "accounts" ("customer_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "allowance_ledger_line_period" ON "allowance_ledger" ("subscription_id","period","allowance_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_name_version" ON "catalog_versions" ("name","version");
--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_versions_name_hash" ON "catalog_versions" ("name","content_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_period" ON "invoices" ("account_id","period") WHERE "invoices"."kind" = 'invoice';
--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_series_number" ON "invoices" ("series","number");
--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_correction_key" ON "invoices" ("correction_key");
--> statement-breakpoint
CREATE INDEX "invoices_status" ON "invoices" ("status");
--> statement-breakpoint
CREATE INDEX "subscriptions_account" ON "subscriptions" ("account_id");
--> statement-breakpoint
CREATE INDEX "subscriptions_msisdn" ON "subscriptions" ("msisdn");
--> statement-breakpoint
CREATE INDEX "rerate_log_event" ON "rerate_log" ("event_id");
--> statement-breakpoint
CREATE INDEX "rerate_log_run" ON "rerate_log" ("run_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "approval_decisions_one_per_person" ON "approval_decisions" ("proposal_id","decided_by");
--> statement-breakpoint
CREATE INDEX "audit_log_thread" ON "audit_log" ("thread_id");
--> statement-breakpoint
CREATE INDEX "audit_log_subject" ON "audit_log" ("subject");
--> statement-breakpoint
CREATE UNIQUE INDEX "dunning_actions_step" ON "dunning_actions" ("invoice_id","step");
--> statement-breakpoint
CREATE UNIQUE INDEX "payment_plans_proposal" ON "payment_plans" ("proposal_id");
--> statement-breakpoint
CREATE INDEX "proposals_status" ON "proposals" ("tenant","status");
--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_open_target" ON "proposals" ("target_key") WHERE "proposals"."status" in ('pending', 'approved', 'posted');
--> statement-breakpoint
CREATE INDEX "audit_log_tenant_chain" ON "audit_log" ("tenant","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash" ON "api_tokens" ("token_hash");
--> statement-breakpoint
CREATE INDEX "api_tokens_user" ON "api_tokens" ("user_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "idempotency_keys_user_key" ON "idempotency_keys" ("user_id","key");
--> statement-breakpoint
CREATE INDEX "portal_links_account" ON "portal_links" ("tenant","account_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_tenant_purpose" ON "signing_keys" ("tenant","purpose");
--> statement-breakpoint
CREATE UNIQUE INDEX "web_sessions_hash" ON "web_sessions" ("session_hash");
--> statement-breakpoint
CREATE INDEX "web_sessions_user" ON "web_sessions" ("user_id");
--> statement-breakpoint
CREATE INDEX "account_notes_account" ON "account_notes" ("tenant","account_id","id");
--> statement-breakpoint
CREATE UNIQUE INDEX "cycle_runs_tenant_period" ON "cycle_runs" ("tenant","period");
--> statement-breakpoint
CREATE INDEX "notification_attempts_notification" ON "notification_attempts" ("notification_id","channel");
--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_key" ON "notifications" ("tenant","key");
--> statement-breakpoint
CREATE INDEX "notifications_due" ON "notifications" ("status","next_attempt_at");
--> statement-breakpoint
CREATE INDEX "notifications_account" ON "notifications" ("tenant","account_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "fraud_alerts_key" ON "fraud_alerts" ("tenant","key");
--> statement-breakpoint
CREATE INDEX "fraud_alerts_status" ON "fraud_alerts" ("tenant","status","id");
--> statement-breakpoint
CREATE INDEX "fraud_alerts_subject" ON "fraud_alerts" ("tenant","detector","subject");
--> statement-breakpoint
CREATE UNIQUE INDEX "line_bars_proposal" ON "line_bars" ("tenant","proposal_id");
--> statement-breakpoint
CREATE INDEX "line_bars_subscriber" ON "line_bars" ("tenant","subscriber");
--> statement-breakpoint
CREATE INDEX "invoices_number" ON "invoices" ("number");
--> statement-breakpoint
CREATE INDEX "account_credits_account" ON "account_credits" ("tenant","account_id");
--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice" ON "payment_allocations" ("invoice_id");
--> statement-breakpoint
CREATE INDEX "payment_allocations_payment" ON "payment_allocations" ("payment_id");
--> statement-breakpoint
CREATE INDEX "payment_allocations_account" ON "payment_allocations" ("tenant","account_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "payments_entry_key" ON "payments" ("tenant","entry_key") WHERE "payments"."state" <> 'duplicate';
--> statement-breakpoint
CREATE INDEX "payments_state" ON "payments" ("tenant","state");
--> statement-breakpoint
CREATE INDEX "payments_account" ON "payments" ("tenant","account_id");
--> statement-breakpoint
CREATE INDEX "payments_import" ON "payments" ("import_id");
--> statement-breakpoint
CREATE UNIQUE INDEX "account_restrictions_proposal" ON "account_restrictions" ("proposal_id");
--> statement-breakpoint
CREATE INDEX "account_restrictions_account" ON "account_restrictions" ("tenant","account_id");
--> statement-breakpoint
CREATE INDEX "payment_promises_account" ON "payment_promises" ("tenant","account_id","status");
--> statement-breakpoint
CREATE INDEX "payment_imports_hash" ON "payment_imports" ("tenant","content_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX "tax_pack_versions_version" ON "tax_pack_versions" ("pack_id","version");
--> statement-breakpoint
CREATE UNIQUE INDEX "tax_pack_versions_adopted" ON "tax_pack_versions" ("pack_id") WHERE "tax_pack_versions"."status" = 'adopted';
--> statement-breakpoint
CREATE INDEX "tax_pack_versions_status" ON "tax_pack_versions" ("pack_id","status");
--> statement-breakpoint
CREATE UNIQUE INDEX "usage_events_idem_key" ON "usage_events" ("idem_key");
--> statement-breakpoint
CREATE INDEX "usage_events_unrated" ON "usage_events" ("id") WHERE "usage_events"."status" = 'unrated';
--> statement-breakpoint
CREATE INDEX "usage_events_subscriber_start" ON "usage_events" ("subscriber","start_time");
--> statement-breakpoint
CREATE FUNCTION "audit_log_no_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_no_delete_fn"();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_delete_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION sb_no_truncate('audit_log is append-only');
--> statement-breakpoint
CREATE FUNCTION "approval_decisions_no_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'approval decisions are final';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "approval_decisions_no_update" BEFORE UPDATE ON "approval_decisions" FOR EACH ROW EXECUTE FUNCTION "approval_decisions_no_update_fn"();
--> statement-breakpoint
CREATE FUNCTION "approval_decisions_no_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'approval decisions are final';
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "approval_decisions_no_delete" BEFORE DELETE ON "approval_decisions" FOR EACH ROW EXECUTE FUNCTION "approval_decisions_no_delete_fn"();
--> statement-breakpoint
CREATE TRIGGER "approval_decisions_no_delete_truncate" BEFORE TRUNCATE ON "approval_decisions" FOR EACH STATEMENT EXECUTE FUNCTION sb_no_truncate('approval decisions are final');
--> statement-breakpoint
CREATE FUNCTION "audit_log_no_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_no_update_fn"();
--> statement-breakpoint
CREATE FUNCTION "audit_log_no_replace_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM "audit_log" WHERE "id" = NEW."id") THEN
    RAISE EXCEPTION 'audit_log is append-only: a row is never replaced';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_replace" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_no_replace_fn"();
--> statement-breakpoint
CREATE FUNCTION "audit_log_needs_hash_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."hash" IS NULL OR length(NEW."hash") <> 64 OR NEW."hash" ~ '[^0-9a-f]' THEN
    RAISE EXCEPTION 'audit_log rows carry their SHA-256 chain hash';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_needs_hash" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_needs_hash_fn"();
--> statement-breakpoint
CREATE FUNCTION "approval_decisions_no_replace_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM "approval_decisions" WHERE "id" = NEW."id")
  OR EXISTS (SELECT 1 FROM "approval_decisions" WHERE "proposal_id" = NEW."proposal_id" AND "decided_by" = NEW."decided_by") THEN
    RAISE EXCEPTION 'approval decisions are final: one per person, never replaced';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "approval_decisions_no_replace" BEFORE INSERT ON "approval_decisions" FOR EACH ROW EXECUTE FUNCTION "approval_decisions_no_replace_fn"();
--> statement-breakpoint
CREATE FUNCTION "proposals_no_replace_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM "proposals" WHERE "id" = NEW."id")
  OR (NEW."status" IN ('pending', 'approved', 'posted') AND EXISTS (SELECT 1 FROM "proposals" WHERE "target_key" = NEW."target_key" AND "status" IN ('pending', 'approved', 'posted'))) THEN
    RAISE EXCEPTION 'a proposal is never replaced';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "proposals_no_replace" BEFORE INSERT ON "proposals" FOR EACH ROW EXECUTE FUNCTION "proposals_no_replace_fn"();
--> statement-breakpoint
CREATE FUNCTION "proposals_no_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'proposals are kept: a proposal is never deleted';
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "proposals_no_delete" BEFORE DELETE ON "proposals" FOR EACH ROW EXECUTE FUNCTION "proposals_no_delete_fn"();
--> statement-breakpoint
CREATE TRIGGER "proposals_no_delete_truncate" BEFORE TRUNCATE ON "proposals" FOR EACH STATEMENT EXECUTE FUNCTION sb_no_truncate('proposals are kept: a proposal is never deleted');
--> statement-breakpoint
CREATE FUNCTION "proposals_content_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."tenant" IS DISTINCT FROM OLD."tenant" OR NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."account_id" IS DISTINCT FROM OLD."account_id"
  OR NEW."invoice_id" IS DISTINCT FROM OLD."invoice_id" OR NEW."currency" IS DISTINCT FROM OLD."currency" OR NEW."amount" IS DISTINCT FROM OLD."amount" OR NEW."summary" IS DISTINCT FROM OLD."summary"
  OR NEW."payload_json" IS DISTINCT FROM OLD."payload_json" OR NEW."requested_by" IS DISTINCT FROM OLD."requested_by" OR NEW."requester_kind" IS DISTINCT FROM OLD."requester_kind"
  OR NEW."agent" IS DISTINCT FROM OLD."agent" OR NEW."thread_id" IS DISTINCT FROM OLD."thread_id" OR NEW."reason" IS DISTINCT FROM OLD."reason"
  OR NEW."required_approvals" IS DISTINCT FROM OLD."required_approvals" OR NEW."target_key" IS DISTINCT FROM OLD."target_key" OR NEW."created_at" IS DISTINCT FROM OLD."created_at" THEN
    RAISE EXCEPTION 'a proposal is immutable once created: only its status moves';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "proposals_content_immutable" BEFORE UPDATE ON "proposals" FOR EACH ROW EXECUTE FUNCTION "proposals_content_immutable_fn"();
--> statement-breakpoint
CREATE FUNCTION "proposals_status_flow_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NOT (
  (OLD."status" = 'pending' AND NEW."status" = 'pending' AND NEW."decided_at" IS NULL AND NEW."posted_at" IS NULL AND NEW."posting_ref" IS NULL)
  OR (OLD."status" = 'pending' AND NEW."status" = 'approved' AND NEW."decided_at" IS NOT NULL AND NEW."posted_at" IS NULL AND NEW."posting_ref" IS NULL
      AND (SELECT count(*) FROM "approval_decisions" WHERE "proposal_id" = NEW."id" AND "decision" = 'approve') >= NEW."required_approvals")
  OR (OLD."status" = 'pending' AND NEW."status" = 'rejected' AND NEW."decided_at" IS NOT NULL AND NEW."posted_at" IS NULL AND NEW."posting_ref" IS NULL
      AND EXISTS (SELECT 1 FROM "approval_decisions" WHERE "proposal_id" = NEW."id" AND "decision" = 'reject'))
  OR (OLD."status" = 'approved' AND NEW."status" = 'posted' AND NEW."decided_at" IS NOT DISTINCT FROM OLD."decided_at" AND NEW."posted_at" IS NOT NULL AND NEW."posting_ref" IS NOT NULL)
) THEN
    RAISE EXCEPTION 'a proposal moves only from pending to approved or rejected (by its decisions) and from approved to posted';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "proposals_status_flow" BEFORE UPDATE ON "proposals" FOR EACH ROW EXECUTE FUNCTION "proposals_status_flow_fn"();
--> statement-breakpoint
CREATE FUNCTION "invoices_no_replace_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM "invoices" WHERE "id" = NEW."id")
  OR (NEW."number" IS NOT NULL AND EXISTS (SELECT 1 FROM "invoices" WHERE "series" = NEW."series" AND "number" = NEW."number"))
  OR (NEW."correction_key" IS NOT NULL AND EXISTS (SELECT 1 FROM "invoices" WHERE "correction_key" = NEW."correction_key"))
  OR (NEW."kind" = 'invoice' AND EXISTS (SELECT 1 FROM "invoices" WHERE "kind" = 'invoice' AND "account_id" = NEW."account_id" AND "period" = NEW."period")) THEN
    RAISE EXCEPTION 'an invoice or note is never replaced';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "invoices_no_replace" BEFORE INSERT ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_no_replace_fn"();
--> statement-breakpoint
CREATE FUNCTION "invoices_no_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD."status" NOT IN ('draft', 'held') OR OLD."number" IS NOT NULL THEN
    RAISE EXCEPTION 'an issued invoice or note is never deleted; correct it with a note';
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "invoices_no_delete" BEFORE DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_no_delete_fn"();
--> statement-breakpoint
CREATE TRIGGER "invoices_no_delete_truncate" BEFORE TRUNCATE ON "invoices" FOR EACH STATEMENT EXECUTE FUNCTION sb_no_truncate('an issued invoice or note is never deleted; correct it with a note');
--> statement-breakpoint
CREATE FUNCTION "invoices_number_not_taken_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW."number" IS NOT NULL AND NEW."number" IS DISTINCT FROM OLD."number"
  AND EXISTS (SELECT 1 FROM "invoices" WHERE "series" = NEW."series" AND "number" = NEW."number" AND "id" <> OLD."id") THEN
    RAISE EXCEPTION 'an invoice number is never taken from another invoice';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "invoices_number_not_taken" BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_number_not_taken_fn"();
--> statement-breakpoint
CREATE FUNCTION "invoices_unissued_flow_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD."status" IN ('draft', 'held') AND (
  NEW."id" IS DISTINCT FROM OLD."id" OR NEW."account_id" IS DISTINCT FROM OLD."account_id" OR NEW."period" IS DISTINCT FROM OLD."period" OR NEW."kind" IS DISTINCT FROM OLD."kind"
  OR NEW."series" IS DISTINCT FROM OLD."series" OR NEW."currency" IS DISTINCT FROM OLD."currency" OR NEW."corrects_invoice_id" IS DISTINCT FROM OLD."corrects_invoice_id"
  OR NEW."correction_key" IS DISTINCT FROM OLD."correction_key" OR NEW."created_at" IS DISTINCT FROM OLD."created_at"
  OR NEW."status" NOT IN ('draft', 'held', 'issued', 'void')
  OR (NEW."status" IN ('draft', 'held') AND (NEW."number" IS NOT NULL OR NEW."issued_at" IS NOT NULL))
  OR (NEW."status" = 'issued' AND (
    NEW."number" IS NULL OR NEW."issued_at" IS NULL OR NEW."total" IS DISTINCT FROM OLD."total"
    OR json_extract(NEW."document_json", '$.number') IS DISTINCT FROM NEW."number" OR json_extract(NEW."document_json", '$.status') IS DISTINCT FROM 'issued'
    OR json_remove(NEW."document_json", '$.number', '$.status', '$.holdReasons', '$.issueDate', '$.dueDate')
       IS DISTINCT FROM json_remove(OLD."document_json", '$.number', '$.status', '$.holdReasons', '$.issueDate', '$.dueDate')))
  OR (NEW."status" = 'void' AND (
    NEW."number" IS NOT NULL OR NEW."issued_at" IS NOT NULL OR NEW."total" IS DISTINCT FROM OLD."total"
    OR json_extract(NEW."document_json", '$.status') IS DISTINCT FROM 'void'
    OR json_remove(NEW."document_json", '$.status') IS DISTINCT FROM json_remove(OLD."document_json", '$.status')))
) THEN
    RAISE EXCEPTION 'an unissued invoice is billed again or issued with its number, dates and nothing else';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "invoices_unissued_flow" BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_unissued_flow_fn"();
--> statement-breakpoint
CREATE FUNCTION "account_notes_no_update_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'account notes are append-only: add a new note';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "account_notes_no_update" BEFORE UPDATE ON "account_notes" FOR EACH ROW EXECUTE FUNCTION "account_notes_no_update_fn"();
--> statement-breakpoint
CREATE FUNCTION "account_notes_no_delete_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF true THEN
    RAISE EXCEPTION 'account notes are append-only: a note is never deleted';
  END IF;
  RETURN OLD;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "account_notes_no_delete" BEFORE DELETE ON "account_notes" FOR EACH ROW EXECUTE FUNCTION "account_notes_no_delete_fn"();
--> statement-breakpoint
CREATE TRIGGER "account_notes_no_delete_truncate" BEFORE TRUNCATE ON "account_notes" FOR EACH STATEMENT EXECUTE FUNCTION sb_no_truncate('account notes are append-only: a note is never deleted');
--> statement-breakpoint
CREATE FUNCTION "account_notes_no_replace_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM "account_notes" WHERE "id" = NEW."id") THEN
    RAISE EXCEPTION 'account notes are append-only: a note is never replaced';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "account_notes_no_replace" BEFORE INSERT ON "account_notes" FOR EACH ROW EXECUTE FUNCTION "account_notes_no_replace_fn"();
--> statement-breakpoint
CREATE FUNCTION "invoices_issued_frozen_fn"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD."status" NOT IN ('draft', 'held') AND (
  NEW."id" IS DISTINCT FROM OLD."id" OR NEW."account_id" IS DISTINCT FROM OLD."account_id" OR NEW."period" IS DISTINCT FROM OLD."period" OR NEW."kind" IS DISTINCT FROM OLD."kind"
  OR NEW."series" IS DISTINCT FROM OLD."series" OR NEW."number" IS DISTINCT FROM OLD."number" OR NEW."currency" IS DISTINCT FROM OLD."currency" OR NEW."total" IS DISTINCT FROM OLD."total"
  OR NEW."corrects_invoice_id" IS DISTINCT FROM OLD."corrects_invoice_id" OR NEW."correction_key" IS DISTINCT FROM OLD."correction_key"
  OR NEW."created_at" IS DISTINCT FROM OLD."created_at" OR NEW."issued_at" IS DISTINCT FROM OLD."issued_at"
  OR NOT (NEW."status" = OLD."status" OR (OLD."status" = 'issued' AND NEW."status" IN ('paid', 'overdue', 'void')) OR (OLD."status" = 'overdue' AND NEW."status" IN ('paid', 'void')) OR (OLD."status" = 'paid' AND NEW."status" IN ('issued', 'overdue')))
  OR json_remove(NEW."document_json", '$.status') IS DISTINCT FROM json_remove(OLD."document_json", '$.status')
  OR json_extract(NEW."document_json", '$.status') IS DISTINCT FROM NEW."status"
) THEN
    RAISE EXCEPTION 'an issued invoice or note is never edited: only its status moves (to paid, overdue or void)';
  END IF;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "invoices_issued_frozen" BEFORE UPDATE ON "invoices" FOR EACH ROW EXECUTE FUNCTION "invoices_issued_frozen_fn"();
