-- The update log clustered on (board_id, seq), WITHOUT ROWID (hand-written: drizzle cannot
-- express it): an append writes one b-tree page instead of three. seq now counts per board;
-- existing entries keep their (per board increasing) seqs, which board_snapshots.seq refers to.
CREATE TABLE `__new_board_updates` (
	`board_id` text NOT NULL,
	`seq` integer NOT NULL,
	`update` blob NOT NULL,
	PRIMARY KEY(`board_id`, `seq`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_board_updates`(`board_id`, `seq`, `update`) SELECT `board_id`, `seq`, `update` FROM `board_updates`;--> statement-breakpoint
DROP TABLE `board_updates`;--> statement-breakpoint
ALTER TABLE `__new_board_updates` RENAME TO `board_updates`;
