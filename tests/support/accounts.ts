import { expect } from 'vitest'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { userResponseSchema, type UserResponse } from '@storyloom/shared/api/accounts'
import type { Db } from '@storyloom/server/db/openDatabase'
import { boardMembers } from '@storyloom/server/db/schema'
import { createApiClient, type ApiClient } from '@storyloom/server/http/apiClient'
import { createBoard } from './syncClient'

/** A signed-in test account: its session cookie, and a typed API client that sends it. */
export type TestAccount = { user: UserResponse; cookie: string; api: ApiClient }

let nextAccount = 1

/** The `name=value` part of the session cookie a response set. */
export function sessionCookieOf(res: Response): string {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('storyloom_session='))
  if (!header) throw new Error(`no session cookie in the response (status ${res.status})`)
  return header.split(';')[0]!
}

/** Signs up a fresh account on `baseUrl` (password `correct horse battery`). */
export async function signUp(baseUrl: string, name = `Person ${nextAccount}`): Promise<TestAccount> {
  const email = `person${nextAccount++}-${Date.now()}@example.com`
  const res = await createApiClient(baseUrl).api.auth['sign-up'].$post({ json: { email, password: 'correct horse battery', name } })
  expect(res.status).toBe(201)
  const user = userResponseSchema.parse(await res.json())
  const cookie = sessionCookieOf(res)
  return { user, cookie, api: createApiClient(baseUrl, { headers: { cookie } }) }
}

/** Puts each account on `boardId` with its role (written straight to the database). */
export function addMembers(db: Db, boardId: string, members: readonly (readonly [TestAccount, BoardRole])[]): void {
  db.insert(boardMembers).values(members.map(([account, role]) => ({ boardId, userId: account.user.id, role, createdAt: new Date() }))).run()
}

/** A new board that `owner` owns and `member` is on as `role` (written straight to the database). */
export function boardWithMember(db: Db, owner: TestAccount, member: TestAccount, role: BoardRole): string {
  const boardId = createBoard(db)
  addMembers(db, boardId, [[owner, 'owner'], [member, role]])
  return boardId
}
