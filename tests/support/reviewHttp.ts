import { expect } from 'vitest'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { shareLinkResponseSchema, type ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import { pagesOf, shotShape } from './boardFixtures'
import { createBoard, waitFor, writeRecords, type SyncClient } from './syncClient'
import type { SyncTestServer } from './syncTestServer'

export type Call = { status: number; body: unknown; headers: Headers }

/** HTTP helpers for the review tests, against the test server `t` (read when called, so after it started). */
export function reviewHttp(t: SyncTestServer) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Call> {
    const res = await fetch(t.server.url + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers }
  }

  async function shareLink(boardId: string, body: object = {}): Promise<ShareLinkResponse & { token: string }> {
    const res = await call('POST', `/api/boards/${boardId}/share-links`, body)
    expect(res.status).toBe(201)
    const link = shareLinkResponseSchema.parse(res.body)
    return { ...link, token: link.path.split('/').at(-1)! }
  }

  /** A board with one shot on it, and a team member connected to it. */
  async function boardWithShot(): Promise<{ boardId: string; shotId: string; pageId: string; team: SyncClient }> {
    const boardId = createBoard(t.server.db)
    const team = await t.connected(boardId)
    const page = pagesOf(team.doc)[0]!
    const shot = shotShape(`s${Math.random().toString(36).slice(2, 8)}`, page.id, {})
    writeRecords(team, shot)
    await waitFor(async () => (await call('POST', `/api/boards/${boardId}/comments`, { anchor: { kind: 'shot', shotId: shot.id }, body: 'probe', authorName: 'Probe' })).status === 201, {
      what: 'the shot reaches the server',
    })
    return { boardId, shotId: shot.id, pageId: page.id, team }
  }

  return { call, shareLink, boardWithShot }
}

/** The reviewer-key cookie a verdict response set, as a browser would send it back. */
export function browserCookie(result: Call): string {
  return result.headers.getSetCookie().find((c) => c.startsWith('storyloom_reviewer='))!.split(';')[0]!
}

export function codeOf(result: Call): string {
  return apiErrorBodySchema.parse(result.body).error.code
}
