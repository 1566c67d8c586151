import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** A board: one canvas, one Y.Doc. */
export const boards = sqliteTable('boards', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
})

/**
 * Append-only log of accepted Yjs updates. Each accepted update is written here before it is
 * broadcast; compaction folds a prefix of the log into `board_snapshots`.
 */
export const boardUpdates = sqliteTable(
  'board_updates',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    update: blob('update', { mode: 'buffer' }).notNull(),
  },
  (t) => [index('board_updates_board_seq').on(t.boardId, t.seq)],
)

/** The board's doc state up to and including log entry `seq`. */
export const boardSnapshots = sqliteTable('board_snapshots', {
  boardId: text('board_id')
    .primaryKey()
    .references(() => boards.id, { onDelete: 'cascade' }),
  state: blob('state', { mode: 'buffer' }).notNull(),
  seq: integer('seq').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
})

/**
 * An asset uploaded to a board. Files are content-addressed (sha256) and stored once under the
 * data directory; this row is what makes a file reachable through a board.
 */
export const boardAssets = sqliteTable(
  'board_assets',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    fileName: text('file_name'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.sha256] })],
)
