/** The periodic purge of "Recently deleted": boards that stayed there `trashDays` go for good, with their files. */
import type { AssetStore } from '../assets/assetStore'
import type { Db } from '../db/openDatabase'
import { purgeExpiredBoards } from './boardTrash'

const SWEEP_EVERY_MS = 60 * 60 * 1000

export type TrashSweeper = {
  /** Purges the boards expired at `now` (default: the sweeper's clock); their ids. */
  sweep(now?: Date): string[]
  stop(): void
}

/** Sweeps once now, then every hour until stopped. `now` is the clock (tests pass their own). */
export function startTrashSweeper({
  db,
  assets,
  trashDays,
  now = () => new Date(),
}: {
  db: Db
  assets: Pick<AssetStore, 'removeUnreferenced'>
  trashDays: number
  now?: () => Date
}): TrashSweeper {
  function sweep(at = now()): string[] {
    const purged = purgeExpiredBoards(db, { now: at, trashDays })
    if (purged.length === 0) return purged
    console.log(`[boards] deleted forever ${purged.length} board${purged.length === 1 ? '' : 's'} deleted more than ${trashDays} day${trashDays === 1 ? '' : 's'} ago`)
    assets.removeUnreferenced().catch((error: unknown) => console.error('[assets] cleaning up after purging deleted boards failed:', error))
    return purged
  }
  // A database error skips this sweep only; the next one tries again.
  const sweepLogged = () => {
    try {
      sweep()
    } catch (error) {
      console.error('[boards] could not purge the boards deleted long ago:', error)
    }
  }
  sweepLogged()
  const timer = setInterval(sweepLogged, SWEEP_EVERY_MS)
  timer.unref()
  return { sweep, stop: () => clearInterval(timer) }
}
