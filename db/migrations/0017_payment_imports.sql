CREATE TABLE `payment_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`format` text NOT NULL,
	`content_hash` text NOT NULL,
	`file_name` text,
	`statements` text NOT NULL,
	`repeat_of` integer,
	`read` integer NOT NULL,
	`matched` integer NOT NULL,
	`partly_matched` integer NOT NULL,
	`unmatched` integer NOT NULL,
	`duplicate` integer NOT NULL,
	`returned` integer NOT NULL,
	`imported_by` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payment_imports_hash` ON `payment_imports` (`tenant`,`content_hash`);