CREATE TABLE `cycle_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`thread_id` text NOT NULL,
	`runs` integer DEFAULT 1 NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`error` text,
	`report` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cycle_runs_tenant_period` ON `cycle_runs` (`tenant`,`period`);