import { describe, expect, it } from 'vitest'
import { readShotReviews, reviewMap, shotReviewKey } from '@storyloom/shared/review/reviewDoc'
import * as Y from 'yjs'
import { createBoard, waitFor } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer()
const connect = (boardId: string) => t.connect(boardId)

/** Both docs hold the same updates. */
function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))
}

const approved = { openThreads: 0, comments: 1, verdict: 'approved', verdictBy: 'Client' }

describe('the review map', () => {
  it('keeps what the server wrote: a client that changes it is put back, for everyone and on disk', async () => {
    const boardId = createBoard(t.server.db)
    t.server.sync.changeBoard(boardId, (doc) => reviewMap(doc).set(shotReviewKey('shape:s1'), { ...approved, verdict: 'changes-requested' }))
    const editor = connect(boardId)
    const other = connect(boardId)
    await Promise.all([editor.synced(), other.synced()])
    expect(readShotReviews(other.doc).get('shape:s1')?.verdict).toBe('changes-requested')

    // The other person gets the write and its repair as one update: never a fake badge.
    const seenByOther: unknown[] = []
    other.doc.on('afterTransaction', () => seenByOther.push(readShotReviews(other.doc).get('shape:s1')?.verdict, readShotReviews(other.doc).has('shape:s2')))

    // A misbehaving editor fakes an approval, and a badge on another shot.
    editor.doc.transact(() => {
      reviewMap(editor.doc).set(shotReviewKey('shape:s1'), approved)
      reviewMap(editor.doc).set(shotReviewKey('shape:s2'), approved)
    })
    await waitFor(() => readShotReviews(editor.doc).get('shape:s1')?.verdict === 'changes-requested' && !readShotReviews(editor.doc).has('shape:s2'), {
      what: 'the writer put back',
    })
    await waitFor(() => sameState(other.doc, editor.doc), { what: 'the other person caught up' })
    expect(readShotReviews(other.doc).get('shape:s1')?.verdict).toBe('changes-requested')
    expect(seenByOther).not.toContain('approved')
    expect(seenByOther).not.toContain(true)

    // The server's own later writes still go through.
    t.server.sync.changeBoard(boardId, (doc) => reviewMap(doc).set(shotReviewKey('shape:s2'), approved))
    await waitFor(() => readShotReviews(other.doc).get('shape:s2')?.verdict === 'approved', { what: 'server write reaches clients' })

    await t.restart()
    const fresh = await t.connected(boardId)
    const reviews = readShotReviews(fresh.doc)
    expect(reviews.get('shape:s1')?.verdict).toBe('changes-requested')
    expect(reviews.get('shape:s2')?.verdict).toBe('approved')
  })
})
