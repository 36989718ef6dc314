CREATE TABLE `fraud_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`key` text NOT NULL,
	`detector` text NOT NULL,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`subject_kind` text NOT NULL,
	`subject` text NOT NULL,
	`first_at` text NOT NULL,
	`last_at` text NOT NULL,
	`summary` text NOT NULL,
	`evidence_json` text NOT NULL,
	`source` text NOT NULL,
	`batch_id` integer,
	`created_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_reason` text,
	`proposal_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fraud_alerts_key` ON `fraud_alerts` (`tenant`,`key`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_status` ON `fraud_alerts` (`tenant`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_subject` ON `fraud_alerts` (`tenant`,`detector`,`subject`);--> statement-breakpoint
CREATE TABLE `fraud_settings` (
	`tenant` text PRIMARY KEY NOT NULL,
	`thresholds_json` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `fraud_state` (
	`tenant` text NOT NULL,
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`state_json` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant`, `scope`, `key`)
);
--> statement-breakpoint
CREATE TABLE `line_bars` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`subscriber` text NOT NULL,
	`alert_id` integer NOT NULL,
	`proposal_id` integer NOT NULL,
	`barred_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `line_bars_proposal` ON `line_bars` (`tenant`,`proposal_id`);--> statement-breakpoint
CREATE INDEX `line_bars_subscriber` ON `line_bars` (`tenant`,`subscriber`);