import { describe, expect, it } from 'vitest'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { shareLinkListResponseSchema, shareLinkResponseSchema, type ReviewLinkInfo, type ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import { closeExpiredReviews } from '@storyloom/server/review/reviewExpiry'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { makePng } from '../support/makePng'
import { makeWav } from '../support/makeWav'
import { assetUrl } from '@storyloom/shared/api/assets'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createBoard, openRawSocket, waitFor, writeRecords } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { reviewHttp, codeOf } from '../support/reviewHttp'

const t = useSyncTestServer()
const { call, shareLink, boardWithShot } = reviewHttp(t)

describe('share links', () => {
  it('opens the board read-only for a reviewer, and only once the passcode is typed', async () => {
    const boardId = createBoard(t.server.db, 'Spot 30s')
    const link = await shareLink(boardId, { label: 'Client', passcode: 'open sesame' })
    expect(link).toMatchObject({ label: 'Client', hasPasscode: true, state: 'active', expiresAt: null })
    expect(JSON.stringify(link)).not.toContain('open sesame')

    const locked = await call('GET', `/api/review/${link.token}`)
    expect(locked.body).toEqual({ locked: true, passcodeRequired: true } satisfies ReviewLinkInfo)
    expect(codeOf(await call('GET', `/api/review/${link.token}/comments`))).toBe('passcode_required')
    const refused = openRawSocket(`${t.server.syncUrl}/${boardId}?review=${link.token}`)
    expect(await refused.refused).toBe(401)

    expect(codeOf(await call('POST', `/api/review/${link.token}/unlock`, { passcode: 'open sesame?' }))).toBe('wrong_passcode')
    const unlocked = await call('POST', `/api/review/${link.token}/unlock`, { passcode: 'open sesame' })
    expect(unlocked.status).toBe(200)
    expect(unlocked.body).toMatchObject({ locked: false, boardId, boardName: 'Spot 30s' })
    const cookie = unlocked.headers.getSetCookie()[0]!.split(';')[0]!
    expect(unlocked.headers.getSetCookie()[0]).toMatch(/HttpOnly/i)

    expect((await call('GET', `/api/review/${link.token}/comments`, undefined, { cookie })).status).toBe(200)
    const socket = openRawSocket(`${t.server.syncUrl}/${boardId}?review=${link.token}`, { cookie })
    await socket.opened
    socket.ws.close()
  })

  it('drops a reviewer\'s document writes', async () => {
    const { boardId, team } = await boardWithShot()
    const link = await shareLink(boardId)
    const reviewer = await t.connected(boardId, { params: { review: link.token } })
    const page = pagesOf(reviewer.doc)[0]!
    writeRecords(reviewer, shotShape('sneaky', page.id))
    await waitFor(() => reviewer.notices.some((n) => n.code === 'read_only'), { what: 'the read-only notice' })
    writeRecords(team, shotShape('marker', page.id))
    await waitFor(() => readRecord(reviewer.doc, 'shape:marker') !== undefined, { what: 'a later team write reaches the reviewer' })
    expect(readRecord(team.doc, 'shape:sneaky')).toBeUndefined()
  })

  it('refuses expired, revoked and forged links with their own codes', async () => {
    const boardId = createBoard(t.server.db)
    const expired = await shareLink(boardId)
    t.server.db.$client.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, expired.id)
    expect(codeOf(await call('GET', `/api/review/${expired.token}`))).toBe('share_link_expired')

    const revoked = await shareLink(boardId)
    const watching = await t.connected(boardId, { params: { review: revoked.token } })
    const res = await call('DELETE', `/api/boards/${boardId}/share-links/${revoked.id}`)
    expect(res.body).toMatchObject({ state: 'revoked' })
    expect(codeOf(await call('GET', `/api/review/${revoked.token}`))).toBe('share_link_revoked')
    await waitFor(() => watching.closes.some((c) => c.code === 4403), { what: 'the open presentation is closed' })

    // An expiry also closes presentations already open through the link.
    const expiring = await shareLink(boardId)
    const watchingExpiring = await t.connected(boardId, { params: { review: expiring.token } })
    const expiredAt = Date.now() - 1000
    t.server.db.$client.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?').run(expiredAt, expiring.id)
    expect(closeExpiredReviews(t.server.db, t.server.sync, new Date(expiredAt - 1), new Date())).toBe(1)
    await waitFor(() => watchingExpiring.closes.some((c) => c.code === 4403), { what: 'the expired presentation is closed' })

    const forged = 'A'.repeat(43)
    const forgedRes = await call('GET', `/api/review/${forged}`)
    expect([forgedRes.status, codeOf(forgedRes)]).toEqual([404, 'share_link_not_found'])
    expect(codeOf(await call('GET', `/api/review/not-a-token`))).toBe('invalid_request')

    const list = await call('GET', `/api/boards/${boardId}/share-links`)
    expect((list.body as { links: ShareLinkResponse[] }).links.map((l) => l.state).sort()).toEqual(['expired', 'expired', 'revoked'])
  })

  it('keeps when a link was turned off and by whom: the first time, and the name the team member\'s device sent (local mode)', async () => {
    const boardId = createBoard(t.server.db)
    const named = await shareLink(boardId)
    const before = Date.now()
    const first = await call('DELETE', `/api/boards/${boardId}/share-links/${named.id}`, { authorName: 'Ada' })
    expect(first.status).toBe(200)
    const revoked = shareLinkResponseSchema.parse(first.body)
    expect(revoked).toMatchObject({ state: 'revoked', revokedByName: 'Ada' })
    expect(Date.parse(revoked.revokedAt!)).toBeGreaterThanOrEqual(before)
    // Turned off again, by someone else: it was already off, since then, by Ada.
    const again = await call('DELETE', `/api/boards/${boardId}/share-links/${named.id}`, { authorName: 'Ben' })
    expect(shareLinkResponseSchema.parse(again.body)).toEqual(revoked)

    // Without a body (older clients, scripts), or an empty name: off, when, nobody named.
    const unnamed = await shareLink(boardId)
    const bare = await call('DELETE', `/api/boards/${boardId}/share-links/${unnamed.id}`)
    expect(shareLinkResponseSchema.parse(bare.body)).toMatchObject({ state: 'revoked', revokedByName: null, revokedAt: expect.any(String) })
    const blank = await shareLink(boardId)
    expect(codeOf(await call('DELETE', `/api/boards/${boardId}/share-links/${blank.id}`, { authorName: '  ' }))).toBe('invalid_request')
    expect((await call('GET', `/api/review/${blank.token}`)).status).toBe(200) // refused: still on

    const list = shareLinkListResponseSchema.parse((await call('GET', `/api/boards/${boardId}/share-links`)).body)
    expect(Object.fromEntries(list.links.map((l) => [l.id, [l.state, l.revokedByName]]))).toEqual({
      [blank.id]: ['active', null],
      [unnamed.id]: ['revoked', null],
      [named.id]: ['revoked', 'Ada'],
    })
  })

  it('refuses an expiry in the past and over-long labels', async () => {
    const boardId = createBoard(t.server.db)
    const past = await call('POST', `/api/boards/${boardId}/share-links`, { expiresAt: new Date(Date.now() - 60_000).toISOString() })
    expect([past.status, codeOf(past)]).toEqual([422, 'invalid_expiry'])
    expect(codeOf(await call('POST', `/api/boards/${boardId}/share-links`, { label: 'x'.repeat(81) }))).toBe('invalid_request')
    expect(codeOf(await call('POST', `/api/boards/${boardId}/share-links`, { passcode: 'abc' }))).toBe('invalid_request')
    // A JSON body sent without its content type is refused, not taken for {} (an open link, the passcode dropped).
    const plain = await call('POST', `/api/boards/${boardId}/share-links`, JSON.stringify({ passcode: 'right one' }), { 'content-type': 'text/plain' })
    expect([plain.status, codeOf(plain)]).toEqual([400, 'invalid_request'])
    expect(apiErrorBodySchema.parse(plain.body).error.message).toContain('Content-Type: application/json')
    expect((await call('GET', `/api/boards/${boardId}/share-links`)).body).toEqual({ links: [] })
  })

  it('limits wrong passcodes per link', async () => {
    const boardId = createBoard(t.server.db)
    const link = await shareLink(boardId, { passcode: 'right one' })
    for (let i = 0; i < 10; i++) {
      expect(codeOf(await call('POST', `/api/review/${link.token}/unlock`, { passcode: `guess ${i}` }))).toBe('wrong_passcode')
    }
    const limited = await call('POST', `/api/review/${link.token}/unlock`, { passcode: 'right one' })
    expect([limited.status, codeOf(limited)]).toEqual([429, 'too_many_passcode_attempts'])
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('limits wrong passcodes sent all at once as well as one by one', async () => {
    const boardId = createBoard(t.server.db)
    const link = await shareLink(boardId, { passcode: 'right one' })
    // Checking a passcode takes tens of ms (scrypt): guesses sent together must not all slip in before the first is counted.
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => call('POST', `/api/review/${link.token}/unlock`, { passcode: `guess ${i}` })))
    expect(answers.filter((a) => codeOf(a) === 'wrong_passcode')).toHaveLength(10)
    expect(answers.filter((a) => codeOf(a) === 'too_many_passcode_attempts')).toHaveLength(20)
  })

  it('does not count the right passcode against the limit', async () => {
    const boardId = createBoard(t.server.db)
    const link = await shareLink(boardId, { passcode: 'right one' })
    for (let i = 0; i < 12; i++) expect((await call('POST', `/api/review/${link.token}/unlock`, { passcode: 'right one' })).status).toBe(200)
    for (let i = 0; i < 10; i++) expect(codeOf(await call('POST', `/api/review/${link.token}/unlock`, { passcode: `guess ${i}` }))).toBe('wrong_passcode')
  })

  it('keeps each board\'s links, assets and sync to that board', async () => {
    const a = createBoard(t.server.db)
    const b = createBoard(t.server.db)
    const linkA = await shareLink(a)
    const otherBoardRevoke = await call('DELETE', `/api/boards/${b}/share-links/${linkA.id}`)
    expect([otherBoardRevoke.status, codeOf(otherBoardRevoke)]).toEqual([404, 'share_link_not_found'])
    expect((await call('GET', `/api/review/${linkA.token}`)).status).toBe(200)

    const wrongBoard = openRawSocket(`${t.server.syncUrl}/${b}?review=${linkA.token}`)
    expect(await wrongBoard.refused).toBe(401)

    const png = makePng(2, 2, 7)
    const upload = async (boardId: string) => {
      const res = await fetch(`${t.server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: png, headers: { 'content-type': 'image/png' } })
      return ((await res.json()) as { id: string }).id
    }
    const assetOfA = await upload(a)
    expect((await fetch(`${t.server.url}/api/review/${linkA.token}/assets/${assetOfA}`)).status).toBe(200)
    const assetOfB = await upload(b)
    if (assetOfB !== assetOfA) {
      expect((await fetch(`${t.server.url}/api/review/${linkA.token}/assets/${assetOfB}`)).status).toBe(404)
    }
  })
})

describe('the soundtrack', () => {
  it('lets a review link play the board\'s soundtrack file, as the team uploaded it', async () => {
    const { boardId, shotId, team } = await boardWithShot()
    const wav = makeWav(1.5)
    const res = await fetch(`${t.server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: wav, headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'scratch%20VO.wav' } })
    expect(res.status).toBe(201)
    const uploaded = (await res.json()) as { id: string; mimeType: string }
    expect(uploaded.mimeType).toBe('audio/wav')
    writeRecords(team, createBoardSettings({ soundtrack: { src: assetUrl(boardId, uploaded.id), mimeType: 'audio/wav', name: 'scratch VO.wav', duration: 1.5, startAt: 0 } }))
    const link = await shareLink(boardId)

    const whole = await fetch(`${t.server.url}/api/review/${link.token}/assets/${uploaded.id}`)
    expect([whole.status, whole.headers.get('content-type')]).toEqual([200, 'audio/wav'])
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(wav)
    // <audio> seeks with range requests.
    const part = await fetch(`${t.server.url}/api/review/${link.token}/assets/${uploaded.id}`, { headers: { range: 'bytes=44-99' } })
    expect([part.status, (await part.arrayBuffer()).byteLength]).toEqual([206, 56])
    // A soundtrack is not a take: the versions API refuses to make one of it.
    const take = await call('POST', `/api/boards/${boardId}/shots/${encodeURIComponent(shotId)}/versions`, { assets: [{ assetId: uploaded.id }] })
    expect([take.status, codeOf(take)]).toEqual([415, 'unsupported_media_type'])
  })
})
