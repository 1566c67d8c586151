CREATE TABLE `generation_jobs` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`board_id` text NOT NULL,
	`status` text NOT NULL,
	`priority` integer NOT NULL,
	`data` text NOT NULL,
	`idempotency_key` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`not_before` integer,
	`progress` real DEFAULT 0 NOT NULL,
	`error` text,
	`result` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generation_jobs_id_unique` ON `generation_jobs` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `generation_jobs_idempotency_key_unique` ON `generation_jobs` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `generation_jobs_next` ON `generation_jobs` (`status`,`priority`,`seq`);--> statement-breakpoint
CREATE INDEX `generation_jobs_board` ON `generation_jobs` (`board_id`,`seq`);