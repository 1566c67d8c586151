-- Text saved before characters that reorder or hide text were refused (names, share link labels,
-- comments) loses them, by the rule the API applies now (hand-written: a data migration). The
-- function is defined in TypeScript on the connection by openDatabase (src/db/migrationFunctions.ts);
-- it keeps line breaks and tabs, and gives '' for text that shows nothing once cleaned. A name or
-- comment with nothing left shows a placeholder; a label may be empty.
UPDATE `comments` SET `body` = coalesce(nullif(storyloom_without_reordering_or_hiding(`body`), ''), '(no text)') WHERE `body` <> storyloom_without_reordering_or_hiding(`body`);--> statement-breakpoint
UPDATE `comments` SET `author_name` = coalesce(nullif(storyloom_without_reordering_or_hiding(`author_name`), ''), 'Unnamed') WHERE `author_name` <> storyloom_without_reordering_or_hiding(`author_name`);--> statement-breakpoint
UPDATE `comment_threads` SET `resolved_by` = coalesce(nullif(storyloom_without_reordering_or_hiding(`resolved_by`), ''), 'Unnamed') WHERE `resolved_by` <> storyloom_without_reordering_or_hiding(`resolved_by`);--> statement-breakpoint
UPDATE `shot_verdicts` SET `reviewer_name` = coalesce(nullif(storyloom_without_reordering_or_hiding(`reviewer_name`), ''), 'Unnamed') WHERE `reviewer_name` <> storyloom_without_reordering_or_hiding(`reviewer_name`);--> statement-breakpoint
UPDATE `share_links` SET `label` = storyloom_without_reordering_or_hiding(`label`) WHERE `label` <> storyloom_without_reordering_or_hiding(`label`);--> statement-breakpoint
UPDATE `boards` SET `name` = coalesce(nullif(storyloom_without_reordering_or_hiding(`name`), ''), 'Untitled board') WHERE `name` <> storyloom_without_reordering_or_hiding(`name`);--> statement-breakpoint
UPDATE `board_history` SET `name` = coalesce(nullif(storyloom_without_reordering_or_hiding(`name`), ''), 'Snapshot'), `author_name` = coalesce(nullif(storyloom_without_reordering_or_hiding(`author_name`), ''), 'Unnamed') WHERE `name` <> storyloom_without_reordering_or_hiding(`name`) OR `author_name` <> storyloom_without_reordering_or_hiding(`author_name`);--> statement-breakpoint
UPDATE `users` SET `name` = coalesce(nullif(storyloom_without_reordering_or_hiding(`name`), ''), 'Unnamed') WHERE `name` <> storyloom_without_reordering_or_hiding(`name`);
