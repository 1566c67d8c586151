import { beforeAll, describe, expect, it } from 'vitest'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { createAssetStore } from '@storyloom/server/assets/assetStore'
import { createApp } from '@storyloom/server/http/createApp'
import { BoardListHub } from '@storyloom/server/events/boardListHub'
import { requiredRole } from '@storyloom/server/http/boardAccess'
import { solidPng } from '../e2e/support/pngImage'
import { errorCode } from '../support/apiError'
import { addMembers, signUp, type TestAccount } from '../support/accounts'
import { createBoard } from '../support/syncClient'
import { useHttpTestServer } from '../support/httpTestServer'

const t = useHttpTestServer({ authRequired: true }, { per: 'file' })
let admin: TestAccount
const members = {} as Record<BoardRole, TestAccount>
let outsider: TestAccount

/**
 * Who may call what, written out by hand for the routes this suite knows. Routes other
 * helpers add under /api/boards/:boardId get the default policy (read: viewer, change: editor),
 * and are still covered by every refusal below.
 */
const EXPECTED: Record<string, BoardRole> = {
  'GET /api/boards/:boardId': 'viewer',
  'PATCH /api/boards/:boardId': 'editor',
  'DELETE /api/boards/:boardId': 'owner',
  'POST /api/boards/:boardId/duplicate': 'viewer',
  'POST /api/boards/:boardId/assets': 'editor',
  'GET /api/boards/:boardId/assets/:assetId': 'viewer',
  'GET /api/boards/:boardId/access': 'viewer',
  'GET /api/boards/:boardId/members': 'viewer',
  'PATCH /api/boards/:boardId/members/:userId': 'owner',
  'DELETE /api/boards/:boardId/members/:userId': 'owner',
  'GET /api/boards/:boardId/invites': 'owner',
  'POST /api/boards/:boardId/invites': 'owner',
  'DELETE /api/boards/:boardId/invites/:inviteId': 'owner',
}

/** Every route the app serves under /api/boards/:boardId (middleware entries are `ALL`). */
function boardRoutes(): { method: string; path: string }[] {
  const app = createApp({ db: t.server.db, config: t.server.config, sync: t.server.sync, assets: createAssetStore({ dir: t.server.dataDir, db: t.server.db }), generation: t.server.generation, boardList: new BoardListHub() })
  const seen = new Set<string>()
  return app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/boards/:boardId'))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }))
}

/** The route's path on `boardId`, other parameters filled with well-formed ids nobody has. */
function concretePath(path: string, boardId: string): string {
  return path.replace(':boardId', boardId).replace(/:assetId/g, '0'.repeat(64)).replace(/:[A-Za-z]+/g, 'A'.repeat(16))
}

function call(account: TestAccount | null, method: string, path: string): Promise<Response> {
  const hasBody = method !== 'GET' && method !== 'HEAD' && method !== 'DELETE'
  return fetch(t.server.url + path, {
    method,
    headers: { ...(account ? { cookie: account.cookie } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: '{}' } : {}),
  })
}

/** A board of its own per check: an allowed DELETE must not take the board from the next one. */
function boardWithMembers(): string {
  const boardId = createBoard(t.server.db)
  addMembers(t.server.db, boardId, Object.entries(members).map(([role, account]) => [account, role as BoardRole]))
  return boardId
}

beforeAll(async () => {
  admin = await signUp(t.server.url, 'Admin')
  for (const role of ['viewer', 'commenter', 'editor', 'owner'] as const) members[role] = await signUp(t.server.url, role)
  outsider = await signUp(t.server.url, 'Outsider')
})

describe('access to board routes', () => {
  it('knows every route of the table above (so the table cannot go stale)', () => {
    const served = new Set(boardRoutes().map((r) => `${r.method} ${r.path}`))
    expect(served.size).toBeGreaterThanOrEqual(Object.keys(EXPECTED).length)
    for (const route of Object.keys(EXPECTED)) expect(served, route).toContain(route)
  })

  it('refuses every board route to people not signed in (401), non-members (403) and on unknown boards (404)', async () => {
    const boardId = boardWithMembers()
    for (const { method, path } of boardRoutes()) {
      const anonymous = await call(null, method, concretePath(path, boardId))
      expect([anonymous.status, await errorCode(anonymous)], `${method} ${path} anonymous`).toEqual([401, 'not_signed_in'])
      const stranger = await call(outsider, method, concretePath(path, boardId))
      expect([stranger.status, await errorCode(stranger)], `${method} ${path} outsider`).toEqual([403, 'board_forbidden'])
      const missing = await call(members.owner, method, concretePath(path, 'Z'.repeat(16)))
      expect([missing.status, await errorCode(missing)], `${method} ${path} unknown board`).toEqual([404, 'board_not_found'])
    }
  })

  it.each(['viewer', 'commenter', 'editor', 'owner'] as const)('lets the %s role call exactly the routes it allows', async (role) => {
    for (const { method, path } of boardRoutes()) {
      const needed = EXPECTED[`${method} ${path}`] ?? requiredRole(method, path.replace('/api/boards/:boardId', ''))
      const allowed = ['viewer', 'commenter', 'editor', 'owner'].indexOf(role) >= ['viewer', 'commenter', 'editor', 'owner'].indexOf(needed)
      const res = await call(members[role], method, concretePath(path, boardWithMembers()))
      if (allowed) {
        // Past the access check; the dummy body or ids may still be refused by the route itself.
        expect([401, 403], `${role} ${method} ${path} -> ${res.status}`).not.toContain(res.status)
      } else {
        expect([res.status, await errorCode(res)], `${role} ${method} ${path}`).toEqual([403, 'role_required'])
      }
    }
  })

  it('gives the instance admin owner access to every board', async () => {
    const boardId = boardWithMembers()
    const res = await admin.api.api.boards[':boardId'].access.$get({ param: { boardId } })
    expect(await res.json()).toEqual({ role: 'owner' })
  })

  it('lists only the boards someone is a member of', async () => {
    const mine = await members.editor.api.api.boards.$post({ json: { name: 'Mine' } })
    const { id } = (await mine.json()) as { id: string }
    const theirs = (await (await outsider.api.api.boards.$get()).json()) as { boards: { id: string }[] }
    expect(theirs.boards.map((b) => b.id)).not.toContain(id)
    const own = (await (await members.editor.api.api.boards.$get()).json()) as { boards: { id: string }[] }
    expect(own.boards.map((b) => b.id)).toContain(id)
    const access = await members.editor.api.api.boards[':boardId'].access.$get({ param: { boardId: id } })
    expect(await access.json()).toEqual({ role: 'owner' })

    // Each board carries the caller's role, in the list and alone.
    const shared = boardWithMembers()
    const viewerList = (await (await members.viewer.api.api.boards.$get()).json()) as { boards: { id: string; role: string }[] }
    expect(viewerList.boards.find((b) => b.id === shared)?.role).toBe('viewer')
    const alone = await members.commenter.api.api.boards[':boardId'].$get({ param: { boardId: shared } })
    expect(await alone.json()).toMatchObject({ id: shared, role: 'commenter' })
  })

  it('serves an asset only through its own board, and only to that board’s members', async () => {
    const boardA = boardWithMembers()
    const boardB = createBoard(t.server.db)
    addMembers(t.server.db, boardB, [[outsider, 'owner']])
    const upload = await fetch(`${t.server.url}/api/boards/${boardA}/assets`, {
      method: 'POST',
      headers: { cookie: members.editor.cookie, 'content-type': 'image/png' },
      body: new Uint8Array(solidPng(4, 4, [200, 10, 10])),
    })
    expect(upload.status).toBe(201)
    const { id } = (await upload.json()) as { id: string }

    expect((await call(members.viewer, 'GET', `/api/boards/${boardA}/assets/${id}`)).status).toBe(200)
    const forbidden = await call(outsider, 'GET', `/api/boards/${boardA}/assets/${id}`)
    expect(await errorCode(forbidden)).toBe('board_forbidden')
    // Through a board of their own, the id opens nothing either.
    const elsewhere = await call(outsider, 'GET', `/api/boards/${boardB}/assets/${id}`)
    expect([elsewhere.status, await errorCode(elsewhere)]).toEqual([404, 'asset_not_found'])
  })
})
