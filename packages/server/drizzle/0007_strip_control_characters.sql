-- Text saved before control characters were refused (names, share link labels, comments) loses
-- them, by the rule the API applies now (hand-written: a data migration). The functions are
-- defined in TypeScript on the connection by openDatabase (src/db/migrationFunctions.ts). A name
-- or comment with nothing left shows a placeholder; a label may be empty.
UPDATE `comments` SET `body` = coalesce(nullif(storyloom_comment_without_controls(`body`), ''), '(no text)') WHERE `body` <> storyloom_comment_without_controls(`body`);--> statement-breakpoint
UPDATE `comments` SET `author_name` = coalesce(nullif(storyloom_name_without_controls(`author_name`), ''), 'Unnamed') WHERE `author_name` <> storyloom_name_without_controls(`author_name`);--> statement-breakpoint
UPDATE `comment_threads` SET `resolved_by` = coalesce(nullif(storyloom_name_without_controls(`resolved_by`), ''), 'Unnamed') WHERE `resolved_by` <> storyloom_name_without_controls(`resolved_by`);--> statement-breakpoint
UPDATE `shot_verdicts` SET `reviewer_name` = coalesce(nullif(storyloom_name_without_controls(`reviewer_name`), ''), 'Unnamed') WHERE `reviewer_name` <> storyloom_name_without_controls(`reviewer_name`);--> statement-breakpoint
UPDATE `share_links` SET `label` = storyloom_name_without_controls(`label`) WHERE `label` <> storyloom_name_without_controls(`label`);--> statement-breakpoint
UPDATE `boards` SET `name` = coalesce(nullif(storyloom_name_without_controls(`name`), ''), 'Untitled board') WHERE `name` <> storyloom_name_without_controls(`name`);--> statement-breakpoint
UPDATE `board_history` SET `name` = coalesce(nullif(storyloom_name_without_controls(`name`), ''), 'Snapshot'), `author_name` = coalesce(nullif(storyloom_name_without_controls(`author_name`), ''), 'Unnamed') WHERE `name` <> storyloom_name_without_controls(`name`) OR `author_name` <> storyloom_name_without_controls(`author_name`);--> statement-breakpoint
UPDATE `users` SET `name` = coalesce(nullif(storyloom_name_without_controls(`name`), ''), 'Unnamed') WHERE `name` <> storyloom_name_without_controls(`name`);
