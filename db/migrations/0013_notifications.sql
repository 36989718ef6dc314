CREATE TABLE `notification_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer NOT NULL,
	`channel` text NOT NULL,
	`outcome` text NOT NULL,
	`status_code` integer,
	`error` text,
	`duration_ms` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notification_attempts_notification` ON `notification_attempts` (`notification_id`,`channel`);--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`tenant` text NOT NULL,
	`account_id` text NOT NULL,
	`settings_json` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant`, `account_id`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`account_id` text NOT NULL,
	`invoice_id` integer,
	`subscription_id` text,
	`payload_json` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`claimed_at` text,
	`created_at` text NOT NULL,
	`retry_from` text NOT NULL,
	`delivered_at` text,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_key` ON `notifications` (`tenant`,`key`);--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_account` ON `notifications` (`tenant`,`account_id`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`tenant` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`updated_at` text NOT NULL
);
