import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '../db/openDatabase'
import { shotVersions } from '../db/schema'

/**
 * Whether one of the board's takes (deleted or not) has `assetId` as a file the server found
 * damaged or oversized (see measureTakeFile). Such a file is never served to a browser: decoding
 * a decompression bomb could exhaust the tab of whoever opens the board, its review link, its
 * print or its export. One indexed lookup of the board's takes.
 */
export function isUnreadableTakeFile(db: Db, boardId: string, assetId: string): boolean {
  const row = db
    .select({ id: shotVersions.id })
    .from(shotVersions)
    .where(
      and(
        eq(shotVersions.boardId, boardId),
        sql`exists (select 1 from json_each(${shotVersions.assets}) where json_extract(value, '$.assetId') = ${assetId} and json_extract(value, '$.header') in ('damaged', 'oversized'))`,
      ),
    )
    .limit(1)
    .get()
  return row !== undefined
}
