import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { LOCAL_PRINCIPAL } from '../access/principal'
import { openDatabase, type Db } from '../db/openDatabase'
import { boardAssets, boards, boardSnapshots, shotVersions } from '../db/schema'
import type { SyncServer } from '../sync/createSyncServer'
import { seedRecords } from '../sync/boardPreparation'
import { createVersionStore } from '../versions/versionStore'
import { duplicateBoard } from './boardDuplicator'

const SOURCE = 'source0000000000'
const sha = 'a'.repeat(64)
let db: Db
let doc: Y.Doc

/** The sync server's one method the duplicator uses, over `doc` standing in for the live room. */
const sync: Pick<SyncServer, 'withRoom'> = {
  withRoom: (_boardId, fn) => fn({ read: <T>(read: (d: Y.Doc) => T) => read(doc), applyServerChange: () => {} }),
}

beforeEach(() => {
  db = openDatabase(':memory:')
  db.insert(boards).values({ id: SOURCE, name: 'Pitch' }).run()
  db.insert(boardAssets).values({ boardId: SOURCE, sha256: sha, mimeType: 'image/png', size: 1, createdAt: new Date() }).run()
  createVersionStore(db).recordVersion({
    boardId: SOURCE,
    shotId: 'shape:hero',
    source: 'upload',
    assets: [{ assetId: sha, src: `/api/boards/${SOURCE}/assets/${sha}`, mimeType: 'image/png', kind: 'image' }],
    authorId: 'u1',
    authorName: 'Ada',
  })
  doc = new Y.Doc()
  const [document, page] = seedRecords()
  putRecords(doc, [document!, page!, createShotShape({ id: 'shape:hero' as never, parentId: page!.id as never, index: 'a1' as never })])
})

afterEach(() => {
  doc.destroy()
  db.$client.close()
})

describe('duplicateBoard', () => {
  it('leaves nothing of the copy behind when a write fails part-way', () => {
    // The last write (the takes) fails, after the board, its snapshot and its files were written.
    db.$client.exec(`CREATE TRIGGER fail_copy BEFORE INSERT ON shot_versions WHEN NEW.board_id <> '${SOURCE}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    expect(() => duplicateBoard({ db, sync }, { boardId: SOURCE, principal: LOCAL_PRINCIPAL })).toThrow(/disk full/)
    expect(db.select().from(boards).all().map((b) => b.id)).toEqual([SOURCE])
    expect(db.select().from(boardSnapshots).all()).toEqual([])
    expect(db.select().from(boardAssets).all().map((a) => a.boardId)).toEqual([SOURCE])
    expect(db.select().from(shotVersions).all().map((v) => v.boardId)).toEqual([SOURCE])
  })

  it('writes the board, its doc, its files and its takes together', () => {
    const copy = duplicateBoard({ db, sync }, { boardId: SOURCE, principal: LOCAL_PRINCIPAL })
    expect(copy.name).toBe('Pitch (copy)')
    expect(db.select().from(boardSnapshots).all().map((s) => [s.boardId, s.seq])).toEqual([[copy.id, 0]])
    expect(db.select().from(boardAssets).all().map((a) => a.boardId).sort()).toEqual([SOURCE, copy.id].sort())
    const copiedTake = db.select().from(shotVersions).all().find((v) => v.boardId === copy.id)
    expect(copiedTake?.assets[0]?.src).toBe(`/api/boards/${copy.id}/assets/${sha}`)
  })
})
