import { describe, expect, it } from 'vitest'
import { openDatabase } from '../db/openDatabase'
import { boards } from '../db/schema'
import { BoardLog, COMPACT_MIN_LOG_BYTES } from './boardLog'
import { SyncPersistence } from './roomPersistence'

const KB = 1024

/**
 * A board log on an in-memory database (no compaction worker: every compaction runs through
 * `compactInline`, which writes a snapshot of `snapshotBytes`), and the log lengths at which
 * compactions ran.
 */
function boardLog(compactAfterUpdates: number, snapshotBytes = 0) {
  const db = openDatabase(':memory:')
  db.insert(boards).values({ id: 'b1', name: 'x' }).run()
  const persistence = new SyncPersistence(db)
  const compactedAt: number[] = []
  let appended = 0
  const log: BoardLog = new BoardLog(
    {
      boardId: 'b1',
      persistence,
      compactAfterUpdates,
      compactInline: () => {
        compactedAt.push(appended)
        log.compactNow(() => new Uint8Array(snapshotBytes))
      },
    },
    { lastSeq: 0, logLength: 0, logBytes: 0, snapshotBytes },
  )
  /** Appends `count` entries of `bytes` each, one per event-loop turn (compactions start after a turn). */
  const append = async (count: number, bytes: number) => {
    for (let i = 0; i < count; i++) {
      log.append(new Uint8Array(bytes).fill(1))
      appended++
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return { append, compactedAt }
}

describe('BoardLog', () => {
  it('compacts a live board once its log is as large as its snapshot', async () => {
    const { append, compactedAt } = boardLog(100_000, 1_024 * KB)
    await append(2_100, 1 * KB)
    expect(compactedAt).toEqual([1_024, 2_048])
  })

  it('never compacts a log of a small snapshot below COMPACT_MIN_LOG_BYTES', async () => {
    const { append, compactedAt } = boardLog(100_000, 1 * KB)
    const entries = COMPACT_MIN_LOG_BYTES / KB
    await append(entries + 10, 1 * KB)
    expect(compactedAt).toEqual([entries])
  })

  it('compacts after compactAfterUpdates entries, however small', async () => {
    const { append, compactedAt } = boardLog(100, 1_024 * KB)
    await append(250, 10)
    expect(compactedAt).toEqual([100, 200])
  })
})
