CREATE TABLE `ingest_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_name` text NOT NULL,
	`format` text NOT NULL,
	`path` text,
	`file_sha256` text,
	`parser_options` text NOT NULL,
	`status` text NOT NULL,
	`read` integer DEFAULT 0 NOT NULL,
	`accepted` integer DEFAULT 0 NOT NULL,
	`duplicates` integer DEFAULT 0 NOT NULL,
	`quarantined` integer DEFAULT 0 NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`error` text
);
--> statement-breakpoint
CREATE TABLE `ingest_duplicates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`idem_key` text NOT NULL,
	`created_at` text DEFAULT CURRENT_TIMESTAMP NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ingest_duplicates_batch` ON `ingest_duplicates` (`batch_id`);--> statement-breakpoint
CREATE TABLE `quarantine` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`dedup_key` text NOT NULL,
	`raw` text NOT NULL,
	`reason` text NOT NULL,
	`message` text NOT NULL,
	`status` text NOT NULL,
	`replayed_event_id` integer,
	`created_at` text NOT NULL,
	`resolved_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quarantine_dedup_key` ON `quarantine` (`dedup_key`);--> statement-breakpoint
CREATE INDEX `quarantine_status` ON `quarantine` (`status`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tariff_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`effective_from` integer NOT NULL,
	`source_format` text NOT NULL,
	`source_path` text,
	`content_hash` text NOT NULL,
	`plan_json` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tariff_versions_name_version` ON `tariff_versions` (`name`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `tariff_versions_name_hash` ON `tariff_versions` (`name`,`content_hash`);--> statement-breakpoint
CREATE TABLE `usage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idem_key` text NOT NULL,
	`source_id` text,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`tenant` text NOT NULL,
	`service` text NOT NULL,
	`direction` text NOT NULL,
	`subscriber` text NOT NULL,
	`other_party` text NOT NULL,
	`imsi` text,
	`serving_network` text,
	`visited_country` text,
	`start_time` integer NOT NULL,
	`answer_time` integer,
	`end_time` integer,
	`duration_ms` integer NOT NULL,
	`usage` integer NOT NULL,
	`disposition` text NOT NULL,
	`attributes` text NOT NULL,
	`category` text NOT NULL,
	`roaming` text NOT NULL,
	`destination` text,
	`destination_country` text,
	`classification_reason` text,
	`status` text NOT NULL,
	`cost` text,
	`currency` text,
	`tariff_version_id` integer,
	`rating_breakdown` text,
	`rating_error_code` text,
	`rating_error` text,
	`rated_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `usage_events_idem_key` ON `usage_events` (`idem_key`);--> statement-breakpoint
CREATE INDEX `usage_events_unrated` ON `usage_events` (`id`) WHERE "usage_events"."status" = 'unrated';--> statement-breakpoint
CREATE INDEX `usage_events_subscriber_start` ON `usage_events` (`subscriber`,`start_time`);--> statement-breakpoint
CREATE INDEX `usage_events_batch` ON `usage_events` (`batch_id`);