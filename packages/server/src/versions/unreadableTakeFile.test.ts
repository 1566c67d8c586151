import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetUrl } from '@storyloom/shared/api/assets'
import type { TakeFileHeader, VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { openDatabase, type Db } from '../db/openDatabase'
import { boardAssets, boards } from '../db/schema'
import { isUnreadableTakeFile, unreadableTakeFileQuery } from './unreadableTakeFile'
import { createVersionStore, type VersionStore } from './versionStore'

let db: Db
let versions: VersionStore

beforeEach(() => {
  db = openDatabase(':memory:')
  for (const id of ['board-a', 'board-b']) db.insert(boards).values({ id, name: id }).run()
  versions = createVersionStore(db)
})
afterEach(() => db.$client.close())

/** A fake sha256 (64 hex digits). */
const sha = (n: number) => n.toString(16).padStart(64, '0')

/** Records a take of `boardId` whose one file is `n`, its header as the server found it. */
function take(boardId: string, n: number, header: TakeFileHeader) {
  db.insert(boardAssets).values({ boardId, sha256: sha(n), mimeType: 'image/png', size: 10, createdAt: new Date() }).onConflictDoNothing().run()
  const file = { assetId: sha(n), src: assetUrl(boardId, sha(n)), mimeType: 'image/png', kind: 'image', header, ...(header === 'read' ? { width: 64, height: 36 } : {}) } as VersionAsset
  return versions.recordVersion({ boardId, shotId: 'shape:one', source: 'upload', assets: [file], authorId: 'u1', authorName: 'Ada' }).version
}

describe('isUnreadableTakeFile', () => {
  it('says which of a board’s files it refuses: one a take of it (even a deleted take) has found damaged or oversized, not a readable one, nor one only another board’s take found unreadable', () => {
    take('board-a', 1, 'read')
    take('board-a', 2, 'oversized')
    versions.softDelete('board-a', take('board-a', 3, 'damaged').id)
    take('board-b', 4, 'damaged')
    expect([1, 2, 3, 4, 5].map((n) => isUnreadableTakeFile(db, 'board-a', sha(n)))).toEqual([false, true, true, false, false])
  })

  it('still finds a file marked unreadable in a take whose files were written with other JSON spacing', () => {
    const bomb = take('board-a', 2, 'oversized')
    db.$client.prepare('update shot_versions set assets = ? where id = ?').run(JSON.stringify(bomb.assets, null, 2), bomb.id)
    expect(db.$client.prepare('select assets from shot_versions where id = ?').pluck().get(bomb.id)).toContain('"header": "oversized"')
    expect(isUnreadableTakeFile(db, 'board-a', sha(2))).toBe(true)
  })

  it('reads only the board’s takes that may hold an unreadable file (an index), not every take of a board of thousands', () => {
    for (let n = 0; n < 50; n++) take('board-a', n, n === 7 ? 'damaged' : 'read')
    const { sql, params } = unreadableTakeFileQuery(db, 'board-a', sha(7)).toSQL()
    const plan = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/SEARCH shot_versions USING INDEX shot_versions_unreadable \(board_id=\?\)/)
    expect(isUnreadableTakeFile(db, 'board-a', sha(7))).toBe(true)
    expect(isUnreadableTakeFile(db, 'board-a', sha(8))).toBe(false)
  })
})
