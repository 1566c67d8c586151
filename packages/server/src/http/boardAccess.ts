/**
 * The one access check of every route under /api/boards/:boardId. It is mounted once on that
 * path in createApp, so every route added there inherits it; a test walks the app's routes to
 * prove none skips it (tests/integration/http-access.test.ts).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { COMMENT_ROLE, SHARE_LINK_ROLE, roleRefusal, type BoardRole } from '@storyloom/shared/access/roles'
import { BOARD_ID_PATTERN } from '@storyloom/shared/api/boards'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { roleOnBoard } from '../access/memberships'
import type { Db } from '../db/openDatabase'
import { liveBoardExists } from '../boards/liveBoards'
import type { AuthEnv } from './authEnv'
import { ApiError, boardNotFound } from './errors'
import { requirePrincipal, sessionStillLive } from './sessionCookie'

type Rule = { methods: readonly string[] | '*'; path: RegExp; role: BoardRole }

/**
 * Who may do what, by method and the path after `/api/boards/:boardId`; the first match wins.
 * Without a match, reading needs a viewer and changing anything needs an editor.
 */
export const BOARD_ROUTE_RULES: readonly Rule[] = [
  { methods: ['DELETE'], path: /^\/?$/, role: 'owner' },
  // A copy shows its maker only what they could already open (README, "Duplicate").
  { methods: ['POST'], path: /^\/duplicate$/, role: 'viewer' },
  { methods: '*', path: /^\/invites(\/|$)/, role: 'owner' },
  { methods: ['POST', 'PATCH', 'PUT', 'DELETE'], path: /^\/members(\/|$)/, role: 'owner' },
  // Reviewing: commenters may add and answer comments (the comment routes check authorship).
  { methods: ['POST', 'PATCH', 'DELETE'], path: /^\/comments(\/|$)/, role: COMMENT_ROLE },
  // Client-review links hand out read access to people outside the board: editors manage them.
  { methods: '*', path: /^\/share-links(\/|$)/, role: SHARE_LINK_ROLE },
]

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The role a request needs, from the rules above. */
export function requiredRole(method: string, subPath: string): BoardRole {
  for (const rule of BOARD_ROUTE_RULES) {
    if ((rule.methods === '*' || rule.methods.includes(method)) && rule.path.test(subPath)) return rule.role
  }
  return READ_METHODS.has(method) ? 'viewer' : 'editor'
}

/**
 * Resolves the caller's role on the board and refuses the request unless it is enough:
 * `not_signed_in` (401), `board_not_found` (404), `board_forbidden` (403: not a member) or
 * `role_required` (403). Sets `boardAccess` for the route.
 */
export function boardAccess(db: Db): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const boardId = c.req.param('boardId')
    // Refused here, not left to the route's validator: no route runs on an id this check did not vet.
    if (boardId === undefined || !BOARD_ID_PATTERN.test(boardId)) {
      throw new ApiError(ApiErrorCode.invalidRequest, 'boardId: not a valid board id')
    }
    const principal = requirePrincipal(c)
    // A board in the trash is not found, like one that never was (boards/liveBoards.ts).
    if (!liveBoardExists(db, boardId)) throw boardNotFound(boardId)
    const role = roleOnBoard(db, principal, boardId)
    if (!role) throw new ApiError(ApiErrorCode.boardForbidden, 'you are not a member of this board; ask an owner for an invite link')
    const prefix = `/api/boards/${boardId}`
    const subPath = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : c.req.path
    const required = requiredRole(c.req.method, subPath)
    const refusal = roleRefusal(role, required)
    if (refusal) throw new ApiError(ApiErrorCode.roleRequired, refusal)
    c.set('boardAccess', { principal, role })
    await next()
  }
}

/**
 * For a response that outlives its request (the board's event stream): whether the access
 * {@link boardAccess} granted still holds — the session is live (not signed out or expired),
 * the board exists, and the caller is still on it. Call it only after `boardAccess` ran.
 */
export function boardAccessStillHolds(db: Db, c: Context<AuthEnv>, boardId: string): () => boolean {
  const { principal } = c.get('boardAccess')
  const sessionLive = sessionStillLive(db, c, principal)
  return () => sessionLive() && liveBoardExists(db, boardId) && roleOnBoard(db, principal, boardId) !== undefined
}

