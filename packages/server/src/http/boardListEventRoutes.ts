import { Hono } from 'hono'
import type { BoardListEvent } from '@storyloom/shared/events/boardListEvents'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { AuthEnv } from './authEnv'
import { streamEvents } from './eventStream'
import { requirePrincipal, sessionStillLive } from './sessionCookie'

/**
 * /api/board-list/events: the caller's board-list channel (see docs/http-api.md). Signed in
 * only; the hub sends each person only changes to boards they see, and the stream ends once
 * their session does (signed out, expired).
 */
export function boardListEventRoutes({ db, boardList }: { db: Db; boardList: BoardListHub }) {
  return new Hono<AuthEnv>().get('/events', (c) => {
    const principal = requirePrincipal(c)
    return streamEvents<BoardListEvent>(c, {
      subscribe: (send) => boardList.subscribe(principal, send),
      allowed: sessionStillLive(db, c, principal),
      closed: boardList.closed,
    })
  })
}
