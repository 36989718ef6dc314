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
CREATE INDEX `payment_imports_hash` ON `payment_imports` (`tenant`,`content_hash`);--> statement-breakpoint
-- A paid invoice is reopened (back to issued or overdue) when a payment of it comes back: a
-- direct-debit return, a reversal or a chargeback (docs/payments.md). Otherwise as in 0006.
DROP TRIGGER `invoices_issued_frozen`;--> statement-breakpoint
CREATE TRIGGER `invoices_issued_frozen` BEFORE UPDATE ON `invoices`
WHEN OLD.`status` NOT IN ('draft', 'held') AND (
  NEW.`id` IS NOT OLD.`id` OR NEW.`account_id` IS NOT OLD.`account_id` OR NEW.`period` IS NOT OLD.`period` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`series` IS NOT OLD.`series` OR NEW.`number` IS NOT OLD.`number` OR NEW.`currency` IS NOT OLD.`currency` OR NEW.`total` IS NOT OLD.`total`
  OR NEW.`corrects_invoice_id` IS NOT OLD.`corrects_invoice_id` OR NEW.`correction_key` IS NOT OLD.`correction_key`
  OR NEW.`created_at` IS NOT OLD.`created_at` OR NEW.`issued_at` IS NOT OLD.`issued_at`
  OR NOT (NEW.`status` = OLD.`status` OR (OLD.`status` = 'issued' AND NEW.`status` IN ('paid', 'overdue', 'void')) OR (OLD.`status` = 'overdue' AND NEW.`status` IN ('paid', 'void')) OR (OLD.`status` = 'paid' AND NEW.`status` IN ('issued', 'overdue')))
  OR json_remove(NEW.`document_json`, '$.status') IS NOT json_remove(OLD.`document_json`, '$.status')
  OR json_extract(NEW.`document_json`, '$.status') IS NOT NEW.`status`
)
BEGIN SELECT RAISE(ABORT, 'an issued invoice or note is never edited: only its status moves (to paid, overdue or void)'); END;
