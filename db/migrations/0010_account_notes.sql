CREATE TABLE `account_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tenant` text NOT NULL,
	`account_id` text NOT NULL,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `account_notes_account` ON `account_notes` (`tenant`,`account_id`,`id`);--> statement-breakpoint
-- Notes are append-only: never edited, deleted or replaced (INSERT OR REPLACE would delete the old row without its delete trigger).
CREATE TRIGGER `account_notes_no_update` BEFORE UPDATE ON `account_notes` BEGIN SELECT RAISE(ABORT, 'account notes are append-only: add a new note'); END;--> statement-breakpoint
CREATE TRIGGER `account_notes_no_delete` BEFORE DELETE ON `account_notes` BEGIN SELECT RAISE(ABORT, 'account notes are append-only: a note is never deleted'); END;--> statement-breakpoint
CREATE TRIGGER `account_notes_no_replace` BEFORE INSERT ON `account_notes`
WHEN EXISTS (SELECT 1 FROM `account_notes` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'account notes are append-only: a note is never replaced'); END;
