-- Which rule decided a usage event's call direction (issue 13); null for events from before.
ALTER TABLE `usage_events` ADD `direction_rule` text;