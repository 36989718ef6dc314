CREATE TABLE `rerate_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`event_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`old_status` text NOT NULL,
	`new_status` text NOT NULL,
	`old_cost` text,
	`new_cost` text,
	`old_tariff_version_id` integer,
	`new_tariff_version_id` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rerate_log_event` ON `rerate_log` (`event_id`);--> statement-breakpoint
CREATE INDEX `rerate_log_run` ON `rerate_log` (`run_id`);