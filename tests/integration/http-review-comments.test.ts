import { describe, expect, it } from 'vitest'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { MAX_COMMENT_LENGTH, type CommentThreadResponse } from '@storyloom/shared/review/comments'
import { readReviewRevision, readShotReviews, readVerdictRevision } from '@storyloom/shared/review/reviewDoc'
import { boardVerdictsResponseSchema } from '@storyloom/shared/review/verdicts'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../support/boardFixtures'
import { createBoard, waitFor, writeRecords } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { reviewHttp, browserCookie, codeOf } from '../support/reviewHttp'

const t = useSyncTestServer()
const { call, shareLink, boardWithShot } = reviewHttp(t)

describe('comments and verdicts', () => {
  it('threads on shots and points: reply, resolve, reopen, live badge for everyone', async () => {
    const { boardId, shotId, team } = await boardWithShot()
    const other = await t.connected(boardId)
    const page = pagesOf(team.doc)[0]!
    const revision = readReviewRevision(other.doc)

    const created = await call('POST', `/api/boards/${boardId}/comments`, {
      anchor: { kind: 'shot', shotId },
      body: 'Can we push in on @Ann Lee here? cc @Bob',
      mentions: ['Ann Lee', 'Bob', 'Nobody'],
      authorName: 'Dana',
    })
    expect(created.status).toBe(201)
    const thread = created.body as CommentThreadResponse
    expect(thread.comments[0]).toMatchObject({ author: { kind: 'team', name: 'Dana' }, mentions: ['Ann Lee', 'Bob'] })
    await waitFor(() => readReviewRevision(other.doc) > revision && (readShotReviews(other.doc).get(shotId)?.openThreads ?? 0) >= 2, {
      what: 'the badge reaches the other member',
    })

    const reply = await call('POST', `/api/boards/${boardId}/comments/${thread.id}/replies`, { body: 'On it', authorName: 'Ann Lee' })
    expect((reply.body as CommentThreadResponse).comments.map((c) => c.body)).toEqual(['Can we push in on @Ann Lee here? cc @Bob', 'On it'])
    const resolved = await call('PATCH', `/api/boards/${boardId}/comments/${thread.id}`, { resolved: true, authorName: 'Ann Lee' })
    expect(resolved.body).toMatchObject({ resolved: true, resolvedBy: 'Ann Lee' })
    const reopened = await call('PATCH', `/api/boards/${boardId}/comments/${thread.id}`, { resolved: false, authorName: 'Dana' })
    expect(reopened.body).toMatchObject({ resolved: false, resolvedBy: null })

    const atPoint = await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'point', pageId: page.id, x: 120, y: -40 }, body: 'Gap here', authorName: 'Dana' })
    expect(atPoint.status).toBe(201)
    const list = await call('GET', `/api/boards/${boardId}/comments`)
    expect((list.body as { threads: CommentThreadResponse[] }).threads.map((t) => t.anchor.kind)).toEqual(['shot', 'shot', 'point'])
    const names = await call('GET', `/api/boards/${boardId}/mentionable`)
    expect(names.body).toMatchObject({ names: expect.arrayContaining(['Ann Lee', 'Dana']) })
  })

  it('suggests for @ only names people chose: not the "Guest Fox" an older canvas signed with, nor "Someone on the team"', async () => {
    const { boardId, shotId } = await boardWithShot()
    for (const authorName of ['Guest Fox', 'Someone on the team', 'Guest Speaker', 'Dana']) {
      expect((await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId }, body: 'Tighter', authorName })).status).toBe(201)
    }
    const names = (await call('GET', `/api/boards/${boardId}/mentionable`)).body as { names: string[] }
    expect(names.names).toContain('Dana')
    // A name that only looks made up is still a name.
    expect(names.names).toContain('Guest Speaker')
    expect(names.names).not.toContain('Guest Fox')
    expect(names.names).not.toContain('Someone on the team')
  })

  it('refuses oversized comments, missing anchors and another board\'s threads', async () => {
    const { boardId, shotId } = await boardWithShot()
    const tooLong = await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId }, body: 'x'.repeat(MAX_COMMENT_LENGTH + 1), authorName: 'Dana' })
    expect([tooLong.status, codeOf(tooLong)]).toEqual([422, 'comment_too_long'])
    const huge = await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId }, body: 'x'.repeat(70_000), authorName: 'Dana' })
    expect([huge.status, codeOf(huge)]).toEqual([413, 'payload_too_large'])
    const missing = await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId: 'shape:nope' }, body: 'hi', authorName: 'Dana' })
    expect([missing.status, codeOf(missing)]).toEqual([422, 'shot_not_found'])

    const other = createBoard(t.server.db)
    const threads = (await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: CommentThreadResponse[] }
    const theirs = threads.threads[0]!.id
    const cross = await call('PATCH', `/api/boards/${other}/comments/${theirs}`, { resolved: true, authorName: 'Eve' })
    expect([cross.status, codeOf(cross)]).toEqual([404, 'comment_not_found'])
    expect((await call('POST', `/api/boards/${other}/comments/${theirs}/replies`, { body: 'hi', authorName: 'Eve' })).status).toBe(404)
  })

  it('a reviewer comments on a shot and approves it; the team sees both live, with the shot\'s status', async () => {
    const { boardId, shotId, team } = await boardWithShot()
    const link = await shareLink(boardId)
    const comment = await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'Love this frame', authorName: 'Client Carla' })
    expect(comment.status).toBe(201)
    expect((comment.body as CommentThreadResponse).comments[0]!.author).toEqual({ kind: 'reviewer', shareLinkId: link.id, name: 'Client Carla' })
    // A comment moves the review's revision, not its verdict revision (review pages ask whose verdicts are theirs on that one).
    await waitFor(() => readReviewRevision(team.doc) > 0, { what: 'the comment reaches the team' })
    expect(readVerdictRevision(team.doc)).toBe(0)

    const verdict = await call('POST', `/api/review/${link.token}/verdicts`, { shotId, verdict: 'changes-requested', reviewerName: 'Client Carla' })
    expect(verdict.status).toBe(201)
    const status = () => (readRecord(team.doc, shotId) as TLShotShape | undefined)?.props.status
    await waitFor(() => status() === 'changes-requested', { what: 'changes requested reaches the team' })
    await call('POST', `/api/review/${link.token}/verdicts`, { shotId, verdict: 'approved', reviewerName: 'Client Carla' })
    await waitFor(() => status() === 'approved' && readShotReviews(team.doc).get(shotId)?.verdict === 'approved', { what: 'approval reaches the team' })
    expect(readShotReviews(team.doc).get(shotId)).toMatchObject({ verdictBy: 'Client Carla' })
    expect(readVerdictRevision(team.doc)).toBe(2)

    // Reviewers see their conversation with the team, not the team's internal threads.
    const teamThread = (await call('GET', `/api/boards/${boardId}/comments`)).body as { threads: CommentThreadResponse[] }
    const internal = teamThread.threads.find((t) => t.comments[0]!.author.kind === 'team')!
    const seen = (await call('GET', `/api/review/${link.token}/comments`)).body as { threads: CommentThreadResponse[] }
    expect(seen.threads.map((t) => t.comments[0]!.body)).toEqual(['Love this frame'])
    const intoInternal = await call('POST', `/api/review/${link.token}/comments/${internal.id}/replies`, { body: 'peek', authorName: 'Carla' })
    expect([intoInternal.status, codeOf(intoInternal)]).toEqual([404, 'comment_not_found'])
    const teamReply = await call('POST', `/api/boards/${boardId}/comments/${seen.threads[0]!.id}/replies`, { body: 'Thanks Carla!', authorName: 'Dana' })
    expect(teamReply.status).toBe(201)
    const again = (await call('GET', `/api/review/${link.token}/comments`)).body as { threads: CommentThreadResponse[] }
    expect(again.threads[0]!.comments.map((c) => c.body)).toEqual(['Love this frame', 'Thanks Carla!'])

    const noShot = await call('POST', `/api/review/${link.token}/verdicts`, { shotId: 'shape:nope', verdict: 'approved', reviewerName: 'Carla' })
    expect([noShot.status, codeOf(noShot)]).toEqual([422, 'shot_not_found'])
    const atPoint = await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'point', pageId: 'page:x', x: 0, y: 0 }, body: 'hi', authorName: 'Carla' })
    expect(atPoint.status).toBe(400)
    const nameless = await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'hi', authorName: '   ' })
    expect(codeOf(nameless)).toBe('invalid_request')
  })

  it('a reviewer takes back their own verdict: the shot has none, and its status is "In review" again; nobody else can', async () => {
    const { boardId, shotId, team } = await boardWithShot()
    const link = await shareLink(boardId)
    const verdicts = `/api/review/${link.token}/verdicts`
    const status = () => (readRecord(team.doc, shotId) as TLShotShape | undefined)?.props.status
    const nothingToTakeBack = await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Kim' })
    expect([nothingToTakeBack.status, codeOf(nothingToTakeBack)]).toEqual([409, 'verdict_not_yours'])
    const approved = await call('POST', verdicts, { shotId, verdict: 'approved', reviewerName: 'Kim' })
    expect(approved.status).toBe(201)
    const kim = { cookie: browserCookie(approved) }
    await waitFor(() => status() === 'approved', { what: 'the approval reaches the team' })

    const byLee = await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Lee' })
    expect([byLee.status, codeOf(byLee)]).toEqual([409, 'verdict_not_yours'])
    const unknown = await call('POST', verdicts, { shotId, verdict: 'maybe', reviewerName: 'Kim' })
    expect([unknown.status, codeOf(unknown)]).toEqual([400, 'invalid_request'])
    expect(readShotReviews(team.doc).get(shotId)).toMatchObject({ verdict: 'approved', verdictBy: 'Kim' })

    const taken = await call('POST', verdicts, { shotId, verdict: null, reviewerName: ' Kim ' }, kim)
    expect(taken.status).toBe(200)
    expect(taken.body).toMatchObject({ shotId, verdict: null, reviewerName: 'Kim' })
    await waitFor(() => status() === 'in-review' && readShotReviews(team.doc).get(shotId)?.verdict === null, { what: 'the withdrawal reaches the team' })
    expect(readShotReviews(team.doc).get(shotId)).toMatchObject({ verdictBy: null })
    const twice = await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Kim' }, kim)
    expect([twice.status, codeOf(twice)]).toEqual([409, 'verdict_not_yours'])

    // A status the team set after the verdict is theirs: taking the verdict back leaves it.
    const changes = await call('POST', verdicts, { shotId, verdict: 'changes-requested', reviewerName: 'Lee' })
    expect(changes.status).toBe(201)
    await waitFor(() => status() === 'changes-requested', { what: 'changes requested reaches the team' })
    const shot = readRecord(team.doc, shotId) as TLShotShape
    writeRecords(team, { ...shot, props: { ...shot.props, status: 'draft' } })
    // Another member's copy has it: the server has it too.
    const other = await t.connected(boardId)
    await waitFor(() => (readRecord(other.doc, shotId) as TLShotShape | undefined)?.props.status === 'draft', { what: 'the team\'s status reaches the server' })
    expect((await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Lee' }, { cookie: browserCookie(changes) })).status).toBe(200)
    // The summary and the status are written in one change: with the one, the other would be there.
    await waitFor(() => readShotReviews(other.doc).get(shotId)?.verdict === null, { what: 'the withdrawal reaches the team' })
    expect((readRecord(other.doc, shotId) as TLShotShape).props.status).toBe('draft')
  })

  it('tells the team each shot\'s current verdict with when and through which link, and the links by label only', async () => {
    const { boardId, shotId } = await boardWithShot()
    const first = await shareLink(boardId, { label: 'Round 1' })
    const second = await shareLink(boardId, { label: 'Round 2' })
    const before = Date.now()
    expect((await call('POST', `/api/review/${first.token}/verdicts`, { shotId, verdict: 'approved', reviewerName: 'Kim' })).status).toBe(201)
    const changes = await call('POST', `/api/review/${second.token}/verdicts`, { shotId, verdict: 'changes-requested', reviewerName: 'Lee' })
    expect(changes.status).toBe(201)

    const listed = await call('GET', `/api/boards/${boardId}/verdicts`)
    expect(listed.status).toBe(200)
    const body = boardVerdictsResponseSchema.parse(listed.body)
    expect(body.verdicts).toMatchObject([{ shotId, verdict: 'changes-requested', reviewerName: 'Lee', shareLinkId: second.id, linkLabel: 'Round 2' }])
    expect(Date.parse(body.verdicts[0]!.createdAt)).toBeGreaterThanOrEqual(before)
    // The links' tokens open the board: they are not handed to viewers here.
    expect(listed.body).toMatchObject({ links: expect.arrayContaining([{ id: first.id, label: 'Round 1' }, { id: second.id, label: 'Round 2' }]) })
    expect(JSON.stringify(listed.body)).not.toContain(first.token)

    // Taken back, the shot has no verdict (not Kim's older one).
    expect((await call('POST', `/api/review/${second.token}/verdicts`, { shotId, verdict: null, reviewerName: 'Lee' }, { cookie: browserCookie(changes) })).status).toBe(200)
    expect(boardVerdictsResponseSchema.parse((await call('GET', `/api/boards/${boardId}/verdicts`)).body).verdicts).toEqual([])
  })

  it('a verdict is the browser\'s that gave it: typing the same name elsewhere cannot take it back', async () => {
    const { boardId, shotId, team } = await boardWithShot()
    const link = await shareLink(boardId)
    const verdicts = `/api/review/${link.token}/verdicts`
    const given = await call('POST', verdicts, { shotId, verdict: 'approved', reviewerName: 'Kim' })
    expect(given.status).toBe(201)

    // Someone else with the link types "Kim": in their own browser, or with a made-up key.
    for (const cookie of [undefined, 'storyloom_reviewer=' + 'x'.repeat(43)]) {
      const impostor = await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Kim' }, cookie ? { cookie } : {})
      expect([impostor.status, codeOf(impostor)]).toEqual([409, 'verdict_not_yours'])
    }
    expect(readShotReviews(team.doc).get(shotId)).toMatchObject({ verdict: 'approved', verdictBy: 'Kim' })

    const kimsBrowser = browserCookie(given)
    expect(kimsBrowser).toMatch(/^storyloom_reviewer=[\w-]{43}$/)
    expect(given.headers.getSetCookie().find((c) => c.startsWith('storyloom_reviewer='))).toMatch(/HttpOnly/i)

    // Kim's browser can, even after correcting the name's spelling.
    const taken = await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Kimberly' }, { cookie: kimsBrowser })
    expect(taken.status).toBe(200)
    await waitFor(() => readShotReviews(team.doc).get(shotId)?.verdict === null, { what: 'the withdrawal reaches the team' })
  })

  it('tells each browser which verdicts are its own, whatever name it typed', async () => {
    const { boardId, shotId } = await boardWithShot()
    const link = await shareLink(boardId)
    const verdicts = `/api/review/${link.token}/verdicts`
    const mine = async (cookie?: string) => {
      const res = await call('GET', `${verdicts}/mine`, undefined, cookie ? { cookie } : {})
      expect(res.status).toBe(200)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.getSetCookie()).toEqual([]) // asking issues no reviewer key
      return res.body
    }
    const kim = browserCookie(await call('POST', verdicts, { shotId, verdict: 'approved', reviewerName: 'Kim' }))
    expect(await mine(kim)).toEqual({ verdicts: [{ shotId, verdict: 'approved' }] })
    // A browser with no key, or a made-up one: not theirs.
    for (const cookie of [undefined, 'storyloom_reviewer=' + 'x'.repeat(43)]) expect(await mine(cookie)).toEqual({ verdicts: [] })

    // Another browser typing "Kim" gives the same verdict: it replaces the first Kim's, and is theirs only.
    const otherKim = browserCookie(await call('POST', verdicts, { shotId, verdict: 'approved', reviewerName: 'Kim' }))
    expect(await mine(kim)).toEqual({ verdicts: [] })
    expect(await mine(otherKim)).toEqual({ verdicts: [{ shotId, verdict: 'approved' }] })
    // Taken back: nobody's.
    expect((await call('POST', verdicts, { shotId, verdict: null, reviewerName: 'Kim' }, { cookie: otherKim })).status).toBe(200)
    expect(await mine(otherKim)).toEqual({ verdicts: [] })
    // Only this link's board: the same browser's verdict elsewhere is not listed.
    const elsewhere = await boardWithShot()
    const otherLink = await shareLink(elsewhere.boardId)
    expect((await call('POST', `/api/review/${otherLink.token}/verdicts`, { shotId: elsewhere.shotId, verdict: 'approved', reviewerName: 'Kim' }, { cookie: kim })).status).toBe(201)
    expect(await mine(kim)).toEqual({ verdicts: [] })
    const revoked = await call('GET', `/api/review/${'A'.repeat(43)}/verdicts/mine`)
    expect([revoked.status, codeOf(revoked)]).toEqual([404, 'share_link_not_found'])
  })

  it('refuses control characters and characters that reorder or hide text in what a reviewer sends, and stores nothing of it', async () => {
    const { boardId, shotId } = await boardWithShot()
    const link = await shareLink(boardId)
    const before = (await call('GET', `/api/boards/${boardId}/comments`)).body
    const refused = [
      await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'ok\u0000\u001b[31m', authorName: 'Carla' }),
      await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'ok', authorName: 'Carla\nThe director' }),
      await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: '\u200b\u200b', authorName: 'Carla' }),
      await call('POST', `/api/review/${link.token}/verdicts`, { shotId, verdict: 'approved', reviewerName: 'Carla\u0007' }),
      await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'Approved \u202e.devorppa ton', authorName: 'Carla' }),
      await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'ok', authorName: '\u2067Carla\u2069' }),
      await call('POST', `/api/review/${link.token}/verdicts`, { shotId, verdict: 'approved', reviewerName: 'Carla\u{e0041}' }),
    ]
    expect(refused.map((r) => [r.status, codeOf(r)])).toEqual(Array(7).fill([400, 'invalid_request']))
    expect((await call('GET', `/api/boards/${boardId}/comments`)).body).toEqual(before)
    const twoLines = await call('POST', `/api/review/${link.token}/comments`, { anchor: { kind: 'shot', shotId }, body: 'Slower here.\r\nAnd warmer.', authorName: 'Carla' })
    expect((twoLines.body as CommentThreadResponse).comments[0]!.body).toBe('Slower here.\nAnd warmer.')
  })
})
