ALTER TABLE `boards` ADD `cover_asset_id` text;--> statement-breakpoint
ALTER TABLE `boards` ADD `cover_known` integer DEFAULT false NOT NULL;