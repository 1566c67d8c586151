import { it } from 'vitest'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { useSyncTestServer } from '../support/syncTestServer'
import { createBoard, waitFor } from '../support/syncClient'
import { frameShape, pagesOf } from '../support/boardFixtures'

const t = useSyncTestServer()

/** The board's "last updated" time, as the board list gets it. */
async function updatedAt(boardId: string): Promise<number> {
  const res = await fetch(`${t.server.url}/api/boards/${boardId}`)
  const board = (await res.json()) as { updatedAt: string }
  return new Date(board.updatedAt).getTime()
}

it('marks a board as updated when someone edits it, so the board list shows recent work first', async () => {
  const boardId = createBoard(t.server.db)
  const client = await t.connected(boardId)
  const before = await updatedAt(boardId)
  const page = pagesOf(client.doc)[0]!
  client.doc.transact(() => putRecords(client.doc, [frameShape('edited', page.id) as never]))
  // Polls over HTTP, as the board list would; the server writes it within a few seconds.
  await waitFor(async () => (await updatedAt(boardId)) > before, { intervalMs: 50, what: 'the board marked as updated' })
})
