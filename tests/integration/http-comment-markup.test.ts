import { describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { MAX_STROKE_POINTS } from '@storyloom/shared/review/commentMarkup'
import { commentThreadResponseSchema, type CommentThreadResponse } from '@storyloom/shared/review/comments'
import { readShotReviews } from '@storyloom/shared/review/reviewDoc'
import { reviewHttp, type Call } from '../support/reviewHttp'
import { waitFor, type SyncClient } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer()

const { call, shareLink, boardWithShot: boardWithOneShot } = reviewHttp(t)

function errorOf(result: Call): [number, string, string] {
  const { code, message } = apiErrorBodySchema.parse(result.body).error
  return [result.status, code, message]
}

/** A board with one shot the server knows, and a review link to it. */
async function boardWithShot(): Promise<{ boardId: string; shotId: string; pageId: string; token: string; team: SyncClient }> {
  const board = await boardWithOneShot()
  return { ...board, token: (await shareLink(board.boardId)).token }
}

const circle = { strokes: [{ color: 'red', points: [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.7512345]] }] }
const stored = { strokes: [{ color: 'red', points: [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.7512]] }] }

describe('a drawing on a shot comment', () => {
  it('is stored and returned on both endpoints, with or without text, in replies too', async () => {
    const { boardId, shotId, token } = await boardWithShot()
    const team = await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId }, body: 'Smaller', markup: circle, authorName: 'Dana' })
    expect(team.status).toBe(201)
    expect(commentThreadResponseSchema.parse(team.body).comments[0]).toMatchObject({ body: 'Smaller', markup: stored })

    const review = await call('POST', `/api/review/${token}/comments`, { anchor: { kind: 'shot', shotId }, markup: circle, authorName: 'Client' })
    expect(review.status).toBe(201)
    const thread = commentThreadResponseSchema.parse(review.body)
    expect(thread.comments[0]).toMatchObject({ body: '', markup: stored, author: { kind: 'reviewer' } })
    const reply = await call('POST', `/api/review/${token}/comments/${thread.id}/replies`, { body: 'and here', markup: circle, authorName: 'Client' })
    expect((reply.body as CommentThreadResponse).comments[1]).toMatchObject({ body: 'and here', markup: stored })

    const listed = commentThreadResponseSchema.array().parse(((await call('GET', `/api/review/${token}/comments`)).body as { threads: unknown }).threads)
    expect(listed.flatMap((t) => t.comments.map((c) => c.markup))).toEqual([stored, stored])
    const teamList = ((await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: CommentThreadResponse[] }).threads
    expect(teamList.flatMap((t) => t.comments.map((c) => c.markup !== undefined))).toEqual([false, true, true, true])
  })

  it("counts in the shot's live summary: how many of its comments carry a drawing, replies too", async () => {
    const { boardId, shotId, token, team } = await boardWithShot()
    const drawn = () => readShotReviews(team.doc).get(shotId)
    // The probe comment (text only) is counted among the comments, not among those with a drawing.
    await waitFor(() => drawn()?.comments === 1, { what: "the probe's summary" })
    expect(drawn()?.drawnComments).toBe(0)
    const thread = commentThreadResponseSchema.parse((await call('POST', `/api/review/${token}/comments`, { anchor: { kind: 'shot', shotId }, markup: circle, authorName: 'Client' })).body)
    await call('POST', `/api/boards/${boardId}/comments/${thread.id}/replies`, { body: 'noted', authorName: 'Dana' })
    await call('POST', `/api/boards/${boardId}/comments/${thread.id}/replies`, { body: 'and here', markup: circle, authorName: 'Dana' })
    await waitFor(() => drawn()?.comments === 4, { what: 'the summary after the replies' })
    expect(drawn()).toMatchObject({ comments: 4, drawnComments: 2 })
  })

  it.each(['team', 'review'] as const)('is refused on the %s endpoint when hostile, with the reason, and nothing is stored', async (side) => {
    const { boardId, shotId, token } = await boardWithShot()
    const path = side === 'team' ? `/api/boards/${boardId}/comments` : `/api/review/${token}/comments`
    const send = (markup: unknown) => call('POST', path, `{"anchor":{"kind":"shot","shotId":"${shotId}"},"body":"look","authorName":"Dana","markup":${JSON.stringify(markup)}}`)
    const before = ((await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: unknown[] }).threads.length

    expect(errorOf(await send({ strokes: [{ color: 'red', points: [[1.5, 0]] }] }))).toEqual([400, 'invalid_request', 'markup.strokes.0.points.0.0: a drawing point must lie in the frame (0 to 1)'])
    expect(errorOf(await send({ strokes: [{ color: 'magenta', points: [[0, 0]] }] }))[2]).toBe("markup.strokes.0.color: a stroke's colour must be one of red, yellow, green, blue, white")
    expect(errorOf(await send({ strokes: [{ color: 'red', points: [[null, 0]] }] }))[2]).toBe('markup.strokes.0.points.0.0: a drawing point must be a finite number')
    expect(errorOf(await send({ strokes: [{ color: 'red', points: [['0.5', 0]] }] }))[2]).toBe('markup.strokes.0.points.0.0: a drawing point must be a finite number')
    // JSON.stringify cannot write Infinity: this is the raw text a hostile client sends.
    const infinite = await call('POST', path, `{"anchor":{"kind":"shot","shotId":"${shotId}"},"body":"look","authorName":"Dana","markup":{"strokes":[{"color":"red","points":[[1e999,0]]}]}}`)
    expect(errorOf(infinite)[2]).toBe('markup.strokes.0.points.0.0: a drawing point must be a finite number')
    const tooMany = { strokes: [{ color: 'red', points: Array.from({ length: MAX_STROKE_POINTS + 1 }, () => [0.5, 0.5]) }] }
    expect(errorOf(await send(tooMany))[2]).toBe(`markup.strokes.0.points: a stroke can have at most ${MAX_STROKE_POINTS} points`)
    expect(errorOf(await send('circle'))[0]).toBe(400)
    const empty = await call('POST', path, { anchor: { kind: 'shot', shotId }, body: '  ', authorName: 'Dana' })
    expect(errorOf(empty)).toEqual([400, 'invalid_request', 'body: a comment must not be empty'])

    expect(((await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: unknown[] }).threads).toHaveLength(before)
  })

  it('goes on a shot: refused at a point on a page and in replies to a thread there', async () => {
    const { boardId, pageId } = await boardWithShot()
    const anchor = { kind: 'point', pageId, x: 10, y: 20 }
    expect(errorOf(await call('POST', `/api/boards/${boardId}/comments`, { anchor, body: 'here', markup: circle, authorName: 'Dana' }))[2]).toBe(
      'markup: a drawing goes on a shot: only comments on a shot can carry one',
    )
    const atPoint = commentThreadResponseSchema.parse((await call('POST', `/api/boards/${boardId}/comments`, { anchor, body: 'here', authorName: 'Dana' })).body)
    const reply = await call('POST', `/api/boards/${boardId}/comments/${atPoint.id}/replies`, { body: 'there', markup: circle, authorName: 'Dana' })
    expect(errorOf(reply)).toEqual([400, 'invalid_request', 'markup: a drawing goes on a shot: only comments on a shot can carry one'])
  })

  it('a comment stored before drawings (no markup column value) still reads, without one', async () => {
    const { boardId } = await boardWithShot()
    const [thread] = ((await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: CommentThreadResponse[] }).threads
    // As the row of an older comment is after migration 0017: the column it did not have is NULL.
    t.server.db.$client
      .prepare("INSERT INTO comments (id, thread_id, body, mentions, author_kind, author_id, author_name, created_at) VALUES ('oldcomment000001', ?, 'Before drawings', '[]', 'team', 'u1', 'Old', ?)")
      .run(thread!.id, Date.now() + 1000)
    const read = ((await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: CommentThreadResponse[] }).threads[0]!
    const old = commentThreadResponseSchema.parse(read).comments.at(-1)!
    expect(old.body).toBe('Before drawings')
    expect('markup' in old).toBe(false)
  })

  it('fits a full drawing with long text in the comment body limit', async () => {
    const { boardId, shotId } = await boardWithShot()
    const full = { strokes: Array.from({ length: 7 }, () => ({ color: 'yellow', points: Array.from({ length: 200 }, (_, i) => [0.1234 + i / 1000, 0.5678]) })) }
    const res = await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId }, body: 'é'.repeat(4000), markup: full, authorName: 'Dana' })
    expect(res.status).toBe(201)
  })
})
