import { sql } from 'drizzle-orm'
import type { GenerationJobData } from '@storyloom/shared/generation/jobs'
import type { CommentAnchor } from '@storyloom/shared/review/comments'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import type { VersionAsset, VersionParams } from '@storyloom/shared/versions/shotVersion'
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'

/** A board: one canvas, one Y.Doc. */
export const boards = sqliteTable('boards', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(sql`(unixepoch('subsec') * 1000)`),
  /**
   * The home page's cover: the asset id (sha256, one of this board's) of its first shot's picture,
   * kept by the board's room from its doc (see boards/boardCover.ts); null for none.
   */
  coverAssetId: text('cover_asset_id'),
  /** Whether `cover_asset_id` was chosen from the doc: boards from before covers (migration 0015) are filled in after start. */
  coverKnown: integer('cover_known', { mode: 'boolean' }).notNull().default(false),
  /**
   * When the board was moved to "Recently deleted" (null: it is live). A deleted board is not
   * found anywhere but the trash routes (boards/liveBoards.ts) until restored or purged.
   */
  deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
})

/**
 * Append-only log of accepted Yjs updates. Each accepted update is written here before it is
 * broadcast; compaction folds a prefix of the log into `board_snapshots`. `seq` counts per board
 * (the room owning the board assigns it). The table is stored WITHOUT ROWID (migration 0006,
 * which drizzle cannot express), clustered on (board, seq): an append writes one b-tree page
 * instead of three (table, index, AUTOINCREMENT counter), and it is on the broadcast path.
 */
export const boardUpdates = sqliteTable(
  'board_updates',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.seq] })],
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

/**
 * The embedded generation queue (used when no Redis is configured). `data` is the validated
 * `GenerationJobData` as JSON; `result` the worker's result as JSON. Ordered by `priority`
 * (1 first), then `seq` (FIFO).
 */
export const generationJobs = sqliteTable(
  'generation_jobs',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    boardId: text('board_id').notNull(),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed', 'canceled'] }).notNull(),
    priority: integer('priority').notNull(),
    data: text('data', { mode: 'json' }).$type<GenerationJobData>().notNull(),
    idempotencyKey: text('idempotency_key').unique(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** A retried job waits until this time before it runs again. */
    notBefore: integer('not_before', { mode: 'timestamp_ms' }),
    progress: real('progress').notNull().default(0),
    error: text('error'),
    result: text('result', { mode: 'json' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('generation_jobs_next').on(t.status, t.priority, t.seq),
    index('generation_jobs_board').on(t.boardId, t.seq),
  ],
)

/**
 * Whether a take's files (its `assets` column) may include one found damaged or oversized: their
 * text names either mark. A superset, whatever the JSON's spacing; json_each says which file. The
 * partial index `shot_versions_unreadable` is on this very expression, and a query repeats it to
 * use that index (SQLite matches the terms literally).
 */
export const mayHoldUnreadableFile = (assets: AnySQLiteColumn) => sql`(instr(${assets}, 'damaged') > 0 or instr(${assets}, 'oversized') > 0)`

/**
 * Every shot's version tree (see packages/shared/src/versions). Rows are never deleted while
 * their board exists: deleting a version sets `deleted_at`. `job_id` + `variation_index` is
 * unique so a retried generation job never records the same result twice.
 */
export const shotVersions = sqliteTable(
  'shot_versions',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    shotId: text('shot_id').notNull(),
    parentId: text('parent_id'),
    source: text('source', { enum: ['generation', 'upload', 'restore'] }).notNull(),
    params: text('params', { mode: 'json' }).$type<VersionParams>(),
    assets: text('assets', { mode: 'json' }).$type<VersionAsset[]>().notNull(),
    modelId: text('model_id'),
    builtInModel: integer('built_in_model', { mode: 'boolean' }).notNull().default(false),
    jobId: text('job_id'),
    variationIndex: integer('variation_index'),
    restoredFromId: text('restored_from_id'),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    label: text('label').notNull().default(''),
    starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
    approval: text('approval', { enum: ['none', 'in-review', 'approved', 'rejected'] }).notNull().default('none'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
    /** Bumped by every delete and restore that changes the take: what a conditional one checks. */
    revision: integer('revision').notNull().default(0),
  },
  (t) => [
    index('shot_versions_shot').on(t.boardId, t.shotId, t.createdAt),
    uniqueIndex('shot_versions_job_variation').on(t.jobId, t.variationIndex),
    // The takes that may hold a file found damaged or oversized: what every asset request looks up (isUnreadableTakeFile).
    index('shot_versions_unreadable').on(t.boardId).where(mayHoldUnreadableFile(t.assets)),
  ],
)

/**
 * Named snapshots of a whole board's doc (board history). `state` is the encoded Y.Doc state
 * at the time; restoring applies it to the live room as a new change, after snapshotting the
 * state it replaces (`reason` 'before-restore').
 */
export const boardHistory = sqliteTable(
  'board_history',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    reason: text('reason', { enum: ['manual', 'before-restore'] }).notNull(),
    state: blob('state', { mode: 'buffer' }).notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('board_history_board').on(t.boardId, t.createdAt)],
)

/** An account. The first one created on an instance is its admin. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Lower-cased; unique. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** `scrypt$N$r$p$salt$hash` (see auth/passwordHash.ts). */
  passwordHash: text('password_hash').notNull(),
  isAdmin: integer('is_admin', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
})

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored: a leaked database opens no session. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
)

/** Who may open a board, and as what (`BoardRole`). */
export const boardMembers = sqliteTable(
  'board_members',
  {
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['viewer', 'commenter', 'editor', 'owner'] }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.boardId, t.userId] }), index('board_members_user').on(t.userId)],
)

/** An invite link to a board. Only the SHA-256 of its token is stored; owners see the link once. One person joins with it. */
export const boardInvites = sqliteTable(
  'board_invites',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['viewer', 'commenter', 'editor', 'owner'] }).notNull(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * When someone joined with the link (null: not used yet). A used link stays, so opening it
     * again says it was used rather than that it never existed (migration 0011).
     */
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    /** Who joined with it (null once their account is deleted, and while unused). */
    usedBy: text('used_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('board_invites_board').on(t.boardId)],
)

/**
 * A password reset link the admin made for an account (docs/accounts.md). Only the SHA-256 of
 * its token is stored. It works once, until `expires_at`; a newer link for the account deletes
 * the unused ones, and deleting the account deletes them all.
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** When the new password was set with it (null: not used yet). Kept, so the link says it was used. */
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('password_resets_user').on(t.userId)],
)

/**
 * Client-review share links. `token` is the secret in the link's URL (kept readable so the team
 * can copy the link again; it grants read-only review access to one board). The passcode, when
 * there is one, is stored only as a scrypt hash.
 */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    token: text('token').notNull().unique(),
    label: text('label').notNull().default(''),
    passcodeHash: text('passcode_hash'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** The name of who turned it off, as it was then; null when not known (links turned off before migration 0018 too). */
    revokedByName: text('revoked_by_name'),
  },
  (t) => [index('share_links_board').on(t.boardId, t.createdAt)],
)

/** A comment thread, anchored to a shot or to a point on a page (`anchor` is a `CommentAnchor`). */
export const commentThreads = sqliteTable(
  'comment_threads',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    anchor: text('anchor', { mode: 'json' }).$type<CommentAnchor>().notNull(),
    /** The anchor's shot, if it is anchored to one: for the shot's badge. */
    shotId: text('shot_id'),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('comment_threads_board').on(t.boardId, t.createdAt)],
)

/** One comment in a thread (the first one opened it). Reviewers' comments name their share link. */
export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id')
      .notNull()
      .references(() => commentThreads.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    mentions: text('mentions', { mode: 'json' }).$type<string[]>().notNull(),
    /** Its drawing on the shot's picture (a `CommentMarkup`); null for none, as on every comment before drawings. */
    markup: text('markup', { mode: 'json' }).$type<CommentMarkup>(),
    authorKind: text('author_kind', { enum: ['team', 'reviewer'] }).notNull(),
    /** The team member's id, or the share link's id for a reviewer. */
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('comments_thread').on(t.threadId, t.createdAt)],
)

/**
 * Every verdict reviewers gave a shot, oldest first; the latest is the shot's review state. A
 * verdict taken back is a `withdrawn` row (the history keeps what was said; a plain text column,
 * so the added value needed no SQL migration).
 */
export const shotVerdicts = sqliteTable(
  'shot_verdicts',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id, { onDelete: 'cascade' }),
    shotId: text('shot_id').notNull(),
    verdict: text('verdict', { enum: ['approved', 'changes-requested', 'withdrawn'] }).notNull(),
    reviewerName: text('reviewer_name').notNull(),
    shareLinkId: text('share_link_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Who may take the verdict back (review/verdictOwner.ts); null for verdicts recorded before migration 0010. */
    ownerKey: text('owner_key'),
  },
  (t) => [index('shot_verdicts_shot').on(t.boardId, t.shotId, t.seq)],
)
