CREATE TABLE `board_history` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`name` text NOT NULL,
	`reason` text NOT NULL,
	`state` blob NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `board_history_board` ON `board_history` (`board_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `shot_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`shot_id` text NOT NULL,
	`parent_id` text,
	`source` text NOT NULL,
	`params` text,
	`assets` text NOT NULL,
	`model_id` text,
	`built_in_model` integer DEFAULT false NOT NULL,
	`job_id` text,
	`variation_index` integer,
	`restored_from_id` text,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`starred` integer DEFAULT false NOT NULL,
	`approval` text DEFAULT 'none' NOT NULL,
	`created_at` integer NOT NULL,
	`deleted_at` integer,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `shot_versions_shot` ON `shot_versions` (`board_id`,`shot_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `shot_versions_job_variation` ON `shot_versions` (`job_id`,`variation_index`);