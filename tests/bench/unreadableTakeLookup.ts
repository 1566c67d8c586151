import { and, eq } from 'drizzle-orm'
import { assetUrl } from '@storyloom/shared/api/assets'
import { openDatabase } from '@storyloom/server/db/openDatabase'
import { boardAssets, boards } from '@storyloom/server/db/schema'
import { createVersionStore } from '@storyloom/server/versions/versionStore'
import { isUnreadableTakeFile } from '@storyloom/server/versions/unreadableTakeFile'
import { fmt, median } from './support/stats'

const SIZES = [100, 1000, 5000]
const LOOKUPS = 2000

/** A fake sha256 (64 hex digits) from a number. */
const sha = (n: number) => n.toString(16).padStart(64, '0')

/**
 * What every asset request costs before a byte is sent: whether the file is one of the board's
 * unreadable takes (isUnreadableTakeFile), on a board of `count` takes (one in a hundred
 * unreadable), against the asset row's own primary-key lookup that the same request makes.
 */
function measure(count: number): { lookupUs: number; baselineUs: number } {
  const db = openDatabase(':memory:')
  db.insert(boards).values({ id: 'board-a', name: 'A' }).run()
  db.insert(boards).values({ id: 'board-b', name: 'B' }).run()
  const versions = createVersionStore(db)
  for (let i = 0; i < count; i++) {
    for (const boardId of ['board-a', 'board-b']) {
      db.insert(boardAssets).values({ boardId, sha256: sha(i), mimeType: 'image/png', size: 10, createdAt: new Date() }).run()
      const asset = { assetId: sha(i), src: assetUrl(boardId, sha(i)), mimeType: 'image/png' as const, kind: 'image' as const, width: 640, height: 360, header: 'read' as const }
      const still = i % 100 === 0 ? { ...asset, header: 'oversized' as const, width: undefined, height: undefined } : asset
      versions.recordVersion({ boardId, shotId: `shape:s${i % 50}`, source: 'upload', assets: [still], authorId: 'u1', authorName: 'Ada' })
    }
  }
  const time = (run: () => unknown) => {
    const rounds: number[] = []
    for (let round = 0; round < 5; round++) {
      const start = process.hrtime.bigint()
      for (let i = 0; i < LOOKUPS; i++) run()
      rounds.push(Number(process.hrtime.bigint() - start) / 1000 / LOOKUPS)
    }
    return median(rounds)
  }
  // A readable file (the common case, and the worst: no take matches, so none is passed over early).
  const lookupUs = time(() => isUnreadableTakeFile(db, 'board-a', sha(7)))
  const baselineUs = time(() =>
    db.select().from(boardAssets).where(and(eq(boardAssets.boardId, 'board-a'), eq(boardAssets.sha256, sha(7)))).get(),
  )
  db.$client.close()
  return { lookupUs, baselineUs }
}

/** `pnpm bench takes`: the unreadable-take check of every asset request, by the board's number of takes. */
export async function benchUnreadableTakeLookup(): Promise<void> {
  console.log('\nUnreadable-take check per asset request (µs, median of 5 × 2000 lookups; baseline: the asset row by primary key)')
  for (const count of SIZES) {
    const { lookupUs, baselineUs } = measure(count)
    console.log(`  ${String(count).padStart(5)} takes: check ${fmt(lookupUs, 1)} µs, asset row ${fmt(baselineUs, 1)} µs, ratio ${fmt(lookupUs / baselineUs, 1)}×`)
  }
}
