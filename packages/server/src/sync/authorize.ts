/**
 * The authorization hook the sync endpoint calls before accepting a socket. Authentication
 * itself (sessions, share-link tokens) lives elsewhere; this is the seam it plugs into.
 */
import type { IncomingMessage } from 'node:http'

/** What a connection may do on a board. */
export type SyncAccess = {
  /** Viewers and review links: they get the doc and awareness, their doc updates are dropped. */
  readOnly: boolean
  /** For logs; never sent to other clients. */
  userId?: string
}

/**
 * Decides whether the upgrade request may open `boardId`:
 * - a `SyncAccess` to accept it;
 * - `null` when the caller is not signed in: the upgrade is refused with HTTP 401;
 * - `'forbidden'` when signed in without access: accepted, then closed with 4403, because
 *   browsers cannot see the HTTP status of a refused upgrade and the UI should say why.
 * A hook that throws refuses the upgrade with HTTP 500 (the error is logged).
 */
export type Authorize = (req: IncomingMessage, boardId: string) => Promise<SyncAccess | 'forbidden' | null>

/** The default until accounts exist: everyone who can reach the server is an editor. */
export const allowEveryone: Authorize = async () => ({ readOnly: false })
