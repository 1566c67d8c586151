import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/openDatabase'
import { mayHoldUnreadableFile, shotVersions } from '../db/schema'

/** The query behind {@link isUnreadableTakeFile}, for its plan to be read in tests. */
export function unreadableTakeFileQuery(db: Db, boardId: string, assetId: string) {
  return db
    .select({ id: shotVersions.id })
    .from(shotVersions)
    .where(
      and(
        eq(shotVersions.boardId, boardId),
        // Repeated as the partial index says it: SQLite then reads only the takes it holds.
        mayHoldUnreadableFile(shotVersions.assets),
        sql`exists (select 1 from json_each(${shotVersions.assets}) where json_extract(value, '$.assetId') = ${assetId} and json_extract(value, '$.header') in ('damaged', 'oversized'))`,
      ),
    )
    .limit(1)
}

/**
 * Whether one of the board's takes (deleted or not) has `assetId` as a file the server found
 * damaged or oversized (see measureTakeFile). Such a file is never served to a browser: decoding
 * a decompression bomb could exhaust the tab of whoever opens the board, its review link, its
 * print or its export. Asked by every asset request: an indexed lookup of the board's takes that
 * may hold such a file (shot_versions_unreadable), whatever the number of its other takes.
 */
export function isUnreadableTakeFile(db: Db, boardId: string, assetId: string): boolean {
  return unreadableTakeFileQuery(db, boardId, assetId).get() !== undefined
}
