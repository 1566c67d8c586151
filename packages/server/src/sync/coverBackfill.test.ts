import * as Y from 'yjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { eq } from 'drizzle-orm'
import { assetUrl } from '@storyloom/shared/api/assets'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createShotShape, type ShotMedia, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { openFileDatabaseForTests } from '../db/fileDatabaseForTests'
import { boardAssets, boards } from '../db/schema'
import { fillUnknownCovers } from './coverBackfill'
import { SyncPersistence } from './roomPersistence'

const sha = (c: string) => c.repeat(64)

function setUp() {
  const { db, remove } = openFileDatabaseForTests('storyloom-covers-')
  const persistence = new SyncPersistence(db)
  onTestFinished(async () => {
    await persistence.dispose()
    remove()
  })
  /** A board from before covers: its doc stored (one log entry), its cover not known. */
  const storedBoard = (id: string, media: ShotMedia | null) => {
    db.insert(boards).values({ id, name: id }).run()
    db.insert(boardAssets).values({ boardId: id, sha256: sha('a'), mimeType: 'image/png', size: 1, createdAt: new Date() }).run()
    const doc = new Y.Doc()
    const shot = createShotShape({ id: 'shape:s' as TLShotShape['id'], parentId: 'page:p' as TLShotShape['parentId'], index: 'a1' as TLShotShape['index'], props: { media } })
    putRecords(doc, [shot])
    persistence.append(id, 1, Y.encodeStateAsUpdate(doc))
  }
  const row = (id: string) => db.select({ coverAssetId: boards.coverAssetId, coverKnown: boards.coverKnown }).from(boards).where(eq(boards.id, id)).get()
  return { db, persistence, storedBoard, row }
}

describe('filling in unknown covers', () => {
  it('chooses each board’s cover from its stored doc once, and leaves open boards to their room', async () => {
    const { db, persistence, storedBoard, row } = setUp()
    const picture = (boardId: string): ShotMedia => ({ assetId: `asset:${sha('a')}` as ShotMedia['assetId'], src: assetUrl(boardId, sha('a')), kind: 'image' })
    storedBoard('withPicture00000', picture('withPicture00000'))
    storedBoard('without000000000', null)
    storedBoard('openInARoom00000', picture('openInARoom00000'))
    const isOpen = (id: string) => id === 'openInARoom00000'

    expect(await fillUnknownCovers({ db, persistence, isOpen }, new AbortController().signal)).toBe(2)
    expect(row('withPicture00000')).toEqual({ coverAssetId: sha('a'), coverKnown: true })
    expect(row('without000000000')).toEqual({ coverAssetId: null, coverKnown: true })
    expect(row('openInARoom00000')).toEqual({ coverAssetId: null, coverKnown: false })
    // Known covers are not read again.
    expect(await fillUnknownCovers({ db, persistence, isOpen: () => false }, new AbortController().signal)).toBe(1)
  })

  it('stops when the server closes', async () => {
    const { db, persistence, storedBoard, row } = setUp()
    storedBoard('first00000000000', null)
    const stop = new AbortController()
    stop.abort()
    expect(await fillUnknownCovers({ db, persistence, isOpen: () => false }, stop.signal)).toBe(0)
    expect(row('first00000000000')?.coverKnown).toBe(false)
  })
})
