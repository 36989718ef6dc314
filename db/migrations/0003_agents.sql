CREATE TABLE `approval_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`decided_by` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text NOT NULL,
	`edited_amount` text,
	`decided_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `approval_decisions_one_per_person` ON `approval_decisions` (`proposal_id`,`decided_by`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`tenant` text NOT NULL,
	`actor` text NOT NULL,
	`actor_kind` text NOT NULL,
	`thread_id` text,
	`event` text NOT NULL,
	`subject` text NOT NULL,
	`detail_json` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_thread` ON `audit_log` (`thread_id`);--> statement-breakpoint
CREATE INDEX `audit_log_subject` ON `audit_log` (`subject`);--> statement-breakpoint
CREATE TABLE `dunning_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`invoice_id` integer NOT NULL,
	`step` text NOT NULL,
	`proposal_id` integer,
	`detail_json` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `dunning_actions_step` ON `dunning_actions` (`invoice_id`,`step`);--> statement-breakpoint
CREATE TABLE `payment_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`currency` text NOT NULL,
	`total` text NOT NULL,
	`instalments_json` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_plans_proposal` ON `payment_plans` (`proposal_id`);--> statement-breakpoint
CREATE TABLE `proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`account_id` text NOT NULL,
	`invoice_id` integer,
	`currency` text NOT NULL,
	`amount` text NOT NULL,
	`summary` text NOT NULL,
	`payload_json` text NOT NULL,
	`requested_by` text NOT NULL,
	`requester_kind` text NOT NULL,
	`agent` text,
	`thread_id` text,
	`reason` text NOT NULL,
	`required_approvals` integer NOT NULL,
	`target_key` text NOT NULL,
	`created_at` text NOT NULL,
	`decided_at` text,
	`posted_at` text,
	`posting_ref` text
);
--> statement-breakpoint
CREATE INDEX `proposals_status` ON `proposals` (`tenant`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `proposals_open_target` ON `proposals` (`target_key`) WHERE "proposals"."status" in ('pending', 'approved', 'posted');--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`name` text NOT NULL,
	`roles` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `accounts` ADD `tenant` text DEFAULT 'switchboard.local' NOT NULL;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_update` BEFORE UPDATE ON `approval_decisions` BEGIN SELECT RAISE(ABORT, 'approval decisions are final'); END;--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_delete` BEFORE DELETE ON `approval_decisions` BEGIN SELECT RAISE(ABORT, 'approval decisions are final'); END;
