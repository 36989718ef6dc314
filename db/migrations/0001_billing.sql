CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`billing_cycle_day` integer NOT NULL,
	`currency` text NOT NULL,
	`account_json` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `accounts_customer` ON `accounts` (`customer_id`);--> statement-breakpoint
CREATE TABLE `allowance_ledger` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invoice_id` integer NOT NULL,
	`subscription_id` text NOT NULL,
	`period` text NOT NULL,
	`allowance_id` text NOT NULL,
	`service` text NOT NULL,
	`granted` integer NOT NULL,
	`carried_in` integer NOT NULL,
	`used` integer NOT NULL,
	`carried_out` integer NOT NULL,
	`carries_json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `allowance_ledger_line_period` ON `allowance_ledger` (`subscription_id`,`period`,`allowance_id`);--> statement-breakpoint
CREATE TABLE `catalog_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`effective_from` text NOT NULL,
	`content_hash` text NOT NULL,
	`catalog_json` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_versions_name_version` ON `catalog_versions` (`name`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_versions_name_hash` ON `catalog_versions` (`name`,`content_hash`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`segment` text NOT NULL,
	`customer_json` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invoice_series` (
	`series` text PRIMARY KEY NOT NULL,
	`next_number` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`kind` text NOT NULL,
	`series` text NOT NULL,
	`number` text,
	`status` text NOT NULL,
	`currency` text NOT NULL,
	`total` text NOT NULL,
	`document_json` text NOT NULL,
	`corrects_invoice_id` integer,
	`correction_key` text,
	`created_at` text NOT NULL,
	`issued_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_one_per_period` ON `invoices` (`account_id`,`period`) WHERE "invoices"."kind" = 'invoice';--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_series_number` ON `invoices` (`series`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `invoices_correction_key` ON `invoices` (`correction_key`);--> statement-breakpoint
CREATE INDEX `invoices_status` ON `invoices` (`status`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`msisdn` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text,
	`subscription_json` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subscriptions_account` ON `subscriptions` (`account_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_msisdn` ON `subscriptions` (`msisdn`);