CREATE TABLE `account_restrictions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`account_id` text NOT NULL,
	`level` text NOT NULL,
	`proposal_id` integer NOT NULL,
	`lines_json` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_restrictions_proposal` ON `account_restrictions` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `account_restrictions_account` ON `account_restrictions` (`tenant`,`account_id`);--> statement-breakpoint
CREATE TABLE `payment_promises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`account_id` text NOT NULL,
	`amount` text NOT NULL,
	`currency` text NOT NULL,
	`promised_for` text NOT NULL,
	`recorded_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`note` text,
	`status` text NOT NULL,
	`closed_on` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_promises_account` ON `payment_promises` (`tenant`,`account_id`,`status`);