CREATE TABLE `chat_threads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`last_used_at` text NOT NULL
);
