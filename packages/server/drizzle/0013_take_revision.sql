-- Every delete and restore of a take counts up its revision, so an undo can ask the server to
-- act only while the take is still as the person's own action left it (see versionStore.ts).
-- Takes deleted before this start at 0, like every other.
ALTER TABLE `shot_versions` ADD `revision` integer DEFAULT 0 NOT NULL;
