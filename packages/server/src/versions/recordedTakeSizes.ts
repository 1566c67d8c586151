import { and, asc, eq, gt, sql } from 'drizzle-orm'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import type { AssetStore } from '../assets/assetStore'
import type { Db } from '../db/openDatabase'
import { boards, shotVersions } from '../db/schema'
import { writeLockOf } from '../sync/databaseWriteLock'
import type { VersionChangeSink } from './announcedVersionStore'
import { measuredAsset, measureTakeFile, rangeReader, type TakeFileMeasure } from './takeFileSize'

/** What one pass did: takes whose files it read, and how many of those it found unreadable. */
export type RecordedTakeSizesResult = { measured: number; unreadable: number }

/** Chooses a board's cover again, from its doc as it is now (see SyncServer.chooseCover). */
export type CoverRecheck = { recheck(boardId: string): void }

/** Takes read per query: the pass never holds more rows than this. */
const BATCH = 100

/** Takes with a file the server has not read yet (`header` absent), after `afterId`, oldest id first. */
function unreadTakes(db: Db, afterId: string) {
  return db
    .select({ id: shotVersions.id, boardId: shotVersions.boardId, shotId: shotVersions.shotId, assets: shotVersions.assets })
    .from(shotVersions)
    .where(and(gt(shotVersions.id, afterId), sql`exists (select 1 from json_each(${shotVersions.assets}) where json_extract(value, '$.header') is null)`))
    .orderBy(asc(shotVersions.id))
    .limit(BATCH)
    .all()
}

/**
 * Takes recorded before the server read take headers keep the size their client sent, which may
 * be wrong or hostile. This reads each of their files once (from the asset store, never the
 * client) and records what the header says: the true size, or, for a file that cannot be a take
 * (damaged, or over VERSION_ASSET_MAX_SIDE), `header: 'damaged' | 'oversized'` and no size: the
 * take stays, shown as unreadable; nothing is deleted. Idempotent: a file once read is marked
 * and never read again; one whose file is gone stays unmarked (and is tried at the next start).
 * Each corrected take is announced, so open Versions panels re-read it, and a board whose cover
 * is a file found unreadable has its cover chosen again at once (`covers.recheck`), not at its
 * next change: the home page never keeps showing a decompression bomb.
 */
export async function measureRecordedTakes(
  { db, assets, events, covers }: { db: Db; assets: Pick<AssetStore, 'open'>; events: VersionChangeSink; covers: CoverRecheck },
  signal: AbortSignal,
): Promise<RecordedTakeSizesResult> {
  const result: RecordedTakeSizesResult = { measured: 0, unreadable: 0 }
  // The same file is often behind several takes (a brought-back take, a duplicated board).
  const known = new Map<string, TakeFileMeasure>()
  const measure = async (boardId: string, asset: VersionAsset) => {
    const cached = known.get(asset.assetId)
    if (cached) return cached
    const file = await assets.open(boardId, asset.assetId)
    if (!file) return undefined
    const found = await measureTakeFile(file.mimeType, file.size, rangeReader(file))
    known.set(asset.assetId, found)
    return found
  }

  let afterId = ''
  for (let batch = unreadTakes(db, afterId); batch.length > 0; batch = unreadTakes(db, afterId)) {
    for (const take of batch) {
      afterId = take.id
      if (signal.aborted) return result
      const measured = new Map<string, TakeFileMeasure>()
      for (const asset of take.assets) {
        if (asset.header !== undefined || measured.has(asset.assetId)) continue
        try {
          const found = await measure(take.boardId, asset)
          if (found) measured.set(asset.assetId, found)
          else console.warn(`[versions] take ${take.id} of board ${take.boardId}: its file ${asset.assetId} is gone; its size stays unchecked`)
        } catch (error) {
          console.error(`[versions] could not read the file ${asset.assetId} of take ${take.id} (board ${take.boardId}):`, error)
        }
      }
      if (measured.size === 0) continue
      if (!recordMeasures(db, take.boardId, take.id, measured)) continue
      result.measured++
      const unreadable = [...measured].flatMap(([assetId, m]) => (m.kind === 'size' ? [] : [assetId]))
      if (unreadable.length > 0) {
        result.unreadable++
        try {
          if (coverIsOneOf(db, take.boardId, unreadable)) covers.recheck(take.boardId)
        } catch (error) {
          // The cover stays until the board's next change; the other takes are still read.
          console.error(`[versions] could not choose the cover of board ${take.boardId} again:`, error)
        }
      }
      events.publish({ type: 'versions_changed', boardId: take.boardId, shotId: take.shotId, versionId: take.id, at: Date.now() })
    }
  }
  return result
}

/**
 * Writes what the headers said into the take's row as it is now (it may have changed while its
 * files were read); whether it changed anything.
 */
function recordMeasures(db: Db, boardId: string, versionId: string, measured: ReadonlyMap<string, TakeFileMeasure>): boolean {
  return writeLockOf(db).run(() =>
    db.transaction(() => {
      const where = and(eq(shotVersions.boardId, boardId), eq(shotVersions.id, versionId))
      const row = db.select({ assets: shotVersions.assets }).from(shotVersions).where(where).get()
      if (!row) return false
      let changed = false
      const assets = row.assets.map((asset) => {
        const found = asset.header === undefined ? measured.get(asset.assetId) : undefined
        if (!found) return asset
        changed = true
        return measuredAsset(asset, found)
      })
      if (changed) db.update(shotVersions).set({ assets }).where(where).run()
      return changed
    }),
  )
}

/** Whether the board's cover (on the home page) is one of `assetIds`. */
function coverIsOneOf(db: Db, boardId: string, assetIds: readonly string[]): boolean {
  const row = db.select({ cover: boards.coverAssetId }).from(boards).where(eq(boards.id, boardId)).get()
  return typeof row?.cover === 'string' && assetIds.includes(row.cover)
}
