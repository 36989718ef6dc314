CREATE TABLE `account_credits` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`account_id` text NOT NULL,
	`currency` text NOT NULL,
	`reason` text NOT NULL,
	`amount` text NOT NULL,
	`payment_id` integer,
	`invoice_id` integer,
	`proposal_id` integer,
	`date` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `account_credits_account` ON `account_credits` (`tenant`,`account_id`);--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`kind` text NOT NULL,
	`payment_id` integer,
	`invoice_id` integer NOT NULL,
	`account_id` text NOT NULL,
	`amount` text NOT NULL,
	`currency` text NOT NULL,
	`date` text NOT NULL,
	`proposal_id` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_allocations_invoice` ON `payment_allocations` (`invoice_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_payment` ON `payment_allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `payment_allocations_account` ON `payment_allocations` (`tenant`,`account_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`source` text NOT NULL,
	`import_id` integer,
	`entry_no` integer,
	`entry_key` text NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`booking_date` text NOT NULL,
	`value_date` text,
	`amount` text NOT NULL,
	`currency` text NOT NULL,
	`payer_name` text,
	`payer_iban` text,
	`payer_token` text,
	`creditor_reference` text,
	`remittance` text,
	`end_to_end_id` text,
	`account_id` text,
	`match_method` text,
	`matched_by` text,
	`matched_at` text,
	`unallocated` text NOT NULL,
	`return_of` integer,
	`return_reason` text,
	`returned_by` integer,
	`duplicate_of` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_entry_key` ON `payments` (`tenant`,`entry_key`) WHERE "payments"."state" <> 'duplicate';--> statement-breakpoint
CREATE INDEX `payments_state` ON `payments` (`tenant`,`state`);--> statement-breakpoint
CREATE INDEX `payments_account` ON `payments` (`tenant`,`account_id`);--> statement-breakpoint
CREATE INDEX `payments_import` ON `payments` (`import_id`);