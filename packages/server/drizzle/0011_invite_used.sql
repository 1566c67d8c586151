-- A used invite link is kept and marked (see src/access/invites.ts), so opening it again says it
-- was already used instead of "not valid". Links used before this migration were deleted then:
-- those still read as not valid. drizzle-kit leaves out the ON DELETE clause when it adds a
-- referencing column; it is written here as schema.ts declares it.
ALTER TABLE `board_invites` ADD `used_at` integer;--> statement-breakpoint
ALTER TABLE `board_invites` ADD `used_by` text REFERENCES users(id) ON DELETE SET NULL;
