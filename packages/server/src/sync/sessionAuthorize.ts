/** The sync endpoint's `Authorize` hook when accounts are on: the session cookie and board membership decide. */
import { parse } from 'hono/utils/cookie'
import { canEditDoc } from '@storyloom/shared/access/roles'
import { roleOnBoard } from '../access/memberships'
import { SESSION_COOKIE, sessionIsLive, userOfSession } from '../auth/accounts'
import { hashToken } from '../auth/secretToken'
import type { Db } from '../db/openDatabase'
import type { Authorize } from './authorize'

/**
 * Not signed in: refused (401). Signed in without access: `forbidden` (closed with 4403).
 * Viewers and commenters get a read-only connection: their doc updates are dropped. Signing
 * out (or the session expiring) closes the connection with 4401 at the next keepalive tick.
 */
export function sessionAuthorize(db: Db): Authorize {
  return async (req, boardId) => {
    const token = req.headers.cookie ? parse(req.headers.cookie, SESSION_COOKIE)[SESSION_COOKIE] : undefined
    if (!token) return null
    const user = userOfSession(db, token)
    if (!user) return null
    const role = roleOnBoard(db, { kind: 'user', user }, boardId)
    if (!role) return 'forbidden'
    const tokenHash = hashToken(token)
    return { readOnly: !canEditDoc(role), userId: user.id, role, stillValid: () => sessionIsLive(db, tokenHash) }
  }
}
