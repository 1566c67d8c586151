import { describe, expect, it } from 'vitest'
import { commentThreadResponseSchema, type CommentThreadResponse } from '@storyloom/shared/review/comments'
import { readReviewRevision, readShotReviews } from '@storyloom/shared/review/reviewDoc'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { reviewToken } from '../support/reviewLinks'
import { createBoard, waitFor, writeRecords } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer()

async function send(method: string, path: string, body: unknown): Promise<{ status: number; thread: CommentThreadResponse }> {
  const res = await fetch(t.server.url + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: res.status, thread: commentThreadResponseSchema.parse(await res.json()) }
}

async function teamThreads(boardId: string): Promise<CommentThreadResponse[]> {
  const res = await fetch(`${t.server.url}/api/boards/${boardId}/comments`)
  return ((await res.json()) as { threads: CommentThreadResponse[] }).threads
}

/** A shot on a new board, a review link to it, and a client's thread on the shot that the team resolved. */
async function resolvedReviewerThread() {
  const boardId = createBoard(t.server.db)
  const team = await t.connected(boardId)
  const shot = shotShape(`r${Math.random().toString(36).slice(2, 8)}`, pagesOf(team.doc)[0]!.id, {})
  writeRecords(team, shot)
  const token = await reviewToken(t.server.url, boardId)
  let opened: CommentThreadResponse | undefined
  await waitFor(
    async () => {
      const res = await fetch(`${t.server.url}/api/review/${token}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ anchor: { kind: 'shot', shotId: shot.id }, body: 'Redder car?', authorName: 'Kim' }),
      })
      if (res.status === 201) opened = commentThreadResponseSchema.parse(await res.json())
      return opened !== undefined
    },
    { what: 'the shot reaches the server' },
  )
  const resolved = await send('PATCH', `/api/boards/${boardId}/comments/${opened!.id}`, { resolved: true, authorName: 'Dana' })
  expect(resolved.thread.resolved).toBe(true)
  await waitFor(() => readShotReviews(team.doc).get(shot.id)?.openThreads === 0, { what: 'the resolve reaches the team' })
  return { boardId, shotId: shot.id, token, team, threadId: opened!.id }
}

describe('a reply to a resolved thread', () => {
  it("from the client reopens it, in the team's list and on every canvas's badge", async () => {
    const { boardId, shotId, token, team, threadId } = await resolvedReviewerThread()
    const revision = readReviewRevision(team.doc)

    const reply = await send('POST', `/api/review/${token}/comments/${threadId}/replies`, { body: 'Still too blue', authorName: 'Kim' })
    expect(reply.status).toBe(201)
    expect(reply.thread).toMatchObject({ resolved: false, resolvedBy: null, resolvedAt: null })
    expect(reply.thread.comments.map((c) => c.body)).toEqual(['Redder car?', 'Still too blue'])
    expect((await teamThreads(boardId)).find((th) => th.id === threadId)).toMatchObject({ resolved: false })
    await waitFor(() => readReviewRevision(team.doc) > revision && readShotReviews(team.doc).get(shotId)?.openThreads === 1, {
      what: 'the reopened thread reaches the badge',
    })
  })

  it('from the team reopens it too; a reply to an open thread leaves it open', async () => {
    const { boardId, shotId, team, threadId } = await resolvedReviewerThread()
    const reply = await send('POST', `/api/boards/${boardId}/comments/${threadId}/replies`, { body: 'Reopening: one more pass', authorName: 'Dana' })
    expect(reply.status).toBe(201)
    expect(reply.thread).toMatchObject({ resolved: false, resolvedBy: null })
    await waitFor(() => readShotReviews(team.doc).get(shotId)?.openThreads === 1, { what: 'the reopened thread reaches the badge' })

    const again = await send('POST', `/api/boards/${boardId}/comments/${threadId}/replies`, { body: 'Done', authorName: 'Dana' })
    expect(again.thread).toMatchObject({ resolved: false })
    expect(again.thread.comments).toHaveLength(3)
  })
})
