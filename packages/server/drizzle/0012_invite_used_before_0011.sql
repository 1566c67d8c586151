-- Invite links from before 0011 were never marked used (hand-written: a data migration). Until
-- then a link let in anyone who had it and stayed, so a used one would still let one more person
-- in, and only then say it was used. Such a link is marked used now, by the person who joined its
-- board with it: the first one, not its creator, to join while it was open, when it was the only
-- link of that board open then (with two open, who came by which is not known: both stay open).
-- Links used between the one-person rule and 0011 were deleted when used: nothing of them is left,
-- and they still read as not valid (docs/accounts.md).
UPDATE `board_invites` SET
	`used_by` = (
		SELECT m.`user_id` FROM `board_members` m
		WHERE m.`board_id` = `board_invites`.`board_id`
			AND m.`created_at` >= `board_invites`.`created_at` AND m.`created_at` < `board_invites`.`expires_at`
			AND m.`user_id` IS NOT `board_invites`.`created_by`
			AND (SELECT count(*) FROM `board_invites` o WHERE o.`board_id` = m.`board_id` AND m.`created_at` >= o.`created_at` AND m.`created_at` < o.`expires_at`) = 1
		ORDER BY m.`created_at`, m.`user_id` LIMIT 1
	)
WHERE `used_at` IS NULL;--> statement-breakpoint
UPDATE `board_invites` SET
	`used_at` = (SELECT m.`created_at` FROM `board_members` m WHERE m.`board_id` = `board_invites`.`board_id` AND m.`user_id` = `board_invites`.`used_by`)
WHERE `used_at` IS NULL AND `used_by` IS NOT NULL;
