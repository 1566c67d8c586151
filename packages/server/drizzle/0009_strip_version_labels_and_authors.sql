-- Take labels and take/snapshot author names saved before the versions API refused control
-- characters and characters that reorder or hide text in labels, and dropped them from author
-- names (hand-written: a data migration, with the functions 0007 and 0008 use; see
-- src/db/migrationFunctions.ts). board_history was cleaned by 0007 and 0008 already. An author
-- name with nothing left shows a placeholder; a label may be empty (no label).
UPDATE `shot_versions` SET `label` = storyloom_without_reordering_or_hiding(storyloom_name_without_controls(`label`)) WHERE `label` <> storyloom_without_reordering_or_hiding(storyloom_name_without_controls(`label`));--> statement-breakpoint
UPDATE `shot_versions` SET `author_name` = coalesce(nullif(storyloom_without_reordering_or_hiding(storyloom_name_without_controls(`author_name`)), ''), 'Unnamed') WHERE `author_name` <> storyloom_without_reordering_or_hiding(storyloom_name_without_controls(`author_name`));
