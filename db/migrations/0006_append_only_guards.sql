-- Records that cannot be rewritten (issue 8, section 4).
-- With recursive_triggers off (SQLite's default), INSERT OR REPLACE / REPLACE INTO delete a
-- conflicting row without firing its delete trigger; these BEFORE INSERT triggers refuse any insert
-- that would meet an existing primary or unique key, so nothing is ever replaced.
-- Audit rows written before the hash chain are marked 'legacy' (once, here): verify counts them
-- and starts each tenant's chain at its first hashed row; a new row must carry a SHA-256 hash.
DROP TRIGGER `audit_log_no_update`;--> statement-breakpoint
UPDATE `audit_log` SET `hash` = 'legacy';--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_no_replace` BEFORE INSERT ON `audit_log`
WHEN EXISTS (SELECT 1 FROM `audit_log` WHERE `id` = NEW.`id`)
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: a row is never replaced'); END;--> statement-breakpoint
CREATE TRIGGER `audit_log_needs_hash` BEFORE INSERT ON `audit_log`
WHEN NEW.`hash` IS NULL OR length(NEW.`hash`) <> 64 OR NEW.`hash` GLOB '*[^0-9a-f]*'
BEGIN SELECT RAISE(ABORT, 'audit_log rows carry their SHA-256 chain hash'); END;--> statement-breakpoint
CREATE TRIGGER `approval_decisions_no_replace` BEFORE INSERT ON `approval_decisions`
WHEN EXISTS (SELECT 1 FROM `approval_decisions` WHERE `id` = NEW.`id`)
  OR EXISTS (SELECT 1 FROM `approval_decisions` WHERE `proposal_id` = NEW.`proposal_id` AND `decided_by` = NEW.`decided_by`)
BEGIN SELECT RAISE(ABORT, 'approval decisions are final: one per person, never replaced'); END;--> statement-breakpoint
-- Proposals: what was computed and asked is immutable; only the status moves, forward.
CREATE TRIGGER `proposals_no_replace` BEFORE INSERT ON `proposals`
WHEN EXISTS (SELECT 1 FROM `proposals` WHERE `id` = NEW.`id`)
  OR (NEW.`status` IN ('pending', 'approved', 'posted') AND EXISTS (SELECT 1 FROM `proposals` WHERE `target_key` = NEW.`target_key` AND `status` IN ('pending', 'approved', 'posted')))
BEGIN SELECT RAISE(ABORT, 'a proposal is never replaced'); END;--> statement-breakpoint
CREATE TRIGGER `proposals_no_delete` BEFORE DELETE ON `proposals` BEGIN SELECT RAISE(ABORT, 'proposals are kept: a proposal is never deleted'); END;--> statement-breakpoint
CREATE TRIGGER `proposals_content_immutable` BEFORE UPDATE ON `proposals`
WHEN NEW.`id` IS NOT OLD.`id` OR NEW.`tenant` IS NOT OLD.`tenant` OR NEW.`kind` IS NOT OLD.`kind` OR NEW.`account_id` IS NOT OLD.`account_id`
  OR NEW.`invoice_id` IS NOT OLD.`invoice_id` OR NEW.`currency` IS NOT OLD.`currency` OR NEW.`amount` IS NOT OLD.`amount` OR NEW.`summary` IS NOT OLD.`summary`
  OR NEW.`payload_json` IS NOT OLD.`payload_json` OR NEW.`requested_by` IS NOT OLD.`requested_by` OR NEW.`requester_kind` IS NOT OLD.`requester_kind`
  OR NEW.`agent` IS NOT OLD.`agent` OR NEW.`thread_id` IS NOT OLD.`thread_id` OR NEW.`reason` IS NOT OLD.`reason`
  OR NEW.`required_approvals` IS NOT OLD.`required_approvals` OR NEW.`target_key` IS NOT OLD.`target_key` OR NEW.`created_at` IS NOT OLD.`created_at`
BEGIN SELECT RAISE(ABORT, 'a proposal is immutable once created: only its status moves'); END;--> statement-breakpoint
CREATE TRIGGER `proposals_status_flow` BEFORE UPDATE ON `proposals`
WHEN NOT (
  (OLD.`status` = 'pending' AND NEW.`status` = 'pending' AND NEW.`decided_at` IS NULL AND NEW.`posted_at` IS NULL AND NEW.`posting_ref` IS NULL)
  OR (OLD.`status` = 'pending' AND NEW.`status` = 'approved' AND NEW.`decided_at` IS NOT NULL AND NEW.`posted_at` IS NULL AND NEW.`posting_ref` IS NULL
      AND (SELECT count(*) FROM `approval_decisions` WHERE `proposal_id` = NEW.`id` AND `decision` = 'approve') >= NEW.`required_approvals`)
  OR (OLD.`status` = 'pending' AND NEW.`status` = 'rejected' AND NEW.`decided_at` IS NOT NULL AND NEW.`posted_at` IS NULL AND NEW.`posting_ref` IS NULL
      AND EXISTS (SELECT 1 FROM `approval_decisions` WHERE `proposal_id` = NEW.`id` AND `decision` = 'reject'))
  OR (OLD.`status` = 'approved' AND NEW.`status` = 'posted' AND NEW.`decided_at` IS OLD.`decided_at` AND NEW.`posted_at` IS NOT NULL AND NEW.`posting_ref` IS NOT NULL)
)
BEGIN SELECT RAISE(ABORT, 'a proposal moves only from pending to approved or rejected (by its decisions) and from approved to posted'); END;--> statement-breakpoint
-- Invoices and notes: never replaced; once issued only the status moves (paid, overdue, void), and
-- the document changes in its status field alone. Before issue (draft, held) billing again may
-- change the document; issuing assigns the number and dates and nothing else.
CREATE TRIGGER `invoices_no_replace` BEFORE INSERT ON `invoices`
WHEN EXISTS (SELECT 1 FROM `invoices` WHERE `id` = NEW.`id`)
  OR (NEW.`number` IS NOT NULL AND EXISTS (SELECT 1 FROM `invoices` WHERE `series` = NEW.`series` AND `number` = NEW.`number`))
  OR (NEW.`correction_key` IS NOT NULL AND EXISTS (SELECT 1 FROM `invoices` WHERE `correction_key` = NEW.`correction_key`))
  OR (NEW.`kind` = 'invoice' AND EXISTS (SELECT 1 FROM `invoices` WHERE `kind` = 'invoice' AND `account_id` = NEW.`account_id` AND `period` = NEW.`period`))
BEGIN SELECT RAISE(ABORT, 'an invoice or note is never replaced'); END;--> statement-breakpoint
CREATE TRIGGER `invoices_no_delete` BEFORE DELETE ON `invoices`
WHEN OLD.`status` NOT IN ('draft', 'held') OR OLD.`number` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'an issued invoice or note is never deleted; correct it with a note'); END;--> statement-breakpoint
CREATE TRIGGER `invoices_number_not_taken` BEFORE UPDATE ON `invoices`
WHEN NEW.`number` IS NOT NULL AND NEW.`number` IS NOT OLD.`number`
  AND EXISTS (SELECT 1 FROM `invoices` WHERE `series` = NEW.`series` AND `number` = NEW.`number` AND `id` <> OLD.`id`)
BEGIN SELECT RAISE(ABORT, 'an invoice number is never taken from another invoice'); END;--> statement-breakpoint
CREATE TRIGGER `invoices_issued_frozen` BEFORE UPDATE ON `invoices`
WHEN OLD.`status` NOT IN ('draft', 'held') AND (
  NEW.`id` IS NOT OLD.`id` OR NEW.`account_id` IS NOT OLD.`account_id` OR NEW.`period` IS NOT OLD.`period` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`series` IS NOT OLD.`series` OR NEW.`number` IS NOT OLD.`number` OR NEW.`currency` IS NOT OLD.`currency` OR NEW.`total` IS NOT OLD.`total`
  OR NEW.`corrects_invoice_id` IS NOT OLD.`corrects_invoice_id` OR NEW.`correction_key` IS NOT OLD.`correction_key`
  OR NEW.`created_at` IS NOT OLD.`created_at` OR NEW.`issued_at` IS NOT OLD.`issued_at`
  OR NOT (NEW.`status` = OLD.`status` OR (OLD.`status` = 'issued' AND NEW.`status` IN ('paid', 'overdue', 'void')) OR (OLD.`status` = 'overdue' AND NEW.`status` IN ('paid', 'void')))
  OR json_remove(NEW.`document_json`, '$.status') IS NOT json_remove(OLD.`document_json`, '$.status')
  OR json_extract(NEW.`document_json`, '$.status') IS NOT NEW.`status`
)
BEGIN SELECT RAISE(ABORT, 'an issued invoice or note is never edited: only its status moves (to paid, overdue or void)'); END;--> statement-breakpoint
CREATE TRIGGER `invoices_unissued_flow` BEFORE UPDATE ON `invoices`
WHEN OLD.`status` IN ('draft', 'held') AND (
  NEW.`id` IS NOT OLD.`id` OR NEW.`account_id` IS NOT OLD.`account_id` OR NEW.`period` IS NOT OLD.`period` OR NEW.`kind` IS NOT OLD.`kind`
  OR NEW.`series` IS NOT OLD.`series` OR NEW.`currency` IS NOT OLD.`currency` OR NEW.`corrects_invoice_id` IS NOT OLD.`corrects_invoice_id`
  OR NEW.`correction_key` IS NOT OLD.`correction_key` OR NEW.`created_at` IS NOT OLD.`created_at`
  OR NEW.`status` NOT IN ('draft', 'held', 'issued', 'void')
  OR (NEW.`status` IN ('draft', 'held') AND (NEW.`number` IS NOT NULL OR NEW.`issued_at` IS NOT NULL))
  OR (NEW.`status` = 'issued' AND (
    NEW.`number` IS NULL OR NEW.`issued_at` IS NULL OR NEW.`total` IS NOT OLD.`total`
    OR json_extract(NEW.`document_json`, '$.number') IS NOT NEW.`number` OR json_extract(NEW.`document_json`, '$.status') IS NOT 'issued'
    OR json_remove(NEW.`document_json`, '$.number', '$.status', '$.holdReasons', '$.issueDate', '$.dueDate')
       IS NOT json_remove(OLD.`document_json`, '$.number', '$.status', '$.holdReasons', '$.issueDate', '$.dueDate')))
  OR (NEW.`status` = 'void' AND (
    NEW.`number` IS NOT NULL OR NEW.`issued_at` IS NOT NULL OR NEW.`total` IS NOT OLD.`total`
    OR json_extract(NEW.`document_json`, '$.status') IS NOT 'void'
    OR json_remove(NEW.`document_json`, '$.status') IS NOT json_remove(OLD.`document_json`, '$.status')))
)
BEGIN SELECT RAISE(ABORT, 'an unissued invoice is billed again or issued with its number, dates and nothing else'); END;
