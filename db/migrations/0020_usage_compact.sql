CREATE TABLE `usage_dictionary` (
	`id` integer PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
-- Hand-written below (drizzle-kit generated the table rebuild; docs/storage.md): the existing rows
-- are converted to the new layout. The batch ranges are taken while usage_events_batch still
-- exists; direction rules and attribute name lists go to usage_dictionary (small ids here, hashed
-- ids from the writers); attribute values become a JSON list; rated_at becomes epoch ms. Rows
-- rated before this migration keep their whole compact breakdown (rating_template NULL), which
-- the readers still expand; only new ratings are stored split.
ALTER TABLE `ingest_batches` ADD `first_event_id` integer;--> statement-breakpoint
ALTER TABLE `ingest_batches` ADD `last_event_id` integer;--> statement-breakpoint
UPDATE `ingest_batches` SET `first_event_id` = (SELECT min(e.`id`) FROM `usage_events` e WHERE e.`batch_id` = `ingest_batches`.`id`), `last_event_id` = (SELECT max(e.`id`) FROM `usage_events` e WHERE e.`batch_id` = `ingest_batches`.`id`);--> statement-breakpoint
INSERT INTO `usage_dictionary` (`value`) SELECT v FROM (SELECT `direction_rule` AS v FROM `usage_events` WHERE `direction_rule` IS NOT NULL UNION SELECT (SELECT json_group_array(j.key) FROM json_each(u.`attributes`) j) AS v FROM `usage_events` u) ORDER BY v;--> statement-breakpoint
CREATE INDEX `usage_dictionary_migration` ON `usage_dictionary` (`value`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_usage_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idem_key` text NOT NULL,
	`source_id` text,
	`batch_id` integer NOT NULL,
	`line_no` integer NOT NULL,
	`tenant` text NOT NULL,
	`service` text NOT NULL,
	`direction` text NOT NULL,
	`subscriber` text NOT NULL,
	`other_party` text NOT NULL,
	`imsi` text,
	`serving_network` text,
	`visited_country` text,
	`start_time` integer NOT NULL,
	`answer_time` integer,
	`end_time` integer,
	`duration_ms` integer NOT NULL,
	`usage` integer NOT NULL,
	`disposition` text NOT NULL,
	`attributes` text NOT NULL,
	`attribute_keys` integer,
	`category` text NOT NULL,
	`roaming` text NOT NULL,
	`destination` text,
	`destination_country` text,
	`classification_reason` text,
	`status` text NOT NULL,
	`cost` text,
	`currency` text,
	`tariff_version_id` integer,
	`rating_template` integer,
	`rating_breakdown` text,
	`rating_error_code` text,
	`rating_error` text,
	`rated_at` integer,
	`direction_rule` integer
);
--> statement-breakpoint
INSERT INTO `__new_usage_events`("id", "idem_key", "source_id", "batch_id", "line_no", "tenant", "service", "direction", "subscriber", "other_party", "imsi", "serving_network", "visited_country", "start_time", "answer_time", "end_time", "duration_ms", "usage", "disposition", "attributes", "attribute_keys", "category", "roaming", "destination", "destination_country", "classification_reason", "status", "cost", "currency", "tariff_version_id", "rating_template", "rating_breakdown", "rating_error_code", "rating_error", "rated_at", "direction_rule") SELECT u.`id`, u.`idem_key`, u.`source_id`, u.`batch_id`, u.`line_no`, u.`tenant`, u.`service`, u.`direction`, u.`subscriber`, u.`other_party`, u.`imsi`, u.`serving_network`, u.`visited_country`, u.`start_time`, u.`answer_time`, u.`end_time`, u.`duration_ms`, u.`usage`, u.`disposition`, (SELECT json_group_array(j.value) FROM json_each(u.`attributes`) j), (SELECT d.`id` FROM `usage_dictionary` d WHERE d.`value` = (SELECT json_group_array(j.key) FROM json_each(u.`attributes`) j)), u.`category`, u.`roaming`, u.`destination`, u.`destination_country`, u.`classification_reason`, u.`status`, u.`cost`, u.`currency`, u.`tariff_version_id`, NULL, u.`rating_breakdown`, u.`rating_error_code`, u.`rating_error`, CASE WHEN u.`rated_at` IS NULL THEN NULL ELSE CAST(strftime('%s', u.`rated_at`) AS INTEGER) * 1000 + CAST(substr(u.`rated_at`, 21, 3) AS INTEGER) END, (SELECT d.`id` FROM `usage_dictionary` d WHERE d.`value` = u.`direction_rule`) FROM `usage_events` u;--> statement-breakpoint
DROP TABLE `usage_events`;--> statement-breakpoint
ALTER TABLE `__new_usage_events` RENAME TO `usage_events`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `usage_events_idem_key` ON `usage_events` (`idem_key`);--> statement-breakpoint
CREATE INDEX `usage_events_unrated` ON `usage_events` (`id`) WHERE "usage_events"."status" = 'unrated';--> statement-breakpoint
CREATE INDEX `usage_events_subscriber_start` ON `usage_events` (`subscriber`,`start_time`);--> statement-breakpoint
DROP INDEX `usage_dictionary_migration`;