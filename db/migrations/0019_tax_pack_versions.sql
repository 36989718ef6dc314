CREATE TABLE `tax_pack_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`pack_id` text NOT NULL,
	`version` text NOT NULL,
	`effective_from` text NOT NULL,
	`status` text NOT NULL,
	`summary` text NOT NULL,
	`update_json` text NOT NULL,
	`content_hash` text NOT NULL,
	`imported_by` text NOT NULL,
	`imported_at` text NOT NULL,
	`proposal_id` integer,
	`adopted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tax_pack_versions_version` ON `tax_pack_versions` (`pack_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `tax_pack_versions_adopted` ON `tax_pack_versions` (`pack_id`) WHERE "tax_pack_versions"."status" = 'adopted';--> statement-breakpoint
CREATE INDEX `tax_pack_versions_status` ON `tax_pack_versions` (`pack_id`,`status`);